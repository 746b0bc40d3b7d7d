/**
 * What one update, one connection, one person and one room may cost. The defaults are sized for
 * honest use with room to spare (docs/collab-protocol.md, "Budgets"): a facilitator pasting 500
 * shapes (~0.3 MB, ~1,000 structs in one update), a phone returning with 20 offline notes, a
 * 10,000-record room (~4 MB) syncing to a new client. Exceeding one closes with 4413.
 */
import { TokenBucket, type RateLimit } from './connection'

export interface CollabBudgets {
  /** bytes of one update */
  updateBytes: number
  /** structs plus deleted ranges in one update */
  updateStructs: number
  /** update bytes per connection: sustained per second, and the most at once */
  bytesPerSecond: RateLimit
  /** structs plus deleted ranges per connection */
  structsPerSecond: RateLimit
  /** bytes one subject (person or account) may store in one room, over the room's life */
  bytesPerIdentity: number
  /** the room's stored size (snapshot plus the updates after it) */
  roomBytes: number
  /** bytes of one awareness state (its JSON) */
  awarenessStateBytes: number
  /** awareness messages per connection that set or remove its own states (their bytes count in bytesPerSecond) */
  awarenessPerSecond: RateLimit
  /** connections one subject may have open to one room (tabs, a phone, half-open ones) */
  connectionsPerIdentity: number
  /** a connection whose unsent data exceeds this when the next frame is due is cut off (1008) */
  sendBufferBytes: number
}

const MiB = 1024 * 1024

export const DEFAULT_BUDGETS: CollabBudgets = {
  updateBytes: 8 * MiB,
  updateStructs: 50_000,
  bytesPerSecond: { perSecond: 2 * MiB, burst: 16 * MiB },
  structsPerSecond: { perSecond: 10_000, burst: 100_000 },
  bytesPerIdentity: 64 * MiB,
  roomBytes: 128 * MiB,
  awarenessStateBytes: 64 * 1024,
  awarenessPerSecond: { perSecond: 60, burst: 120 },
  connectionsPerIdentity: 10,
  sendBufferBytes: 16 * MiB,
}

/** A budget a connection overran: logged as `detail`, told to the user as the Dutch `reason`. */
export interface BudgetRefusal {
  reason: string
  detail: string
}

export const budgetReason = {
  updateTooBig: 'Wijziging is te groot',
  tooFast: 'Te veel wijzigingen tegelijk',
  identityFull: 'Je hebt in deze ruimte te veel opgeslagen',
  roomFull: 'Deze ruimte is vol',
  awarenessTooBig: 'Aanwezigheidsgegevens zijn te groot',
  awarenessTooFast: 'Te veel aanwezigheidsberichten',
} as const

/** One connection's running budgets (token buckets). */
export class ConnectionBudget {
  private readonly bytes: TokenBucket
  private readonly structs: TokenBucket
  private readonly awareness: TokenBucket

  constructor(readonly limits: CollabBudgets) {
    this.bytes = new TokenBucket(limits.bytesPerSecond)
    this.structs = new TokenBucket(limits.structsPerSecond)
    this.awareness = new TokenBucket(limits.awarenessPerSecond)
  }

  /** Before decoding: the update's size alone and against the connection's byte rate. */
  takeBytes(bytes: number): BudgetRefusal | null {
    if (bytes > this.limits.updateBytes) {
      return { reason: budgetReason.updateTooBig, detail: `update of ${bytes} bytes > ${this.limits.updateBytes}` }
    }
    if (!this.bytes.take(bytes)) return { reason: budgetReason.tooFast, detail: `byte rate exceeded` }
    return null
  }

  /** After decoding: the update's structs alone and against the connection's struct rate. */
  takeStructs(count: number): BudgetRefusal | null {
    if (count > this.limits.updateStructs) {
      return { reason: budgetReason.updateTooBig, detail: `update of ${count} structs > ${this.limits.updateStructs}` }
    }
    if (!this.structs.take(count)) return { reason: budgetReason.tooFast, detail: `struct rate exceeded` }
    return null
  }

  /** An awareness message's bytes count against the same byte rate as updates. */
  takeAwarenessBytes(bytes: number): BudgetRefusal | null {
    return this.bytes.take(bytes) ? null : { reason: budgetReason.awarenessTooFast, detail: 'byte rate exceeded' }
  }

  takeAwareness(): BudgetRefusal | null {
    return this.awareness.take() ? null : { reason: budgetReason.awarenessTooFast, detail: 'awareness rate exceeded' }
  }
}

/** What the room checks against its totals before applying an update of `bytes`. */
export function checkTotals(
  limits: CollabBudgets,
  totals: { identityBytes: number; roomBytes: number },
  bytes: number,
): BudgetRefusal | null {
  if (totals.identityBytes + bytes > limits.bytesPerIdentity) {
    return { reason: budgetReason.identityFull, detail: `identity would store ${totals.identityBytes + bytes} bytes` }
  }
  if (totals.roomBytes + bytes > limits.roomBytes) {
    return { reason: budgetReason.roomFull, detail: `room would hold ${totals.roomBytes + bytes} bytes` }
  }
  return null
}
