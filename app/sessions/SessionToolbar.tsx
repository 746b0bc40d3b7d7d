import { useState, type ReactNode } from 'react'
import { sessionPhases } from '../../db/phases'
import { translate } from '~/i18n'
import { useT } from '~/i18n/use-t'
import type { LiveConnection } from './live-state'
import type { SessionState } from './session-state'
import { MAX_TIMER_MINUTES } from './timer'
import { TimerDisplay } from './TimerDisplay'
import { useTimerSound } from './timer-sound'

/** POSTs a command to the session's API and returns the new state, or the refusal's Dutch/English text. */
export async function postSessionCommand(
  sessionId: string,
  path: 'phase' | 'timer' | 'close' | 'reopen' | 'media',
  body: Record<string, unknown> = {},
): Promise<{ ok: true; state: SessionState; sentAt: number } | { ok: false; message: string }> {
  const sentAt = Date.now()
  try {
    const res = await fetch(`/api/v1/sessions/${encodeURIComponent(sessionId)}/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    const json = (await res.json()) as SessionState & { message?: string; errors?: Record<string, string> }
    if (res.ok) return { ok: true, state: json, sentAt }
    return { ok: false, message: Object.values(json.errors ?? {})[0] ?? json.message ?? String(res.status) }
  } catch {
    return { ok: false, message: 'toolbar.reconnecting' }
  }
}

interface SessionToolbarProps {
  sessionId: string
  state: SessionState
  offsetMs: number
  connection: LiveConnection
  isFacilitator: boolean
  /** the new state and when its request was sent (for the clock offset) */
  onState: (state: SessionState, sentAt: number) => void
  /**
   * Room for the session's other controls (voting, locks, private mode): they go here, in the
   * same bar, rather than into tldraw's own menus (CollabCanvas.client.tsx).
   */
  children?: ReactNode
}

/**
 * The compact bar above the canvas that everyone sees: the current step with its one-line
 * instruction, and the shared timer. Facilitators also get the controls that change them.
 */
export function SessionToolbar({
  sessionId,
  state,
  offsetMs,
  connection,
  isFacilitator,
  onState,
  children,
}: SessionToolbarProps) {
  const { t, locale } = useT()
  const sound = useTimerSound()
  const [error, setError] = useState<string | null>(null)
  const [minutes, setMinutes] = useState(5)
  const step = sessionPhases.indexOf(state.phase) + 1
  const run = async (path: 'phase' | 'timer' | 'close' | 'reopen', body?: Record<string, unknown>) => {
    const result = await postSessionCommand(sessionId, path, body)
    if (result.ok) {
      setError(null)
      onState(result.state, result.sentAt)
    } else setError(translate(locale, result.message))
  }
  const timer = state.timer
  return (
    <section className="session-toolbar" aria-label={t('toolbar.label')} data-testid="session-toolbar">
      <div className="step-info">
        <p className="step-name">
          <span className="step-count">{t('phase.step', { n: step, count: sessionPhases.length })}</span>{' '}
          <strong data-testid="phase-label">{t(`phase.${state.phase}`)}</strong>
        </p>
        <p className="step-instruction" data-testid="phase-instruction">
          {t(`phase.${state.phase}.instruction`)}
        </p>
      </div>
      <div className="timer-box">
        <TimerDisplay timer={timer} offsetMs={offsetMs} muted={sound.muted} />
        {timer.status === 'idle' ? null : (
          <button
            type="button"
            className="tool-button quiet"
            aria-pressed={sound.muted}
            onClick={sound.toggle}
            data-testid="timer-mute"
          >
            {sound.muted ? t('timer.unmute') : t('timer.mute')}
          </button>
        )}
      </div>
      {isFacilitator ? (
        <div className="facilitator-controls">
          {/* not wrapped in the label: its options would become part of the select's name */}
          <label htmlFor="session-step">{t('toolbar.chooseStep')}</label>
          <select
            id="session-step"
            className="step-select"
            value={state.phase}
            onChange={(e) => void run('phase', { phase: e.target.value })}
          >
            {sessionPhases.map((phase, i) => (
              <option key={phase} value={phase}>
                {i + 1}. {t(`phase.${phase}`)}
              </option>
            ))}
          </select>
          {timer.status === 'idle' || timer.status === 'ended' ? (
            <form
              aria-label={t('timer.label')}
              className="inline-field"
              onSubmit={(e) => {
                e.preventDefault()
                void run('timer', { action: 'start', minutes })
              }}
            >
              <label>
                <span>{t('timer.minutes')}</span>
                <input
                  type="number"
                  min={1}
                  max={MAX_TIMER_MINUTES}
                  value={minutes}
                  onChange={(e) => setMinutes(Number(e.target.value))}
                  className="minutes-input"
                />
              </label>
              <button type="submit" className="tool-button">
                {t('timer.start')}
              </button>
            </form>
          ) : timer.status === 'running' ? (
            <button type="button" className="tool-button" onClick={() => void run('timer', { action: 'pause' })}>
              {t('timer.pause')}
            </button>
          ) : (
            <button type="button" className="tool-button" onClick={() => void run('timer', { action: 'resume' })}>
              {t('timer.resume')}
            </button>
          )}
          {timer.status !== 'idle' ? (
            <>
              <button
                type="button"
                className="tool-button"
                aria-label={t('timer.addMinuteLabel')}
                onClick={() => void run('timer', { action: 'addMinute' })}
              >
                {t('timer.addMinute')}
              </button>
              <button type="button" className="tool-button" onClick={() => void run('timer', { action: 'stop' })}>
                {t('timer.stop')}
              </button>
            </>
          ) : null}
          {state.closed ? (
            <button type="button" className="tool-button" onClick={() => void run('reopen')}>
              {t('toolbar.reopen')}
            </button>
          ) : (
            <button type="button" className="tool-button danger" onClick={() => void run('close')}>
              {t('toolbar.close')}
            </button>
          )}
        </div>
      ) : null}
      {children ? <div className="toolbar-extra">{children}</div> : null}
      {state.closed ? (
        <p className="toolbar-note" role="status" data-testid="closed-note">
          {isFacilitator ? t('toolbar.closedFacilitator') : t('toolbar.closed')}
        </p>
      ) : null}
      {connection === 'reconnecting' ? (
        <p className="toolbar-note muted" role="status" data-testid="live-reconnecting">
          {t('toolbar.reconnecting')}
        </p>
      ) : null}
      {error ? (
        <p className="toolbar-note error" role="alert">
          {t('toolbar.failed', { reason: error })}
        </p>
      ) : null}
    </section>
  )
}
