import { describe, expect, it } from 'vitest'
import {
  initialLink,
  linkBadge,
  refusalForAccess,
  refusalForClose,
  socketClosed,
  statusChanged,
  type Link,
} from './connection-machine'
import { OFFLINE_AFTER_MS } from './connection-state'

/** Bare closes (no code of ours) one after another, as a refused upgrade looks in the browser. */
function bareCloses(link: Link, n: number, online = true) {
  const asked: number[] = []
  for (let i = 1; i <= n; i++) {
    const outcome = socketClosed(link, 1006, online)
    link = outcome.link
    if (outcome.askWhy) asked.push(i)
  }
  return { link, asked }
}

describe('refusals', () => {
  it('stops for good on the close codes of the room server', () => {
    expect(refusalForClose(4401)).toBe('unauthenticated')
    expect(refusalForClose(4403)).toBe('forbidden')
    expect(refusalForClose(4410)).toBe('gone')
    expect(refusalForClose(4422)).toBe('rejected')
  })
  it('keeps reconnecting after any other close, or one without an event', () => {
    expect(refusalForClose(1006)).toBeNull()
    expect(refusalForClose(1009)).toBeNull()
    expect(refusalForClose(undefined)).toBeNull()
  })
  it('reads 401, 403 and 404 of the access endpoint as refusals, anything else not', () => {
    expect(refusalForAccess(401)).toBe('unauthenticated')
    expect(refusalForAccess(403)).toBe('forbidden')
    expect(refusalForAccess(404)).toBe('gone')
    expect(refusalForAccess(200)).toBeNull()
    expect(refusalForAccess(500)).toBeNull()
  })
})

describe('the connection machine', () => {
  it('a refusal close stops without asking and without counting an attempt', () => {
    const link = initialLink(0)
    expect(socketClosed(link, 4410, true)).toEqual({ link, refusal: 'gone', askWhy: false })
  })

  it('asks the access endpoint at the 2nd, 5th and 8th bare close in a row', () => {
    expect(bareCloses(initialLink(0), 8).asked).toEqual([2, 5, 8])
  })

  it('does not ask while the browser is offline', () => {
    expect(bareCloses(initialLink(0), 8, false).asked).toEqual([])
  })

  it('starts counting again after a successful connection', () => {
    let { link } = bareCloses(initialLink(0), 4)
    link = statusChanged(link, 'connected', 10)
    expect(link.failedAttempts).toBe(0)
    link = statusChanged(link, 'disconnected', 20)
    expect(bareCloses(link, 2).asked).toEqual([2])
  })

  it('says reconnecting for a while after losing the connection, then offline', () => {
    let link = statusChanged(initialLink(0), 'connected', 1_000)
    expect(linkBadge(link, true, 50_000)).toBe('connected')
    link = statusChanged(link, 'disconnected', 60_000)
    link = statusChanged(link, 'connecting', 61_000)
    expect(linkBadge(link, true, 60_000 + OFFLINE_AFTER_MS - 1)).toBe('reconnecting')
    // The clock runs from losing the connection, not from the latest retry.
    expect(linkBadge(link, true, 60_000 + OFFLINE_AFTER_MS)).toBe('offline')
    expect(linkBadge(link, false, 60_001)).toBe('offline')
  })

  it('counts from the start when the first connection never came', () => {
    const link = statusChanged(initialLink(5_000), 'disconnected', 6_000)
    expect(linkBadge(link, true, 5_000 + OFFLINE_AFTER_MS - 1)).toBe('reconnecting')
    expect(linkBadge(link, true, 5_000 + OFFLINE_AFTER_MS)).toBe('offline')
  })
})

describe('refused updates', () => {
  it('drop the local copy instead of sending the refused change again (4409, 4413, 4422)', async () => {
    const { resetsLocalCopy } = await import('./connection-machine')
    for (const code of [4409, 4413, 4422]) {
      const refusal = refusalForClose(code)
      expect(refusal).toBe('rejected')
      expect(resetsLocalCopy(refusal!)).toBe(true)
    }
    expect(resetsLocalCopy('forbidden')).toBe(false)
    expect(resetsLocalCopy('gone')).toBe(false)
  })
})
