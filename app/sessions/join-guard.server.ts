import { AttemptThrottle } from '~/auth/attempt-throttle'

/**
 * The limits on looking up join codes (docs/decisions/012-joining-from-one-room.md has the
 * arithmetic behind the numbers).
 */
export interface JoinGuardLimits {
  /** distinct wrong codes one client address (IPv4 address, IPv6 /64) may try within `windowMs` */
  perAddress: number
  /** distinct wrong codes (address and code) from all addresses together within `windowMs`; beyond it, slow mode */
  everywhere: number
  windowMs: number
  /** slow mode: one lookup of a code new to its asker per this many ms, for addresses without wrong codes in the window */
  cleanSlotMs: number
  /** slow mode: the same for addresses that did try wrong codes within the window */
  guessingSlotMs: number
  /** how long an address keeps a code it was answered for: a workshop day */
  knownForMs: number
}

export const defaultJoinGuardLimits: JoinGuardLimits = {
  perAddress: 20,
  everywhere: 60,
  windowMs: 10 * 60 * 1000,
  cleanSlotMs: 5_000,
  guessingSlotMs: 30_000,
  knownForMs: 12 * 60 * 60 * 1000,
}

export type Admission = { ok: true } | { ok: false; retryAfterMs: number; reason: 'address' | 'busy' }

/**
 * Keeps guessing join codes impractical without ever refusing a room that shares one address.
 *
 * - A code an address was answered for (someone in the room got in with it, or the facilitator
 *   opened the werksessie from there) is answered for that address whatever its counts say: it
 *   tells whoever asks nothing they could not have learnt from the first answer.
 * - Any other code is a possible guess. One address may try `perAddress` distinct wrong codes
 *   in the window; after that, codes new to it are refused until the oldest leaves the window.
 * - Wrong codes from all addresses together are counted too: past `everywhere` (many addresses,
 *   a botnet, a fresh IPv6 /64 per guess) the server is in slow mode, where codes new to their
 *   asker are answered one at a time, server-wide: one per `cleanSlotMs` for addresses that have
 *   not tried a wrong code in the window, one per `guessingSlotMs` for those that have. That
 *   slows, and does not block: someone who waits a few seconds gets an answer.
 *
 * Whether a code is right must not change the answer to a refused lookup, or a refusal would
 * tell a guesser which guess was right: a refusal (429) is the same for right and wrong codes.
 * Kept in memory, per process, like the login limits.
 */
export class JoinCodeGuard {
  private readonly wrongPerAddress: AttemptThrottle
  private readonly wrongEverywhere: AttemptThrottle
  private readonly known = new Map<string, Map<string, number>>()
  private readonly nextSlot = { clean: 0, guessing: 0 }

  constructor(
    readonly limits: JoinGuardLimits = defaultJoinGuardLimits,
    /** told when slow mode begins: many wrong codes from many addresses are worth an operator's look */
    private readonly warn: (message: string) => void = (message) => console.warn(message),
  ) {
    this.wrongPerAddress = new AttemptThrottle(limits.perAddress, limits.windowMs)
    this.wrongEverywhere = new AttemptThrottle(limits.everywhere, limits.windowMs)
  }

  /** Whether `address` was answered for this (right) code within `knownForMs`. */
  knows(address: string, code: string, now = Date.now()): boolean {
    const at = this.known.get(address)?.get(code)
    return at !== undefined && now - at < this.limits.knownForMs
  }

  /**
   * Before a code that is new to its asker is looked up and answered: refused while the address
   * is at its own limit or, in slow mode, until the next free moment of its lane.
   */
  admit(address: string, now = Date.now()): Admission {
    const wait = this.wrongPerAddress.retryAfter(address, now)
    if (wait > 0) return { ok: false, retryAfterMs: wait, reason: 'address' }
    if (!this.slowMode(now)) return { ok: true }
    const lane = this.wrongPerAddress.count(address, now) === 0 ? 'clean' : 'guessing'
    const free = this.nextSlot[lane]
    if (now < free) return { ok: false, retryAfterMs: free - now, reason: 'busy' }
    this.nextSlot[lane] = now + (lane === 'clean' ? this.limits.cleanSlotMs : this.limits.guessingSlotMs)
    return { ok: true }
  }

  /** Whether wrong codes from everywhere have passed their budget, so new codes wait their turn. */
  slowMode(now = Date.now()): boolean {
    return this.wrongEverywhere.retryAfter('all', now) > 0
  }

  /** A code that belongs to no werksessie; the same code from the same address counts once per window. */
  wrong(address: string, code: string, now = Date.now()): void {
    const wasSlow = this.slowMode(now)
    this.wrongPerAddress.fail(address, now, code)
    this.wrongEverywhere.fail('all', now, `${address}|${code}`)
    if (!wasSlow && this.slowMode(now)) {
      const minutes = Math.round(this.limits.windowMs / 60_000)
      this.warn(
        `[join] ${this.limits.everywhere} wrong join codes within ${minutes} minutes from all addresses together: ` +
          'codes new to their asker are answered one at a time (decision 012)',
      )
    }
  }

  /** A code that belongs to a werksessie people may join: from now on the address knows it. */
  right(address: string, code: string, now = Date.now()): void {
    let codes = this.known.get(address)
    if (!codes) this.known.set(address, (codes = new Map()))
    codes.set(code, now)
    // Addresses that joined once must not pile up.
    if (this.known.size > 10_000) this.forgetOld(now)
  }

  private forgetOld(now: number) {
    for (const [address, codes] of this.known) {
      for (const [code, at] of codes) if (now - at >= this.limits.knownForMs) codes.delete(code)
      if (codes.size === 0) this.known.delete(address)
    }
  }
}
