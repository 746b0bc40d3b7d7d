import { Link } from '@remix-run/react'
import { StatusBadge, TrafficLight } from '~/interventions/StatusBadge'
import { TargetChart } from '~/interventions/TargetChart'
import type { InterventionView } from '~/interventions/types'
import { baselineSourceText, describeMetric, formatDate, formatMoment, label, measurementSourceText } from './labels'
import { VersionImage } from './VersionImage'
import { versionTitle } from './VersionsSection'
import { useT } from '~/i18n/use-t'

/** `/interventies/:id/rapport`: the intervention on A4, for a team meeting or a council letter. */
export function ReportPage({ view, printedAt }: { view: InterventionView; printedAt: string }) {
  const { t, locale } = useT()
  const versions = [...view.versions].sort((a, b) => a.number - b.number)
  return (
    <article className="iv-report">
      <p className="screen-only iv-nav">
        <Link to={`/interventies/${view.id}`}>{t('intervention-pages.compare.back', { title: view.title })}</Link>
      </p>
      <p className="screen-only">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('intervention-pages.report.print')}
        </button>
      </p>
      <header className="report-head">
        <p className="meta">{t('intervention-pages.report.kicker')}</p>
        <h1>{view.title}</h1>
        <p className="lead">{view.question}</p>
        <p className="meta">
          {[
            view.place ? label.place(view.place, locale) : null,
            view.targetGroup,
            view.wijkCodes.join(', '),
            t('intervention-pages.header.owner', { name: view.owner.name }),
            view.team.length
              ? t('intervention-pages.report.team', { names: view.team.map((m) => m.name).join(', ') })
              : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        {view.reference ? (
          <p className="meta">
            {t('intervention-pages.header.reference')}: {view.reference.name}
            {view.reference.level
              ? ` · ${t('intervention-pages.header.nji', { level: label.level(view.reference.level, locale) })}`
              : ''}
          </p>
        ) : null}
        <p className="report-status">
          <TrafficLight status={view.status} locale={locale} />
          <span className="meta">
            {' '}
            {t('intervention-pages.report.printedAt', { date: formatMoment(printedAt, locale) })}
          </span>
        </p>
      </header>

      <section className="report-section" aria-labelledby="rp-targets">
        <h2 id="rp-targets">{t('intervention-pages.targets.title')}</h2>
        {view.targets.length === 0 ? <p>{t('intervention-pages.targets.none')}</p> : null}
        {view.targets.map((target) => {
          const m = describeMetric(target.metric, locale)
          const f = m.figure
          const measurements = view.measurements
            .filter((x) => x.targetId === target.id)
            .sort((a, b) => a.date.localeCompare(b.date))
          return (
            <div key={target.id} className="report-target" data-testid="rp-target">
              <h3>
                {m.label} <span className="meta">({m.unit})</span>{' '}
                <StatusBadge status={target.status} locale={locale} />
              </h3>
              <p>
                {t('intervention-pages.report.targetLine', {
                  direction: label.direction(target.direction, locale),
                  baseline: f(target.baseline.value),
                  target: f(target.targetValue),
                  date: formatDate(target.targetDate, locale),
                })}
                <br />
                <span className="meta">{baselineSourceText(target.baseline.source, locale)}</span>
                {target.judgement ? (
                  <>
                    <br />
                    {t('intervention-pages.target.judgement')}: {label.judgement(target.judgement.value, locale)}
                    {target.judgement.note ? ` — ${target.judgement.note}` : ''}
                  </>
                ) : null}
              </p>
              {m.metric ? (
                <TargetChart
                  metric={m.metric}
                  target={target}
                  measurements={measurements}
                  versions={view.versions}
                  locale={locale}
                />
              ) : null}
            </div>
          )
        })}
        <p className="hint">{t('intervention-pages.target.contribution')}</p>
      </section>

      <section className="report-section" aria-labelledby="rp-versions">
        <h2 id="rp-versions">{t('intervention-pages.versions.title')}</h2>
        {versions.length === 0 ? <p>{t('intervention-pages.versions.none')}</p> : null}
        {versions.map((v) => (
          <figure key={v.number} className="report-version" data-testid="rp-version">
            <VersionImage interventionId={view.id} version={v} className="report-image" />
            <figcaption>
              <strong>{versionTitle(v)}</strong>{' '}
              <span className="meta">
                {[v.createdBy, formatMoment(v.createdAt, locale)].filter(Boolean).join(' · ')}
              </span>
              <br />
              {v.reason}
            </figcaption>
          </figure>
        ))}
      </section>

      <section className="report-section" aria-labelledby="rp-measurements">
        <h2 id="rp-measurements">{t('intervention-pages.report.measurements')}</h2>
        {view.measurements.length === 0 ? (
          <p>{t('intervention-pages.measurements.none')}</p>
        ) : (
          <table className="iv-table" data-testid="rp-measurements">
            <thead>
              <tr>
                <th scope="col">{t('intervention-pages.report.metric')}</th>
                <th scope="col">{t('intervention-pages.measurements.date')}</th>
                <th scope="col" className="num">
                  {t('intervention-pages.measurements.value')}
                </th>
                <th scope="col">{t('intervention-pages.measurements.kind')}</th>
                <th scope="col">{t('intervention-pages.measurements.source')}</th>
              </tr>
            </thead>
            <tbody>
              {[...view.measurements]
                .sort((a, b) => a.targetId.localeCompare(b.targetId) || a.date.localeCompare(b.date))
                .map((x) => {
                  const target = view.targets.find((tg) => tg.id === x.targetId)
                  const m = describeMetric(target?.metric ?? '', locale)
                  return (
                    <tr key={x.id}>
                      <td>{m.label}</td>
                      <td>{formatDate(x.date, locale)}</td>
                      <td className="num">{m.figure(x.value)}</td>
                      <td>{t(x.provisional ? 'intervention-pages.provisional' : 'intervention-pages.final')}</td>
                      <td>{measurementSourceText(x, locale)}</td>
                    </tr>
                  )
                })}
            </tbody>
          </table>
        )}
        <p className="meta">{t('intervention-pages.report.cbs')}</p>
      </section>
    </article>
  )
}
