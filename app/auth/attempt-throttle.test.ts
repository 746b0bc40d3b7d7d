import { describe, expect, it } from 'vitest'
import { AttemptThrottle } from './attempt-throttle'

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
})
