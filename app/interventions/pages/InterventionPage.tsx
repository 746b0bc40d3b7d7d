import { Link } from '@remix-run/react'
import type { InterventionView } from '~/interventions/types'
import { InterventionHeader } from './InterventionHeader'
import { NewTargetForm } from './NewTargetForm'
import { StatusSection } from './StatusSection'
import { TargetCard, type OfferedMeasurement } from './TargetCard'
import { VersionsSection, type RestoreTarget } from './VersionsSection'
import { useT } from '~/i18n/use-t'

/** `/interventies/:id`: everything about one intervention; forms only for its team. */
export function InterventionPage({
  view,
  isOwner,
  offered,
  sessions,
  done,
  canvas = null,
  baselinePeriods = [],
  factors = [],
}: {
  /** the cocktail's factors, for the details form */
  factors?: { code: string; label: { nl: string; en: string } }[]
  view: InterventionView
  /** periods a baseline can be taken from in the wijk data, newest first */
  baselinePeriods?: { period: string; label: string }[]
  isOwner: boolean
  offered: OfferedMeasurement[]
  sessions: RestoreTarget[]
  /** the message of the last thing done (an i18n message), shown once */
  done: string | null
  /** the werksessie a version was just put back into, to open its canvas */
  canvas?: string | null
}) {
  const { t, tx } = useT()
  const base = `/interventies/${view.id}`
  return (
    <>
      <p className="screen-only iv-nav">
        <Link to="/interventies">{t('intervention-pages.back')}</Link> ·{' '}
        <Link to={`${base}/tijdlijn`}>{t('intervention-pages.timeline.link')}</Link> ·{' '}
        <Link to={`${base}/rapport`}>{t('intervention-pages.report.link')}</Link> ·{' '}
        <a href={`${base}/metingen.csv`} download>
          {t('intervention-pages.csv')}
        </a>{' '}
        ·{' '}
        <a href={`/api/v1/interventions/${view.id}/export`} download>
          {t('intervention-pages.export')}
        </a>
      </p>
      <h1>{view.title}</h1>
      {done ? (
        <p className="notice" role="status">
          {tx(done)}
          {canvas ? (
            <>
              {' '}
              <Link to={`/sessies/${canvas}`}>{t('intervention-pages.done.openCanvas')}</Link>
            </>
          ) : null}
        </p>
      ) : null}
      {view.canEdit ? null : (
        <p className="notice" data-testid="iv-read-only">
          {t('intervention-pages.readOnly')}
        </p>
      )}
      <div className="iv-columns">
        <InterventionHeader view={view} isOwner={isOwner} factors={factors} />
        <StatusSection view={view} />
      </div>
      <section className="iv-section" aria-labelledby="iv-targets">
        <h2 id="iv-targets">{t('intervention-pages.targets.title')}</h2>
        {view.targets.length === 0 ? <p>{t('intervention-pages.targets.none')}</p> : null}
        {view.targets.map((target) => (
          <TargetCard key={target.id} view={view} target={target} offered={offered} />
        ))}
        {/* keyed by what a success changes: after one, the form starts closed and empty */}
        {view.canEdit ? <NewTargetForm key={view.targets.length} periods={baselinePeriods} /> : null}
      </section>
      <VersionsSection view={view} sessions={view.canEdit ? sessions : []} />
    </>
  )
}
