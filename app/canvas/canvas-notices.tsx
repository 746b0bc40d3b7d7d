import { createContext, useContext, type CSSProperties } from 'react'
import type { ConnectionState } from './connection-state'
import { t, type Locale } from '~/i18n'
import type { ServerRefusal } from './use-collab-store'
import type { BindingProblem } from './yjs-binding'

const dot: Record<ConnectionState, string> = { connected: '#2b8a3e', reconnecting: '#e67700', offline: '#c92a2a' }

const badge: CSSProperties = {
  display: 'inline-flex',
  alignItems: 'center',
  gap: 6,
  margin: 6,
  padding: '2px 10px',
  borderRadius: 999,
  background: 'var(--color-panel, #fff)',
  color: 'var(--color-text, #1d1d1d)',
  boxShadow: 'var(--shadow-1, 0 1px 3px rgba(0,0,0,.2))',
  font: '13px/1.6 system-ui, sans-serif',
  pointerEvents: 'auto',
}

/** Small, polite status: "verbonden" / "opnieuw verbinden…" / "offline". */
export function ConnectionBadge({ state, locale }: { state: ConnectionState; locale: Locale }) {
  return (
    <div
      role="status"
      aria-live="polite"
      aria-label={t(locale, 'canvas.connectionLabel')}
      data-connection-state={state}
      title={state === 'connected' ? undefined : t(locale, 'canvas.offlineHint')}
      style={badge}
    >
      <span aria-hidden="true" style={{ width: 8, height: 8, borderRadius: 4, background: dot[state] }} />
      {t(locale, `canvas.connection.${state}`)}
    </div>
  )
}

/** Feeds tldraw's TopPanel slot (top centre, laid out by tldraw so it never covers its menus). */
export const ConnectionContext = createContext<{ state: ConnectionState; locale: Locale }>({
  state: 'reconnecting',
  locale: 'nl',
})

export function ConnectionTopPanel() {
  const { state, locale } = useContext(ConnectionContext)
  return <ConnectionBadge state={state} locale={locale} />
}

const panel: CSSProperties = {
  maxWidth: '36rem',
  margin: '3rem auto',
  padding: '1.5rem',
  borderRadius: 12,
  border: '1px solid #d0d4dc',
  background: '#fff',
  color: '#1d1d1d',
  font: '16px/1.5 system-ui, sans-serif',
}

/** Shown instead of the editor when tldraw would blank it for lack of a licence key. */
export function LicenseNotice({ isFacilitator, locale }: { isFacilitator: boolean; locale: Locale }) {
  if (!isFacilitator) {
    return (
      <div role="alert" style={panel} data-canvas-notice="license">
        <p style={{ margin: 0 }}>{t(locale, 'canvas.license.participant')}</p>
      </div>
    )
  }
  return (
    <div role="alert" style={panel} data-canvas-notice="license">
      <h2 style={{ marginTop: 0, fontSize: '1.2rem' }}>{t(locale, 'canvas.license.title')}</h2>
      <p>{t(locale, 'canvas.license.why')}</p>
      <p>{t(locale, 'canvas.license.how')}</p>
      <p>{t(locale, 'canvas.license.meanwhile')}</p>
      <pre style={{ background: '#f1f3f5', padding: '0.5rem', borderRadius: 6 }}>TLDRAW_LICENSE_KEY=tldraw-…</pre>
    </div>
  )
}

/**
 * The doc was written by a newer client (or could not be migrated), or the server closed the
 * connection for good: this client only looks, and says why.
 */
export function SchemaNotice({
  problem,
  locale,
}: {
  problem: BindingProblem | `refusal-${ServerRefusal}`
  locale: Locale
}) {
  const text =
    problem === 'newer-schema'
      ? t(locale, 'canvas.newerSchema')
      : problem === 'migration-failed'
        ? t(locale, 'canvas.migrationFailed')
        : t(locale, `canvas.refusal.${problem.slice('refusal-'.length) as ServerRefusal}`)
  return (
    <div
      role="alert"
      data-canvas-notice={problem}
      style={{
        position: 'absolute',
        left: '50%',
        bottom: 72,
        transform: 'translateX(-50%)',
        zIndex: 400,
        maxWidth: 'min(36rem, 90%)',
        padding: '0.75rem 1rem',
        borderRadius: 8,
        background: '#fff4e6',
        border: '1px solid #e67700',
        color: '#1d1d1d',
        font: '14px/1.5 system-ui, sans-serif',
      }}
    >
      {text}{' '}
      <button type="button" onClick={() => window.location.reload()}>
        {t(locale, 'canvas.reload')}
      </button>
    </div>
  )
}
