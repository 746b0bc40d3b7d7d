import { Form, Link } from '@remix-run/react'
import type { InterventionView, VersionSummary } from '~/interventions/types'
import { CommentThread } from './CommentThread'
import { formatMoment, label } from './labels'
import { useReply } from './reply'
import { VersionImage } from './VersionImage'
import { useT } from '~/i18n/use-t'

/** A werksessie a version can be put back into (one the reader facilitates). */
export interface RestoreTarget {
  id: string
  title: string
}

/** Every saved version, newest first: its picture, why it changed, compare and put back on a canvas. */
export function VersionsSection({ view, sessions }: { view: InterventionView; sessions: RestoreTarget[] }) {
  const { t } = useT()
  const versions = [...view.versions].sort((a, b) => b.number - a.number)
  return (
    <section className="iv-section" aria-labelledby="iv-versions">
      <h2 id="iv-versions">{t('intervention-pages.versions.title')}</h2>
      {versions.length === 0 ? (
        <p>{t('intervention-pages.versions.none')}</p>
      ) : (
        <>
          {versions.length > 1 ? <CompareForm view={view} /> : null}
          <ol className="iv-versions" reversed>
            {versions.map((v) => (
              <VersionItem key={v.number} view={view} version={v} sessions={sessions} />
            ))}
          </ol>
        </>
      )}
    </section>
  )
}

export const versionTitle = (v: Pick<VersionSummary, 'number' | 'name'>) =>
  `v${v.number}${v.name ? ` · ${v.name}` : ''}`

function VersionItem({
  view,
  version: v,
  sessions,
}: {
  view: InterventionView
  version: VersionSummary
  sessions: RestoreTarget[]
}) {
  const { t, locale } = useT()
  const compareUrl = `/interventies/${view.id}/vergelijk?van=${v.number - 1}&met=${v.number}`
  return (
    <li className="iv-version" data-testid="iv-version" data-number={v.number}>
      <VersionImage interventionId={view.id} version={v} />
      <div className="iv-version-body">
        <h3>{versionTitle(v)}</h3>
        <p className="iv-reason">{v.reason}</p>
        <p className="meta">
          {[
            v.createdBy ?? t('intervention-pages.someone'),
            formatMoment(v.createdAt, locale),
            v.phase ? t('intervention-pages.version.phase', { phase: label.phase(v.phase, locale) }) : null,
            v.basedOn ? t('intervention-pages.version.basedOn', { n: v.basedOn }) : null,
            t('intervention-pages.version.shapes', { n: v.shapeCount }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        <p className="iv-actions">
          {v.number > 1 ? (
            <Link to={compareUrl} aria-label={t('intervention-pages.version.compareLabel', { n: v.number })}>
              {t('intervention-pages.version.compare')}
            </Link>
          ) : null}
        </p>
        {view.canEdit && sessions.length > 0 ? <RestoreForm version={v} sessions={sessions} /> : null}
        <CommentThread
          comments={view.comments.filter((c) => c.versionNumber === v.number)}
          on={{ versionNumber: v.number }}
          canEdit={view.canEdit}
          title={t('intervention-pages.comment.onVersion', { n: v.number })}
        />
      </div>
    </li>
  )
}

function RestoreForm({ version, sessions }: { version: VersionSummary; sessions: RestoreTarget[] }) {
  const { t } = useT()
  const id = `restore-${version.number}`
  const { tx } = useT()
  const reply = useReply(id)
  const errors = Object.values(reply?.error ?? {})
    .flat()
    .filter((e): e is string => !!e)
  return (
    <Form method="post" className="iv-restore">
      {errors.length > 0 ? (
        <p className="form-error" role="alert">
          {tx(errors[0])}
        </p>
      ) : null}
      <input type="hidden" name="intent" value="restore" />
      <input type="hidden" name="formId" value={id} />
      <input type="hidden" name="number" value={version.number} />
      <div className="field">
        <label htmlFor={`${id}-session`}>{t('intervention-pages.restore.session', { n: version.number })}</label>
        <select id={`${id}-session`} name="sessionId" defaultValue={version.sessionId ?? sessions[0].id}>
          {sessions.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button secondary">
        {t('intervention-pages.restore.submit')}
      </button>
    </Form>
  )
}

/** Any two versions: a plain GET form, so it works before the page's script has loaded. */
function CompareForm({ view }: { view: InterventionView }) {
  const { t } = useT()
  const numbers = view.versions.map((v) => v.number).sort((a, b) => a - b)
  const last = numbers[numbers.length - 1]
  return (
    <Form method="get" action={`/interventies/${view.id}/vergelijk`} className="iv-compare-form">
      <div className="field">
        <label htmlFor="compare-from">{t('intervention-pages.compare.from')}</label>
        <select id="compare-from" name="van" defaultValue={numbers[numbers.length - 2]}>
          {numbers.map((n) => (
            <option key={n} value={n}>
              v{n}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="compare-to">{t('intervention-pages.compare.to')}</label>
        <select id="compare-to" name="met" defaultValue={last}>
          {numbers.map((n) => (
            <option key={n} value={n}>
              v{n}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button secondary">
        {t('intervention-pages.compare.submit')}
      </button>
    </Form>
  )
}
