import { Link } from '@remix-run/react'
import { StatusBadge, TrafficLight } from '~/interventions/StatusBadge'
import type { InterventionView } from '~/interventions/types'
import { describeMetric, formatDate, formatMoment, label, measurementSourceText } from './labels'
import { timelineEvents, type TimelineEvent, type TimelineOrder } from './timeline'
import { VersionImage } from './VersionImage'
import { versionTitle } from './VersionsSection'
import { useT } from '~/i18n/use-t'

/**
 * `/interventies/:id/tijdlijn`: where the intervention stands (status and each target at a
 * glance), then everything that happened, newest first unless the reader turns it round.
 */
export function TimelinePage({ view, order }: { view: InterventionView; order: TimelineOrder }) {
  const { t } = useT()
  const base = `/interventies/${view.id}`
  const events = timelineEvents(view, order)
  return (
    <>
      <p className="screen-only iv-nav">
        <Link to={base}>{t('intervention-pages.compare.back', { title: view.title })}</Link>
      </p>
      <h1>{t('intervention-pages.timeline.title', { title: view.title })}</h1>
      <p className="lead">{view.question}</p>
      <AtAGlance view={view} />
      <section className="iv-section" aria-labelledby="tl-events">
        <h2 id="tl-events">{t('intervention-pages.timeline.events')}</h2>
        <p className="iv-order">
          {order === 'newest'
            ? t('intervention-pages.timeline.newestFirst')
            : t('intervention-pages.timeline.oldestFirst')}{' '}
          <Link to={order === 'newest' ? '?volgorde=oud' : '?'} data-testid="tl-order">
            {order === 'newest'
              ? t('intervention-pages.timeline.showOldest')
              : t('intervention-pages.timeline.showNewest')}
          </Link>
        </p>
        {events.length === 0 ? <p>{t('intervention-pages.timeline.none')}</p> : null}
        <ol className="iv-timeline" data-testid="tl-events">
          {events.map((event, i) => (
            <li key={i} className={`tl-event tl-kind-${event.kind}`} data-kind={event.kind}>
              <EventBody view={view} event={event} />
            </li>
          ))}
        </ol>
      </section>
    </>
  )
}

function AtAGlance({ view }: { view: InterventionView }) {
  const { t, locale } = useT()
  return (
    <section className="iv-section iv-glance" aria-labelledby="tl-now">
      <h2 id="tl-now">{t('intervention-pages.timeline.now')}</h2>
      <p data-testid="tl-status">
        <TrafficLight status={view.status} locale={locale} />
      </p>
      {view.targets.length > 0 ? (
        <ul className="iv-glance-targets">
          {view.targets.map((target) => {
            const m = describeMetric(target.metric, locale)
            const f = m.figure
            const latest = view.measurements
              .filter((x) => x.targetId === target.id)
              .sort((a, b) => b.date.localeCompare(a.date))[0]
            return (
              <li key={target.id}>
                <strong>{m.label}</strong> <StatusBadge status={target.status} locale={locale} />
                <span className="iv-glance-line">
                  {t('intervention-pages.timeline.targetLine', {
                    baseline: f(target.baseline.value),
                    latest: latest ? f(latest.value) : t('intervention-pages.timeline.noMeasurement'),
                    target: f(target.targetValue),
                    date: formatDate(target.targetDate, locale),
                  })}
                </span>
              </li>
            )
          })}
        </ul>
      ) : (
        <p>{t('intervention-pages.targets.none')}</p>
      )}
    </section>
  )
}

function EventBody({ view, event }: { view: InterventionView; event: TimelineEvent }) {
  const { t, locale } = useT()
  const when = (
    <time dateTime={event.at}>
      {event.kind === 'measurement' ? formatDate(event.at, locale) : formatMoment(event.at, locale)}
    </time>
  )
  switch (event.kind) {
    case 'version': {
      const v = event.version
      return (
        <div className="tl-version">
          <VersionImage interventionId={view.id} version={v} />
          <div>
            <p className="tl-head">
              {when} · <strong>{t('intervention-pages.timeline.version', { title: versionTitle(v) })}</strong>
            </p>
            <p className="iv-reason">{v.reason}</p>
            <p className="meta">
              {[
                v.createdBy,
                v.phase ? t('intervention-pages.version.phase', { phase: label.phase(v.phase, locale) }) : null,
                v.basedOn ? t('intervention-pages.version.basedOn', { n: v.basedOn }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            {v.number > 1 ? (
              <Link to={`/interventies/${view.id}/vergelijk?van=${v.number - 1}&met=${v.number}`}>
                {t('intervention-pages.version.compareWith', { from: v.number - 1, to: v.number })}
              </Link>
            ) : null}
          </div>
        </div>
      )
    }
    case 'status': {
      const c = event.change
      return (
        <>
          <p className="tl-head">
            {when} ·{' '}
            <strong>
              {c.from
                ? t('intervention-pages.status.change', {
                    from: label.status(c.from, locale),
                    to: label.status(c.to, locale),
                  })
                : t('intervention-pages.status.start', { to: label.status(c.to, locale) })}
            </strong>
          </p>
          <p className="iv-reason">{c.reason}</p>
          {c.by ? <p className="meta">{c.by}</p> : null}
        </>
      )
    }
    case 'target': {
      const m = describeMetric(event.target.metric, locale)
      const f = m.figure
      return (
        <p className="tl-head">
          {when} · <strong>{t('intervention-pages.timeline.target', { metric: m.label })}</strong>{' '}
          {t('intervention-pages.timeline.targetFromTo', {
            baseline: f(event.target.baseline.value),
            target: f(event.target.targetValue),
            date: formatDate(event.target.targetDate, locale),
          })}
        </p>
      )
    }
    case 'measurement': {
      const x = event.measurement
      const target = view.targets.find((tg) => tg.id === x.targetId)
      const m = describeMetric(target?.metric ?? '', locale)
      return (
        <>
          <p className="tl-head">
            {when} ·{' '}
            <strong>
              {t('intervention-pages.timeline.measurement', {
                metric: m.label,
                value: m.figure(x.value),
              })}
            </strong>{' '}
            ({t(x.provisional ? 'intervention-pages.provisional' : 'intervention-pages.final')})
          </p>
          <p className="meta">{t('intervention-pages.source', { source: measurementSourceText(x, locale) })}</p>
        </>
      )
    }
    case 'restore': {
      const r = event.restore
      return (
        <p className="tl-head">
          {when} · <strong>{t('intervention-pages.timeline.restore', { n: r.version, title: r.sessionTitle })}</strong>
        </p>
      )
    }
    case 'comment': {
      const c = event.comment
      const about =
        c.versionNumber !== null
          ? t('intervention-pages.timeline.commentOnVersion', { n: c.versionNumber })
          : c.measurementId
            ? t('intervention-pages.timeline.commentOnMeasurement')
            : t('intervention-pages.timeline.comment')
      return (
        <>
          <p className="tl-head">
            {when} · <strong>{about}</strong>
          </p>
          <blockquote className="iv-reason">{c.text}</blockquote>
          {c.by ? <p className="meta">{c.by}</p> : null}
        </>
      )
    }
  }
}
