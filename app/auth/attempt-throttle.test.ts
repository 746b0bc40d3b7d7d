import { describe, expect, it } from 'vitest'
import { AttemptThrottle, ExponentialDelay, LoginThrottle } from './attempt-throttle'

describe('attempt throttle', () => {
  it('refuses after five failures within the window, until the oldest one expires', () => {
    const throttle = new AttemptThrottle(5, 1000)
    for (let t = 0; t < 5; t++) {
      expect(throttle.retryAfter('a@x.nl', t)).toBe(0)
      throttle.fail('a@x.nl', t)
    }
    expect(throttle.retryAfter('a@x.nl', 10)).toBe(990)
    expect(throttle.retryAfter('b@x.nl', 10)).toBe(0)
    expect(throttle.retryAfter('a@x.nl', 999)).toBe(1)
    expect(throttle.retryAfter('a@x.nl', 1000)).toBe(0)
  })

  it('forgets failures after a successful login', () => {
    const throttle = new AttemptThrottle(2, 1000)
    throttle.fail('a@x.nl', 0)
    throttle.succeed('a@x.nl')
    throttle.fail('a@x.nl', 1)
    expect(throttle.retryAfter('a@x.nl', 2)).toBe(0)
  })

  it('counts the same wrong thing once per window', () => {
    const throttle = new AttemptThrottle(2, 1000)
    for (let t = 0; t < 10; t++) throttle.fail('10.0.0.1', t, 'ZZZZZZ')
    expect(throttle.retryAfter('10.0.0.1', 10)).toBe(0)
    throttle.fail('10.0.0.1', 11, 'YYYYYY')
    expect(throttle.retryAfter('10.0.0.1', 12)).toBeGreaterThan(0)
  })
})

describe('exponential delay', () => {
  it('gives a few free failures, then doubles the wait up to its maximum', () => {
    const delay = new ExponentialDelay({ free: 3, baseMs: 1000, maxMs: 8000, forgetAfterMs: 60_000 })
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((n) => delay.delayAfter(n))).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 8000])
  })

  it('forgets an address that has been quiet long enough', () => {
    const delay = new ExponentialDelay({ free: 0, baseMs: 1000, maxMs: 8000, forgetAfterMs: 60_000 })
    delay.fail('a', 0)
    delay.fail('a', 1)
    expect(delay.retryAfter('a', 2)).toBe(3999)
    expect(delay.retryAfter('a', 60_001)).toBe(0)
    delay.fail('a', 60_001)
    expect(delay.retryAfter('a', 60_001)).toBe(2000)
  })
})

const small = () =>
  new LoginThrottle({
    perEmail: new ExponentialDelay({ free: 3, baseMs: 1000, maxMs: 300_000, forgetAfterMs: 3_600_000 }),
    perDevice: new ExponentialDelay({ free: 3, baseMs: 1000, maxMs: 300_000, forgetAfterMs: 3_600_000 }),
    perAddress: new AttemptThrottle(30, 900_000),
    global: new AttemptThrottle(300, 900_000),
  })

/** Fails `n` attempts at `now` and returns how many were let through to the password check. */
function guess(throttle: LoginThrottle, input: Parameters<LoginThrottle['begin']>[0], n: number, now: number) {
  let checked = 0
  for (let i = 0; i < n; i++) if (throttle.begin(input, now).ok) checked++
  return checked
}

describe('login throttle', () => {
  it('lets the right password in once the wait after a few wrong ones has passed', () => {
    const throttle = small()
    const fien = { email: 'fien@x.nl', address: '10.0.0.1' }
    expect(guess(throttle, fien, 4, 0)).toBe(3) // three free, the fourth waits
    const waiting = throttle.begin(fien, 500)
    expect(waiting).toEqual({ ok: false, retryAfterMs: 500 })
    const attempt = throttle.begin(fien, 1000)
    if (!attempt.ok) throw new Error('refused after the wait')
    attempt.succeed()
    // A success forgets the account's failures: the next typo is free again.
    expect(guess(throttle, fien, 3, 1001)).toBe(3)
  })

  it('slows guessing one account from many addresses: the wait grows with every failure', () => {
    const throttle = small()
    let now = 0
    let checked = 0
    for (let i = 0; i < 200; i++) {
      const attempt = throttle.begin({ email: 'fien@x.nl', address: `10.0.${i}.1` }, now)
      if (attempt.ok) checked++
      now += 1000 // one try a second, from ever new addresses
    }
    // 200 s: the three free ones, then 1, 2, 4, 8, 16, 32, 64 s of waiting.
    expect(checked).toBeLessThan(12)
  })

  it('never makes the owner wait for someone else guessing, even on the same Wi-Fi, once her browser is known', () => {
    const throttle = small()
    const attacker = { email: 'fien@x.nl', address: '10.0.0.1' }
    expect(guess(throttle, attacker, 20, 0)).toBe(3)
    const owner = throttle.begin({ ...attacker, device: 'fiens-laptop' }, 1)
    expect(owner.ok).toBe(true)
    if (owner.ok) owner.succeed()
    // The owner's login does not give the guesser fresh tries.
    expect(throttle.begin(attacker, 2).ok).toBe(false)
  })

  it('limits one address across e-mail addresses (spraying), without holding back other addresses', () => {
    const throttle = small()
    let checked = 0
    for (let i = 0; i < 40; i++) if (throttle.begin({ email: `user${i}@x.nl`, address: '10.0.0.9' }, 0).ok) checked++
    expect(checked).toBe(30)
    expect(throttle.begin({ email: 'someone@x.nl', address: '10.0.0.10' }, 0).ok).toBe(true)
    expect(throttle.begin({ email: 'someone@x.nl', address: '10.0.0.9' }, 900_000).ok).toBe(true)
  })

  it('caps failures from everywhere together', () => {
    const throttle = small()
    let checked = 0
    for (let i = 0; i < 400; i++) if (throttle.begin({ email: `u${i}@x.nl`, address: `10.1.${i}.1` }, 0).ok) checked++
    expect(checked).toBe(300)
  })

  it('takes back an attempt whose password was never checked', () => {
    const throttle = small()
    const fien = { email: 'fien@x.nl', address: '10.0.0.1' }
    for (let i = 0; i < 10; i++) {
      const attempt = throttle.begin(fien, 0)
      if (attempt.ok) attempt.cancel()
    }
    expect(throttle.begin(fien, 0).ok).toBe(true)
  })
})
