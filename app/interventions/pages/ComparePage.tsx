import { Link } from '@remix-run/react'
import { useEffect, useState } from 'react'
import type { InterventionView, ShapeChange, TargetSnapshot, VersionDiff, VersionSummary } from '~/interventions/types'
import { describeMetric, formatDate, formatMoment, label } from './labels'
import { VersionImage } from './VersionImage'
import { versionTitle } from './VersionsSection'
import { useT } from '~/i18n/use-t'

/** `/interventies/:id/vergelijk?van=N&met=M`: what changed between two versions, and why. */
export function ComparePage({
  view,
  from,
  to,
  diff,
}: {
  view: InterventionView
  from: VersionSummary
  to: VersionSummary
  diff: VersionDiff
}) {
  const { t } = useT()
  return (
    <>
      <p className="screen-only iv-nav">
        <Link to={`/interventies/${view.id}`}>{t('intervention-pages.compare.back', { title: view.title })}</Link>
      </p>
      <h1>{t('intervention-pages.compare.title', { from: from.number, to: to.number })}</h1>
      <p className="lead">{view.title}</p>
      <section className="iv-section" aria-labelledby="cmp-images">
        <h2 id="cmp-images">{t('intervention-pages.compare.images')}</h2>
        <div className="iv-side-by-side">
          {[from, to].map((v) => (
            <figure key={v.number} data-testid={`cmp-image-${v.number}`}>
              <VersionImage interventionId={view.id} version={v} className="iv-compare-image" />
              <figcaption>
                <VersionLine version={v} />
              </figcaption>
            </figure>
          ))}
        </div>
        <Overlay view={view} from={from} to={to} />
      </section>
      <ShapeChanges diff={diff} />
      <TargetChanges diff={diff} />
    </>
  )
}

function VersionLine({ version: v }: { version: VersionSummary }) {
  const { t, locale } = useT()
  return (
    <>
      <strong>{versionTitle(v)}</strong>{' '}
      <span className="meta">{[v.createdBy, formatMoment(v.createdAt, locale)].filter(Boolean).join(' · ')}</span>
      <span className="iv-reason" data-testid="cmp-reason">
        {t('intervention-pages.compare.reason')} {v.reason}
      </span>
    </>
  )
}

/**
 * The later version over the earlier one with a slider for its opacity. Without script the
 * slider cannot do anything, so the page then shows the two pictures stacked, one below the other.
 */
function Overlay({ view, from, to }: { view: InterventionView; from: VersionSummary; to: VersionSummary }) {
  const { t } = useT()
  const [scripted, setScripted] = useState(false)
  const [opacity, setOpacity] = useState(50)
  useEffect(() => setScripted(true), [])
  return (
    <div className="iv-overlay-block">
      <h3>{t('intervention-pages.compare.overlay')}</h3>
      {scripted ? (
        <div className="field iv-slider">
          <label htmlFor="overlay-opacity">
            {t('intervention-pages.compare.opacity', { from: from.number, to: to.number })}
          </label>
          <input
            id="overlay-opacity"
            type="range"
            min={0}
            max={100}
            step={5}
            value={opacity}
            aria-valuetext={t('intervention-pages.compare.opacityValue', { percent: opacity, to: to.number })}
            onChange={(e) => setOpacity(Number(e.currentTarget.value))}
          />
        </div>
      ) : (
        <p className="hint">{t('intervention-pages.compare.stacked')}</p>
      )}
      <div
        className={scripted ? 'iv-overlay' : 'iv-overlay stacked'}
        data-testid="cmp-overlay"
        style={scripted ? { ['--top-opacity' as string]: String(opacity / 100) } : undefined}
      >
        <VersionImage interventionId={view.id} version={from} className="iv-overlay-bottom" />
        <VersionImage interventionId={view.id} version={to} className="iv-overlay-top" />
      </div>
    </div>
  )
}

