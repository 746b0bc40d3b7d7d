import { redirect, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { sessionPhases } from '../../db/phases'
import { roles } from '../../db/roles'
import { PageHeader } from '~/components/PageHeader'
import { db } from '~/db.server'
import { dataTitle, metaLocale } from '~/i18n/meta'
import { t as translate, type Locale } from '~/i18n'
import { useT } from '~/i18n/use-t'
import { requireOwnSession } from '~/sessions/own-session.server'
import { SESSION_TIME_ZONE } from '~/summary/summary-csv'
import { sessionSummary } from '~/summary/summary.server'
import summaryStylesHref from '~/styles/summary.css?url'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  dataTitle(data?.session.title, translate(metaLocale(matches), 'summary.link'))

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: summaryStylesHref }]

/** What a werksessie produced, for its facilitators: on screen, on paper (A4) and as CSV. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, session } = await requireOwnSession(db(), request, params.id)
  // One CSV route (sessies.$id_.samenvatting[.]csv.ts); `?format=csv` is another name for it.
  if (new URL(request.url).searchParams.get('format') === 'csv')
    throw redirect(`/sessies/${session.id}/samenvatting.csv`)
  const summary = await sessionSummary(db(), context.collab, session)
  return {
    userName: user.name,
    session: {
      id: session.id,
      title: session.title,
      place: session.place,
      wijkCode: session.wijkCode,
      createdAt: session.createdAt.toISOString(),
      closed: !!session.closedAt,
    },
    summary,
  }
}

function useFormats(locale: Locale) {
  const dateTime = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: SESSION_TIME_ZONE,
  })
  const time = (iso: string) => dateTime.format(new Date(iso))
  const duration = (ms: number) => {
    const minutes = Math.round(ms / 60_000)
    if (minutes < 60) return translate(locale, 'summary.duration.minutes', { n: minutes })
    return translate(locale, 'summary.duration.hours', { h: Math.floor(minutes / 60), m: minutes % 60 })
  }
  return { time, duration }
}

export default function SessionSummaryPage() {
  const { userName, session, summary } = useLoaderData<typeof loader>()
  const { t, locale } = useT()
  const { time, duration } = useFormats(locale)
  const peopleTotal = roles.reduce((sum, r) => sum + summary.people[r], 0)
  const base = `/sessies/${session.id}`
  return (
    <>
      <PageHeader userName={userName} />
      <main id="inhoud" className="page summary">
        <p className="screen-only">
          <Link to={base}>{t('summary.back')}</Link>
        </p>
        <h1>{t('summary.title', { title: session.title })}</h1>
        <p className="lead">{t('summary.intro')}</p>
        <p className="meta">
          {[session.place, session.wijkCode, time(session.createdAt)].filter(Boolean).join(' · ')} ·{' '}
          {t(session.closed ? 'summary.status.closed' : 'summary.status.open')}
        </p>
        <p className="summary-actions screen-only">
          <button type="button" className="button" onClick={() => window.print()}>
            {t('summary.print')}
          </button>
          <a className="button secondary" href={`${base}/samenvatting.csv`} download data-testid="summary-csv">
            {t('summary.csvDownload')}
          </a>
        </p>

        <section className="summary-section" aria-labelledby="people-title">
          <h2 id="people-title">{t('summary.people.title')}</h2>
          <table className="summary-table" data-testid="summary-people">
            <thead>
              <tr>
                <th scope="col">{t('summary.people.role')}</th>
                <th scope="col" className="num">
                  {t('summary.people.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {roles.map((role) => (
                <tr key={role} data-role={role}>
                  <th scope="row">{t(`role.${role}`)}</th>
                  <td className="num">{summary.people[role]}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('summary.people.total')}</th>
                <td className="num">{peopleTotal}</td>
              </tr>
            </tfoot>
          </table>
        </section>

        <section className="summary-section" aria-labelledby="steps-title">
          <h2 id="steps-title">{t('summary.perStep.title')}</h2>
          <table className="summary-table" data-testid="summary-per-step">
            <thead>
              <tr>
                <th scope="col">{t('summary.perStep.step')}</th>
                {roles.map((role) => (
                  <th key={role} scope="col" className="num">
                    {t(`role.${role}`)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('summary.perStep.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.perStep.map((step) => (
                <tr key={step.phase} data-phase={step.phase}>
                  <th scope="row">{t(`phase.${step.phase}`)}</th>
                  {roles.map((role) => (
                    <td key={role} className="num" data-role={role}>
                      {step.byRole[role]}
                    </td>
                  ))}
                  <td className="num" data-total>
                    {step.total}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('summary.perStep.total')}</th>
                {roles.map((role) => (
                  <td key={role} className="num">
                    {summary.perStep.reduce((sum, s) => sum + s.byRole[role], 0)}
                  </td>
                ))}
                <td className="num" data-testid="summary-total">
                  {summary.total}
                </td>
              </tr>
            </tfoot>
          </table>
        </section>

        <section className="summary-section" aria-labelledby="timeline-title">
          <h2 id="timeline-title">{t('summary.timeline.title')}</h2>
          <table className="summary-table" data-testid="summary-timeline">
            <thead>
              <tr>
                <th scope="col">{t('summary.timeline.step')}</th>
                <th scope="col">{t('summary.timeline.start')}</th>
                <th scope="col" className="num">
                  {t('summary.timeline.duration')}
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.timeline.map((visit) => (
                <tr key={visit.startedAt + visit.phase} data-phase={visit.phase}>
                  <th scope="row">
                    {sessionPhases.indexOf(visit.phase) + 1}. {t(`phase.${visit.phase}`)}
                  </th>
                  <td>{time(visit.startedAt)}</td>
                  <td className="num">
                    {visit.endedAt
                      ? duration(visit.durationMs)
                      : t('summary.timeline.ongoing', { duration: duration(visit.durationMs) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section className="summary-section" aria-labelledby="votes-title">
          <h2 id="votes-title">{t('summary.votes.title')}</h2>
          {summary.votes.length === 0 ? <p>{t('summary.votes.none')}</p> : null}
          {summary.votes.map((vote, i) => (
            <div key={vote.startedAt} className="summary-vote" data-testid="summary-vote">
              <h3>
                {t('summary.votes.heading', {
                  n: i + 1,
                  votes: vote.votesPerPerson,
                  scope: t(vote.onFrame ? 'summary.votes.scopeFrame' : 'summary.votes.scopeAll'),
                })}
              </h3>
              {!vote.endedAt ? (
                <p>{t('summary.votes.running')}</p>
              ) : vote.results.length === 0 ? (
                <p>{t('summary.votes.noResults')}</p>
              ) : (
                <ol>
                  {vote.results.map((r, j) => (
                    <li key={j}>
                      <span className="vote-text">{r.text || t('summary.emptyText')}</span>{' '}
                      <strong className="vote-count">{t('summary.votes.count', { count: r.count })}</strong>
                    </li>
                  ))}
                </ol>
              )}
            </div>
          ))}
        </section>

        <section className="summary-section" aria-labelledby="contributions-title">
          <h2 id="contributions-title">{t('summary.contributions.title')}</h2>
          {summary.total === 0 ? <p>{t('summary.perStep.none')}</p> : null}
          {summary.perStep
            .filter((step) => step.total > 0)
            .map((step) => (
              <div key={step.phase} className="summary-step">
                <h3>{t(`phase.${step.phase}`)}</h3>
                <table className="summary-table" data-testid={`summary-contributions-${step.phase}`}>
                  <thead>
                    <tr>
                      <th scope="col">{t('summary.contributions.text')}</th>
                      <th scope="col">{t('summary.contributions.role')}</th>
                      <th scope="col">{t('summary.contributions.source')}</th>
                      <th scope="col" className="num">
                        {t('summary.contributions.votes')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {summary.contributions
                      .filter((c) => c.phase === step.phase)
                      .map((c, j) => (
                        <tr key={j}>
                          <td className="text">
                            {c.text === null ? (
                              <em>{t('summary.privateText')}</em>
                            ) : (
                              c.text || <em>{t('summary.emptyText')}</em>
                            )}
                          </td>
                          <td>{t(`role.${c.role}`)}</td>
                          <td>{t(`summary.source.${c.source}`)}</td>
                          <td className="num">{c.votes}</td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </div>
            ))}
        </section>
      </main>
    </>
  )
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
