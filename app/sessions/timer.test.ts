import { describe, expect, it } from 'vitest'
import {
  applyTimerCommand,
  formatRemaining,
  idleTimer,
  MINUTE_MS,
  remainingAt,
  timerView,
  type TimerColumns,
} from './timer'

const t0 = Date.parse('2026-12-01T19:00:00.000Z')
const at = (seconds: number) => t0 + seconds * 1000
const started = applyTimerCommand(idleTimer, { action: 'start', minutes: 5 }, t0)!

describe('the shared timer', () => {
  it('runs from the server time it was started at', () => {
    expect(started).toEqual({
      timerStatus: 'running',
      timerEndsAt: new Date(t0 + 5 * MINUTE_MS),
      timerRemainingMs: null,
      timerDurationMs: 5 * MINUTE_MS,
    })
    expect(timerView(started, at(60))).toEqual({
      status: 'running',
      endsAt: '2026-12-01T19:05:00.000Z',
      remainingMs: 4 * MINUTE_MS,
      durationMs: 5 * MINUTE_MS,
    })
  })

  it('has ended once its end has passed, and never shows less than zero', () => {
    expect(timerView(started, at(300))).toMatchObject({ status: 'ended', remainingMs: 0 })
    expect(timerView(started, at(900))).toMatchObject({ status: 'ended', remainingMs: 0 })
  })

  it('keeps what was left while paused and goes on from there when resumed', () => {
    const paused = applyTimerCommand(started, { action: 'pause' }, at(100))!
    expect(timerView(paused, at(1000))).toEqual({
      status: 'paused',
      endsAt: null,
      remainingMs: 200_000,
      durationMs: 5 * MINUTE_MS,
    })
    const resumed = applyTimerCommand(paused, { action: 'resume' }, at(1000))!
    expect(resumed.timerEndsAt).toEqual(new Date(at(1200)))
  })

  it('adds a minute to a running, a paused and an ended timer (from now, for an ended one)', () => {
    expect(applyTimerCommand(started, { action: 'addMinute' }, at(10))!.timerEndsAt).toEqual(new Date(at(360)))
    const paused = applyTimerCommand(started, { action: 'pause' }, at(100))!
    expect(applyTimerCommand(paused, { action: 'addMinute' }, at(500))!.timerRemainingMs).toBe(260_000)
    const ended = applyTimerCommand(started, { action: 'addMinute' }, at(400))!
    expect(ended.timerEndsAt).toEqual(new Date(at(460)))
    expect(ended.timerDurationMs).toBe(6 * MINUTE_MS)
  })

  it('refuses what does not apply to the timer as it is', () => {
    const paused = applyTimerCommand(started, { action: 'pause' }, at(1))!
    expect(applyTimerCommand(idleTimer, { action: 'pause' }, t0)).toBeNull()
    expect(applyTimerCommand(paused, { action: 'pause' }, t0)).toBeNull()
    expect(applyTimerCommand(started, { action: 'pause' }, at(301))).toBeNull() // ended
    expect(applyTimerCommand(started, { action: 'resume' }, at(1))).toBeNull()
    expect(applyTimerCommand(idleTimer, { action: 'addMinute' }, t0)).toBeNull()
    expect(applyTimerCommand(idleTimer, { action: 'stop' }, t0)).toBeNull()
  })

  it('stops from any state but idle, and a new start replaces a running timer', () => {
    expect(applyTimerCommand(started, { action: 'stop' }, at(1))).toEqual(idleTimer)
    expect(timerView(idleTimer, t0)).toEqual({ status: 'idle', endsAt: null, remainingMs: 0, durationMs: null })
    const again = applyTimerCommand(started, { action: 'start', minutes: 2 }, at(30))!
    expect(again.timerEndsAt).toEqual(new Date(at(150)))
  })

  it('gives two browsers with different clocks the same time left, once each corrects by its offset', () => {
    const view = timerView(started, at(60))
    const serverNow = at(60)
    // One browser's clock is 7 s fast, another's 3.2 s slow; each measured its offset on arrival.
    const fast = serverNow + 7000
    const slow = serverNow - 3200
    const later = 12_345
    const a = remainingAt(view, fast + later, serverNow - fast)
    const b = remainingAt(view, slow + later, serverNow - slow)
    expect(a).toBe(b)
    expect(formatRemaining(a)).toBe('3:48')
  })

  it('keeps the paused time whatever the clock, and shows zero for idle and ended', () => {
    const paused: TimerColumns = applyTimerCommand(started, { action: 'pause' }, at(90))!
    expect(remainingAt(timerView(paused, at(90)), 0, 123_456)).toBe(210_000)
    expect(remainingAt(timerView(idleTimer, t0), t0, 0)).toBe(0)
    expect(remainingAt(timerView(started, at(400)), at(400), 0)).toBe(0)
  })

  it('never shows more than the timer was set to, although a measured offset is short by the travel time', () => {
    const view = timerView(started, t0)
    expect(remainingAt(view, t0, -80)).toBe(5 * MINUTE_MS)
    expect(formatRemaining(remainingAt(view, t0, -80))).toBe('5:00')
  })

  it('rounds up to whole seconds, so 0:00 only shows when the time is up', () => {
    expect(formatRemaining(299_001)).toBe('5:00')
    expect(formatRemaining(61_000)).toBe('1:01')
    expect(formatRemaining(400)).toBe('0:01')
    expect(formatRemaining(0)).toBe('0:00')
    expect(formatRemaining(-5)).toBe('0:00')
  })
})
