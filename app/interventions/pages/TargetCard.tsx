import { Form } from '@remix-run/react'
import { targetJudgements } from '../../../db/interventions'
import { StatusBadge } from '~/interventions/StatusBadge'
import { TargetChart } from '~/interventions/TargetChart'
import type { CommentView, InterventionView, MeasurementView, TargetView } from '~/interventions/types'
import { judgementSchema, measurementSchema } from '~/interventions/validation'
import { CommentThread } from './CommentThread'
import { CheckboxField, DateField, NumberField, SelectField, TextAreaField, TextField } from './controls'
import {
  baselineSourceText,
  describeMetric,
  formatDate,
  formatMoment,
  label,
  measurementSourceText,
  periodText,
} from './labels'
import { useReply } from './reply'
import { Field } from '~/components/Field'
import { PostForm } from '~/components/PostForm'
import { useSchemaForm } from '~/forms'
import { useT } from '~/i18n/use-t'
import type { OfferedMeasurement } from '~/interventions/types'

export type { OfferedMeasurement }

/** One target: what it measures, from where to where by when, how it goes, and its measurements. */
export function TargetCard({
  view,
  target,
  offered,
}: {
  view: InterventionView
  target: TargetView
  offered: OfferedMeasurement[]
}) {
  const { t, locale } = useT()
  const metric = describeMetric(target.metric, locale)
  const figure = metric.figure
  const measurements = view.measurements
    .filter((m) => m.targetId === target.id)
    .sort((a, b) => a.date.localeCompare(b.date))
  const headingId = `target-${target.id}`
  return (
    <article className="iv-target" aria-labelledby={headingId} data-testid="iv-target" data-metric={target.metric}>
      <header className="iv-target-head">
        <h3 id={headingId}>
          {metric.label} <span className="meta">({metric.unit})</span>
        </h3>
        <StatusBadge status={target.status} locale={locale} />
      </header>
      <dl className="iv-facts compact">
        <div>
          <dt>{t('intervention-pages.target.direction')}</dt>
          <dd>{label.direction(target.direction, locale)}</dd>
        </div>
        <div>
          <dt>{t('intervention-pages.target.baseline')}</dt>
          <dd data-testid="iv-baseline">
            {figure(target.baseline.value)} ({formatDate(target.baseline.date, locale)})
            <span className="iv-source">{baselineSourceText(target.baseline.source, locale)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('intervention-pages.target.goal')}</dt>
          <dd data-testid="iv-goal">
            {t('intervention-pages.target.goalValue', {
              value: figure(target.targetValue),
              date: formatDate(target.targetDate, locale),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('intervention-pages.target.judgement')}</dt>
          <dd data-testid="iv-judgement">
            {target.judgement ? (
              <>
                <strong>{label.judgement(target.judgement.value, locale)}</strong>
                {target.judgement.note ? ` — ${target.judgement.note}` : ''}{' '}
                <span className="meta">
                  {[target.judgement.by, formatMoment(target.judgement.at, locale)].filter(Boolean).join(' · ')}
                </span>
              </>
            ) : (
              t('intervention-pages.target.noJudgement')
            )}
          </dd>
        </div>
      </dl>
      <p className="hint">{t('intervention-pages.target.contribution')}</p>
      <figure className="iv-chart">
        {metric.metric ? (
          <TargetChart
            metric={metric.metric}
            target={target}
            measurements={measurements}
            versions={view.versions}
            locale={locale}
          />
        ) : null}
        <figcaption className="meta">
          {t('intervention-pages.target.chartCaption', { metric: metric.label, unit: metric.unit })}
        </figcaption>
      </figure>
      <MeasurementTable
        measurements={measurements}
        comments={view.comments}
        figure={figure}
        canEdit={view.canEdit}
        caption={t('intervention-pages.measurements.caption', { metric: metric.label })}
      />
      {view.canEdit ? (
        <>
          <OfferedFigures offered={offered.filter((o) => o.targetId === target.id)} figure={figure} />
          <JudgementForm key={target.judgement?.at} target={target} />
          <MeasurementForm key={measurements.length} target={target} unit={metric.unit} />
        </>
      ) : null}
    </article>
  )
}

function MeasurementTable({
  measurements,
  comments,
  figure,
  canEdit,
  caption,
}: {
  measurements: MeasurementView[]
  comments: CommentView[]
  figure: (value: number) => string
  canEdit: boolean
  caption: string
}) {
  const { t, locale } = useT()
  if (measurements.length === 0) return <p>{t('intervention-pages.measurements.none')}</p>
  return (
    <table className="iv-table" data-testid="iv-measurements">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('intervention-pages.measurements.date')}</th>
          <th scope="col" className="num">
            {t('intervention-pages.measurements.value')}
          </th>
          <th scope="col">{t('intervention-pages.measurements.period')}</th>
          <th scope="col">{t('intervention-pages.measurements.kind')}</th>
          <th scope="col">{t('intervention-pages.measurements.source')}</th>
        </tr>
      </thead>
      <tbody>
        {measurements.map((m) => (
          <tr key={m.id} data-testid="iv-measurement">
            <td>{formatDate(m.date, locale)}</td>
            <td className="num">{figure(m.value)}</td>
            <td>{m.period ? periodText(m.period, locale) : '—'}</td>
            <td>{t(m.provisional ? 'intervention-pages.provisional' : 'intervention-pages.final')}</td>
            <td>
              {measurementSourceText(m, locale)}
              <CommentThread
                comments={comments.filter((c) => c.measurementId === m.id)}
                on={{ measurementId: m.id }}
                canEdit={canEdit}
                title={t('intervention-pages.comment.onMeasurement', { date: formatDate(m.date, locale) })}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function OfferedFigures({ offered, figure }: { offered: OfferedMeasurement[]; figure: (value: number) => string }) {
  const { t, locale } = useT()
  if (offered.length === 0) return null
  return (
    <div className="iv-offered" data-testid="iv-offered">
      <h4>{t('intervention-pages.offered.title')}</h4>
      <ul>
        {offered.map((o) => (
          <li key={`${o.period}-${o.date}`}>
            {t('intervention-pages.offered.figure', {
              value: figure(o.value),
              period: periodText(o.period, locale),
              source: o.source,
            })}
            {o.provisional ? ` (${t('intervention-pages.provisional')})` : ''}
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="measurement" />
              <input type="hidden" name="formId" value={`offered-${o.targetId}-${o.period}`} />
              <input type="hidden" name="targetId" value={o.targetId} />
              <input type="hidden" name="value" value={o.value} />
              <input type="hidden" name="date" value={o.date} />
              <input type="hidden" name="period" value={o.period} />
              <input type="hidden" name="source" value={o.source} />
              {o.provisional ? <input type="hidden" name="provisional" value="on" /> : null}{' '}
              <button
                type="submit"
                className="button secondary small"
                aria-label={t('intervention-pages.offered.addLabel', {
                  period: periodText(o.period, locale),
                  date: formatDate(o.date, locale),
                })}
              >
                {t('intervention-pages.offered.add')}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </div>
  )
}

function JudgementForm({ target }: { target: TargetView }) {
  const { t, locale } = useT()
  const formId = `judgement-${target.id}`
  const reply = useReply(formId)
  const [form, fields] = useSchemaForm(formId, judgementSchema, reply)
  return (
    <details className="iv-disclosure" open={reply ? true : undefined}>
      <summary>{t('intervention-pages.judgement.title')}</summary>
      <PostForm form={form} submitLabel={t('intervention-pages.judgement.submit')} className="iv-inline-form">
        <input type="hidden" name="intent" value="judgement" />
        <input type="hidden" name="formId" value={formId} />
        <input type="hidden" name="targetId" value={target.id} />
        <SelectField
          meta={fields.judgement}
          label={t('intervention-pages.judgement.value')}
          options={targetJudgements.map((j) => [j, label.judgement(j, locale)])}
          defaultValue={target.judgement?.value}
          required
        />
        <TextAreaField
          meta={fields.note}
          label={t('intervention-pages.judgement.note')}
          hint={t('intervention-pages.judgement.note.hint')}
          defaultValue={target.judgement?.note ?? ''}
          maxLength={1000}
        />
      </PostForm>
    </details>
  )
}

function MeasurementForm({ target, unit }: { target: TargetView; unit: string }) {
  const { t } = useT()
  const formId = `measurement-${target.id}`
  const reply = useReply(formId)
  const [form, fields] = useSchemaForm(formId, measurementSchema, reply)
  return (
    <details className="iv-disclosure" open={reply ? true : undefined}>
      <summary>{t('intervention-pages.measurement.title')}</summary>
      <PostForm form={form} submitLabel={t('intervention-pages.measurement.submit')} className="iv-inline-form">
        <input type="hidden" name="intent" value="measurement" />
        <input type="hidden" name="formId" value={formId} />
        <input type="hidden" name="targetId" value={target.id} />
        <NumberField meta={fields.value} label={t('intervention-pages.measurement.value', { unit })} required />
        <DateField meta={fields.date} label={t('intervention-pages.measurement.date')} />
        <TextField
          meta={fields.period}
          label={t('intervention-pages.measurement.period')}
          hint={t('intervention-pages.measurement.period.hint')}
          maxLength={40}
        />
        <Field
          meta={fields.source}
          label={t('intervention-pages.measurement.source')}
          hint={t('intervention-pages.measurement.source.hint')}
          required
          maxLength={300}
        />
        <CheckboxField name={fields.provisional.name} id={fields.provisional.id}>
          {t('intervention-pages.measurement.provisional')}
        </CheckboxField>
      </PostForm>
    </details>
  )
}
