/**
 * The shared timer of a werksessie, as pure functions of the stored columns and the server's
 * clock. Every screen renders the same `endsAt`, corrected by its offset to the server's clock
 * (`serverNow` travels with every state), so screens agree within a second, also after a reload.
 * Browser-safe: the canvas, the projector and the phone page count down with `remainingAt`.
 */

export type TimerStatus = 'idle' | 'running' | 'paused'

/** The timer as stored (workshop_sessions.timer_*). */
export interface TimerColumns {
  timerStatus: TimerStatus
  timerEndsAt: Date | null
  timerRemainingMs: number | null
  timerDurationMs: number | null
}

export const timerActions = ['start', 'pause', 'resume', 'addMinute', 'stop'] as const
export type TimerAction = (typeof timerActions)[number]

export type TimerCommand = { action: 'start'; minutes: number } | { action: Exclude<TimerAction, 'start'> }

/** What every client gets: `ended` is a running timer whose end has passed. */
export interface TimerView {
  status: TimerStatus | 'ended'
  /** ISO time the timer reaches zero (running and ended only) */
  endsAt: string | null
  /** at the state's serverNow */
  remainingMs: number
  /** what it was set to, plus added minutes */
  durationMs: number | null
}

export const MINUTE_MS = 60_000
/** A session step rarely takes longer than an hour; 180 minutes is a typo guard, not a policy. */
export const MAX_TIMER_MINUTES = 180

export const idleTimer: TimerColumns = {
  timerStatus: 'idle',
  timerEndsAt: null,
  timerRemainingMs: null,
  timerDurationMs: null,
}

export function timerView(timer: TimerColumns, now: number): TimerView {
  if (timer.timerStatus === 'running' && timer.timerEndsAt) {
    const remainingMs = Math.max(0, timer.timerEndsAt.getTime() - now)
    return {
      status: remainingMs === 0 ? 'ended' : 'running',
      endsAt: timer.timerEndsAt.toISOString(),
      remainingMs,
      durationMs: timer.timerDurationMs,
    }
  }
  if (timer.timerStatus === 'paused') {
    return {
      status: 'paused',
      endsAt: null,
      remainingMs: timer.timerRemainingMs ?? 0,
      durationMs: timer.timerDurationMs,
    }
  }
  return { status: 'idle', endsAt: null, remainingMs: 0, durationMs: null }
}

/**
 * The timer after a command at server time `now`, or `null` when the command does not apply to
 * the timer as it is (pausing a timer that is not running, resuming one that is not paused,
 * adding a minute to none): the API answers 409 then.
 */
export function applyTimerCommand(timer: TimerColumns, command: TimerCommand, now: number): TimerColumns | null {
  const view = timerView(timer, now)
  switch (command.action) {
    case 'start': {
      const durationMs = command.minutes * MINUTE_MS
      return {
        timerStatus: 'running',
        timerEndsAt: new Date(now + durationMs),
        timerRemainingMs: null,
        timerDurationMs: durationMs,
      }
    }
    case 'pause':
      if (view.status !== 'running') return null
      return { ...timer, timerStatus: 'paused', timerEndsAt: null, timerRemainingMs: view.remainingMs }
    case 'resume':
      if (view.status !== 'paused') return null
      return { ...timer, timerStatus: 'running', timerEndsAt: new Date(now + view.remainingMs), timerRemainingMs: null }
    case 'addMinute': {
      const durationMs = (timer.timerDurationMs ?? 0) + MINUTE_MS
      // An ended timer gets one minute from now, not one minute after an end that has passed.
      if (view.status === 'running' || view.status === 'ended') {
        return { ...timer, timerEndsAt: new Date(now + view.remainingMs + MINUTE_MS), timerDurationMs: durationMs }
      }
      if (view.status === 'paused') {
        return { ...timer, timerRemainingMs: view.remainingMs + MINUTE_MS, timerDurationMs: durationMs }
      }
      return null
    }
    case 'stop':
      return view.status === 'idle' ? null : idleTimer
  }
}

/**
 * What a browser shows: the time left at its own clock, given the offset `serverNow - the
 * browser's clock when the state arrived`.
 */
export function remainingAt(view: TimerView, clientNow: number, offsetMs: number): number {
  if (view.status !== 'running' || !view.endsAt) return view.status === 'paused' ? view.remainingMs : 0
  const remaining = Math.max(0, Date.parse(view.endsAt) - (clientNow + offsetMs))
  // A measured offset is short by the message's travel time, so a timer just started could show
  // a second more than it was set to; it never shows more than its length.
  return view.durationMs === null ? remaining : Math.min(remaining, view.durationMs)
}

/** "4:05" (minutes:seconds), rounded up to whole seconds: 0:00 only once the time is up. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000)
  const minutes = Math.floor(total / 60)
  const seconds = total % 60
  return `${minutes}:${String(seconds).padStart(2, '0')}`
}
