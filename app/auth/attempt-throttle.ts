/**
 * Slows down guessing (passwords, join codes). Kept in memory: a restart forgets it, which is
 * fine for one server process.
 */

/**
 * At most `max` events per key within `windowMs` (a sliding window); further attempts are
 * refused until the oldest event has left the window. With `fail(key, now, what)` the same
 * `what` counts once per window: typing one wrong join code again is not a second guess.
 */
export class AttemptThrottle {
  private readonly failures = new Map<string, { at: number; what?: string }[]>()

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60 * 1000,
  ) {}

  private recent(key: string, now: number) {
    const kept = (this.failures.get(key) ?? []).filter((f) => now - f.at < this.windowMs)
    if (kept.length) this.failures.set(key, kept)
    else this.failures.delete(key)
    return kept
  }

  /** Milliseconds until a new attempt is allowed; 0 when it is allowed now. */
  retryAfter(key: string, now = Date.now()): number {
    const recent = this.recent(key, now)
    if (recent.length < this.maxFailures) return 0
    return recent[recent.length - this.maxFailures].at + this.windowMs - now
  }

  /** How many events `key` has within the window now. */
  count(key: string, now = Date.now()): number {
    return this.recent(key, now).length
  }

  fail(key: string, now = Date.now(), what?: string): void {
    const recent = this.recent(key, now)
    if (what !== undefined && recent.some((f) => f.what === what)) return
    this.failures.set(key, [...recent, { at: now, what }])
    // Many different keys (addresses tried once) must not pile up.
    if (this.failures.size > 10_000) for (const k of [...this.failures.keys()]) this.recent(k, now)
  }

  /** Takes back one failure counted at `at` (an attempt that was never made after all). */
  unfail(key: string, at: number): void {
    const list = this.failures.get(key)
    const index = list?.findIndex((f) => f.at === at) ?? -1
    if (index >= 0) list!.splice(index, 1)
  }

  succeed(key: string): void {
    this.failures.delete(key)
  }
}

/**
 * A wait that doubles with every failure past the first few and is forgotten after a quiet
 * period: the owner's right password works again as soon as the current wait has passed,
 * while a guesser gets a handful of tries an hour.
 */
export class ExponentialDelay {
  private readonly state = new Map<string, { failures: number; last: number }>()

  constructor(
    readonly options: { free: number; baseMs: number; maxMs: number; forgetAfterMs: number } = {
      free: 3,
      baseMs: 1000,
      maxMs: 5 * 60 * 1000,
      forgetAfterMs: 60 * 60 * 1000,
    },
  ) {}

  private current(key: string, now: number) {
    const entry = this.state.get(key)
    if (entry && now - entry.last >= this.options.forgetAfterMs) this.state.delete(key)
    return this.state.get(key)
  }

  /** The wait after `failures` failures: 0 for the free ones, then base, 2×base, 4×base, … up to max. */
  delayAfter(failures: number): number {
    const { free, baseMs, maxMs } = this.options
    if (failures < free) return 0
    return Math.min(maxMs, baseMs * 2 ** Math.min(failures - free, 30))
  }

  retryAfter(key: string, now = Date.now()): number {
    const entry = this.current(key, now)
    if (!entry) return 0
    return Math.max(0, entry.last + this.delayAfter(entry.failures) - now)
  }

  fail(key: string, now = Date.now()): void {
    const entry = this.current(key, now)
    this.state.set(key, { failures: (entry?.failures ?? 0) + 1, last: now })
    if (this.state.size > 10_000) for (const k of [...this.state.keys()]) this.current(k, now)
  }

  unfail(key: string): void {
    const entry = this.state.get(key)
    if (entry && entry.failures > 1) entry.failures -= 1
    else this.state.delete(key)
  }

  succeed(key: string): void {
    this.state.delete(key)
  }
}

export interface LoginThrottleOptions {
  /** per e-mail address, from anywhere: guessing one account's password */
  perEmail: ExponentialDelay
  /** per browser that logged in as that e-mail before (its device cookie): the owner's own lane */
  perDevice: ExponentialDelay
  /** failed logins from one address, across e-mail addresses: spraying many accounts */
  perAddress: AttemptThrottle
  /** failed logins from everywhere together: what the server spends on wrong passwords at most */
  global: AttemptThrottle
}

export const defaultLoginThrottleOptions = (): LoginThrottleOptions => ({
  perEmail: new ExponentialDelay(),
  perDevice: new ExponentialDelay(),
  perAddress: new AttemptThrottle(30, 15 * 60 * 1000),
  global: new AttemptThrottle(300, 15 * 60 * 1000),
})

export type LoginAttempt =
  | { ok: false; retryAfterMs: number }
  | {
      ok: true
      /** The password was right: the account's and the device's failures are forgotten. */
      succeed(): void
      /** The password was never checked (the server was too busy): nothing is counted. */
      cancel(): void
    }

/**
 * Failed logins, limited so that guessing is slow but the right password is not locked out:
 *
 * - an e-mail address waits longer after each failure (3 free, then 1 s, 2 s, 4 s, … up to
 *   5 minutes), wherever the attempts come from;
 * - a browser that has logged in as that address before (it carries the device cookie) has a
 *   lane of its own instead: someone else guessing, even on the same Wi-Fi, never makes the
 *   owner wait (OWASP's "device cookies");
 * - one client address may fail 30 times in 15 minutes across all e-mail addresses;
 * - everybody together may fail 300 times in 15 minutes (about one scrypt a few seconds).
 *
 * A failure is counted before the (slow) password check, so parallel guesses cannot all slip
 * through; a right password takes its own failure back.
 */
export class LoginThrottle {
  constructor(private readonly limits: LoginThrottleOptions = defaultLoginThrottleOptions()) {}

  begin(input: { email: string; address: string; device?: string }, now = Date.now()): LoginAttempt {
    const { perEmail, perDevice, perAddress, global } = this.limits
    const lane = input.device
      ? { delay: perDevice, key: `${input.device}|${input.email}` }
      : { delay: perEmail, key: input.email }
    const wait = Math.max(
      lane.delay.retryAfter(lane.key, now),
      input.device ? 0 : perAddress.retryAfter(input.address, now),
      global.retryAfter('all', now),
    )
    if (wait > 0) return { ok: false, retryAfterMs: wait }
    lane.delay.fail(lane.key, now)
    if (!input.device) perAddress.fail(input.address, now)
    global.fail('all', now)
    const takeBack = () => {
      lane.delay.unfail(lane.key)
      if (!input.device) perAddress.unfail(input.address, now)
      global.unfail('all', now)
    }
    return {
      ok: true,
      succeed: () => {
        takeBack()
        // Only the lane the owner used: a login from the device lane leaves a guesser's wait on
        // the e-mail address as it was.
        lane.delay.succeed(lane.key)
      },
      cancel: takeBack,
    }
  }
}