function ShapeChanges({ diff }: { diff: VersionDiff }) {
  const { t } = useT()
  const nothing = diff.added.length + diff.removed.length + diff.changed.length === 0
  return (
    <section className="iv-section" aria-labelledby="cmp-shapes">
      <h2 id="cmp-shapes">{t('intervention-pages.compare.shapes')}</h2>
      {nothing ? <p>{t('intervention-pages.compare.noShapeChanges')}</p> : null}
      {diff.changed.length > 0 ? (
        <table className="iv-table" data-testid="cmp-changed">
          <caption>{t('intervention-pages.compare.changed', { n: diff.changed.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('intervention-pages.compare.kind')}</th>
              <th scope="col">{t('intervention-pages.compare.before', { n: diff.from })}</th>
              <th scope="col">{t('intervention-pages.compare.after', { n: diff.to })}</th>
            </tr>
          </thead>
          <tbody>
            {diff.changed.map((c) => (
              <tr key={c.shapeId}>
                <td>
                  {shapeKind(c.type, t)}
                  {c.moved ? <span className="meta"> · {t('intervention-pages.compare.moved')}</span> : null}
                </td>
                <td className="text">
                  <del>{c.textBefore || t('intervention-pages.compare.noText')}</del>
                </td>
                <td className="text">
                  <ins>{c.textAfter || t('intervention-pages.compare.noText')}</ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <ShapeList
        title={t('intervention-pages.compare.added', { n: diff.added.length })}
        shapes={diff.added}
        id="added"
      />
      <ShapeList
        title={t('intervention-pages.compare.removed', { n: diff.removed.length })}
        shapes={diff.removed}
        id="removed"
      />
    </section>
  )
}

function shapeKind(type: string, t: ReturnType<typeof useT>['t']) {
  const known = ['note', 'text', 'geo', 'frame', 'arrow', 'image', 'draw']
  return known.includes(type) ? t(`intervention-pages.shape.${type}` as 'intervention-pages.shape.note') : type
}

function ShapeList({ title, shapes, id }: { title: string; shapes: ShapeChange[]; id: string }) {
  const { t } = useT()
  if (shapes.length === 0) return null
  return (
    <>
      <h3>{title}</h3>
      <ul className="iv-shape-list" data-testid={`cmp-${id}`}>
        {shapes.map((s) => (
          <li key={s.shapeId}>
            <span className="meta">{shapeKind(s.type, t)}:</span> {s.text || t('intervention-pages.compare.noText')}
          </li>
        ))}
      </ul>
    </>
  )
}

function TargetChanges({ diff }: { diff: VersionDiff }) {
  const { t, locale } = useT()
  const { added, removed, changed } = diff.targets
  const describe = (s: TargetSnapshot) => {
    const m = describeMetric(s.metric, locale)
    const f = m.figure
    return {
      name: m.label,
      text: t('intervention-pages.compare.targetLine', {
        direction: label.direction(s.direction, locale),
        baseline: f(s.baselineValue),
        target: f(s.targetValue),
        date: formatDate(s.targetDate, locale),
      }),
    }
  }
  return (
    <section className="iv-section" aria-labelledby="cmp-targets">
      <h2 id="cmp-targets">{t('intervention-pages.compare.targets')}</h2>
      {added.length + removed.length + changed.length === 0 ? (
        <p>{t('intervention-pages.compare.noTargetChanges')}</p>
      ) : (
        <ul className="iv-shape-list" data-testid="cmp-targets">
          {added.map((s) => (
            <li key={`a-${s.id}`}>
              {t('intervention-pages.compare.targetAdded', { metric: describe(s).name })}: {describe(s).text}
            </li>
          ))}
          {removed.map((s) => (
            <li key={`r-${s.id}`}>
              {t('intervention-pages.compare.targetRemoved', { metric: describe(s).name })}: {describe(s).text}
            </li>
          ))}
          {changed.map((c) => (
            <li key={`c-${c.id}`}>
              {t('intervention-pages.compare.targetChanged', { metric: describe(c.before).name })}:{' '}
              <del>{describe(c.before).text}</del> → <ins>{describe(c.after).text}</ins>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
