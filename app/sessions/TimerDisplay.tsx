import { useEffect, useRef, useState } from 'react'
import { useT } from '~/i18n/use-t'
import { formatRemaining, remainingAt, type TimerView } from './timer'
import { beep } from './timer-sound'

/** The time left, re-rendered a few times a second while the timer runs; beeps once at zero. */
export function useRemaining(timer: TimerView, offsetMs: number, muted: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  const remaining = remainingAt(timer, now, offsetMs)
  // Re-render just after the shown second changes (not on a fixed beat, which would lag up to a
  // beat behind the other screens).
  useEffect(() => {
    if (timer.status !== 'running' || remaining === 0) return
    const next = setTimeout(() => setNow(Date.now()), (remaining % 1000 || 1000) + 15)
    return () => clearTimeout(next)
  }, [timer.status, timer.endsAt, remaining, offsetMs])
  useEffect(() => setNow(Date.now()), [timer.status, timer.endsAt, offsetMs])
  // Beep on the change from counting to zero seen on this screen, not when a page opens on an ended timer.
  const previous = useRef(remaining)
  useEffect(() => {
    if (previous.current > 0 && remaining === 0 && timer.status === 'running' && !muted) beep()
    previous.current = remaining
  }, [remaining, timer.status, muted])
  return remaining
}

export function TimerDisplay({
  timer,
  offsetMs,
  muted,
  className,
}: {
  timer: TimerView
  offsetMs: number
  muted: boolean
  className?: string
}) {
  const { t } = useT()
  const remaining = useRemaining(timer, offsetMs, muted)
  const status = timer.status === 'running' && remaining === 0 ? 'ended' : timer.status
  const time = formatRemaining(remaining)
  return (
    <span
      className={`timer timer-${status} ${className ?? ''}`}
      data-testid="timer"
      data-status={status}
      // what this screen counts down to, for checks that screens agree without reading the clock
      data-ends-at={timer.endsAt ?? undefined}
      data-offset-ms={Math.round(offsetMs)}
    >
      {status === 'idle' ? (
        <span className="timer-text">{t('timer.idle')}</span>
      ) : status === 'ended' ? (
        <span className="timer-text" role="status">
          {t('timer.ended')}
        </span>
      ) : (
        <>
          {/* the digits change every second: screen readers get the label, not every tick */}
          <span className="timer-digits" aria-hidden="true" data-testid="timer-digits">
            {time}
          </span>
          <span className="visually-hidden">{t('timer.remaining', { time })}</span>
          {status === 'paused' ? <span className="timer-text">{t('timer.paused')}</span> : null}
        </>
      )}
    </span>
  )
}
