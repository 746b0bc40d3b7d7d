/**
 * Slows down guessing (passwords, join codes): after `maxFailures` failures for one key within
 * `windowMs`, further attempts for that key are refused until the window has passed. Kept in
 * memory: a restart forgets it, which is fine for one server process.
 */
export class AttemptThrottle {
  private readonly failures = new Map<string, number[]>()

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60 * 1000,
  ) {}

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs)
    if (kept.length) this.failures.set(key, kept)
    else this.failures.delete(key)
    return kept
  }

  /** Milliseconds until a new attempt is allowed; 0 when it is allowed now. */
  retryAfter(key: string, now = Date.now()): number {
    const recent = this.recent(key, now)
    if (recent.length < this.maxFailures) return 0
    return recent[recent.length - this.maxFailures] + this.windowMs - now
  }

  fail(key: string, now = Date.now()): void {
    this.failures.set(key, [...this.recent(key, now), now])
    // Many different keys (addresses tried once) must not pile up.
    if (this.failures.size > 10_000) for (const k of [...this.failures.keys()]) this.recent(k, now)
  }

  succeed(key: string): void {
    this.failures.delete(key)
  }
}
