import { useForm } from '@conform-to/react'
import type { z } from 'zod'
import { targetDirections } from '../../../db/interventions'
import { withChosenBaseline } from './target-form'
import { metricCatalogue } from '~/interventions/metrics'
import { targetInputSchema } from '~/interventions/validation'
import { DateField, NumberField, SelectField } from './controls'
import { label } from './labels'
import { useReply } from './reply'
import { Field } from '~/components/Field'
import { PostForm } from '~/components/PostForm'
import { parseForm } from '~/forms'
import { useT } from '~/i18n/use-t'

/**
 * A new target: a metric of the catalogue, its direction, a baseline from the wijk data (the
 * server looks it up, with its table, column and period) or typed in with a source note, and
 * the target value and date. A data baseline may be taken at an earlier period (the start of
 * the programme): the periods after it are then offered as measurements.
 */
export function NewTargetForm({ periods = [] }: { periods?: { period: string; label: string }[] }) {
  const { t, locale } = useT()
  const reply = useReply('target')
  const [form, fields] = useForm<z.input<typeof targetInputSchema>, z.output<typeof targetInputSchema>>({
    id: 'target',
    lastResult: reply,
    onValidate: ({ formData }) => parseForm(withChosenBaseline(formData), targetInputSchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const baseline = fields.baseline.getFieldset()
  // Not a field of the schema: the action drops the hand-typed baseline unless "by hand" is chosen.
  const handChosen = reply?.initialValue?.baselineKind === 'hand'
  return (
    <details className="iv-disclosure iv-new-target" open={reply ? true : undefined}>
      <summary>{t('intervention-pages.newTarget.title')}</summary>
      <PostForm form={form} submitLabel={t('intervention-pages.newTarget.submit')} className="iv-form">
        <input type="hidden" name="intent" value="target" />
        <input type="hidden" name="formId" value="target" />
        <SelectField
          meta={fields.metric}
          label={t('intervention-pages.newTarget.metric')}
          options={metricCatalogue.map((m) => [m.code, `${m.label[locale]} (${m.unit[locale]})`])}
          required
        />
        <SelectField
          meta={fields.direction}
          label={t('intervention-pages.newTarget.direction')}
          options={targetDirections.map((d) => [d, label.direction(d, locale)])}
          required
        />
        <fieldset className="field iv-choice" aria-describedby="target-baseline-kind-hint">
          <legend>{t('intervention-pages.newTarget.baseline')}</legend>
          <span className="hint" id="target-baseline-kind-hint">
            {t('intervention-pages.newTarget.baseline.hint')}
          </span>
          <label>
            <input type="radio" name="baselineKind" value="data" defaultChecked={!handChosen} />{' '}
            {t('intervention-pages.newTarget.baseline.data')}
          </label>
          <label>
            <input type="radio" name="baselineKind" value="hand" defaultChecked={handChosen} />{' '}
            {t('intervention-pages.newTarget.baseline.hand')}
          </label>
        </fieldset>
        {periods.length > 0 ? (
          <div className="iv-data-baseline">
            <SelectField
              meta={fields.baselinePeriod}
              label={t('intervention-pages.newTarget.baselinePeriod')}
              hint={t('intervention-pages.newTarget.baselinePeriod.hint')}
              empty={t('intervention-pages.newTarget.baselinePeriod.newest')}
              options={periods.map((p) => [p.period, p.label])}
            />
          </div>
        ) : null}
        <div className="iv-hand-baseline">
          <NumberField
            meta={baseline.value}
            label={t('intervention-pages.newTarget.baselineValue')}
            hint={t('intervention-pages.newTarget.baselineValue.hint')}
          />
          <Field
            meta={baseline.source}
            label={t('intervention-pages.newTarget.baselineNote')}
            hint={t('intervention-pages.newTarget.baselineNote.hint')}
            maxLength={300}
          />
        </div>
        <NumberField meta={fields.targetValue} label={t('intervention-pages.newTarget.targetValue')} required />
        <DateField meta={fields.targetDate} label={t('intervention-pages.newTarget.targetDate')} />
      </PostForm>
    </details>
  )
}
