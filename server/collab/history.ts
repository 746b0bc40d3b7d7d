/**
 * A room's history: whole-room moments to go back to, kept while the room is edited and before
 * its log is folded, thinned out by a retention policy. Driven by the registry; the room itself
 * only calls `beforeCompaction`. See docs/collab-protocol.md, "History".
 */
import * as Y from 'yjs'
import type { CollabPeer } from './peer'
import type { Logger, Room } from './room'
import type { HistoryMoment, HistoryReason, RoomStorage } from './storage'
import { transactionChanged } from './update-check'

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

export interface RetentionPolicy {
  /** every moment younger than this is kept (default 24 h) */
  keepAllMs: number
  /** then the newest moment of each hour, up to this age (default 7 days); older: of each day */
  hourlyMs: number
}

export const DEFAULT_RETENTION: RetentionPolicy = { keepAllMs: DAY, hourlyMs: 7 * DAY }

/**
 * The moments the policy lets go. The newest moment of an hour (or day) is the one kept, so what
 * survives is how the canvas looked when that hour ended; buckets are whole UTC hours and days,
 * so a moment kept once stays kept until its day is thinned to one.
 */
export function momentsToPrune(
  moments: Pick<HistoryMoment, 'id' | 'takenAt'>[],
  now: Date,
  policy: RetentionPolicy = DEFAULT_RETENTION,
): number[] {
  const newestFirst = [...moments].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime() || b.id - a.id)
  const seen = new Set<string>()
  const prune: number[] = []
  for (const moment of newestFirst) {
    const taken = moment.takenAt.getTime()
    const age = now.getTime() - taken
    if (age < policy.keepAllMs) continue
    const bucket = age < policy.hourlyMs ? `h${Math.floor(taken / HOUR)}` : `d${Math.floor(taken / DAY)}`
    if (seen.has(bucket)) prune.push(moment.id)
    else seen.add(bucket)
  }
  return prune
}

export interface HistoryOptions {
  /**
   * A room edited since its last moment gets one this long after that first edit (default 5
   * minutes). Before a compaction a moment is taken only if the last one is at least a fifth of
   * this old: a busy room compacts every few seconds.
   */
  intervalMs: number
  retention?: RetentionPolicy
  now?: () => Date
}

interface Tracked {
  /** changed since its last moment */
  dirty: boolean
  timer: NodeJS.Timeout | null
  lastTakenAt: number
  stop(): void
}

export class RoomHistory<P extends CollabPeer = CollabPeer> {
  private readonly rooms = new Map<Room<P>, Tracked>()
  private readonly now: () => Date

  constructor(
    private readonly storage: RoomStorage,
    private readonly options: HistoryOptions,
    private readonly logger: Logger,
  ) {
    this.now = options.now ?? (() => new Date())
  }

  /** Starts watching a loaded room: its changes (clients' and the server's) make it due a moment. */
  track(room: Room<P>): void {
    if (this.rooms.has(room)) return
    // Registered after the room's own listener, so it runs once the change is queued for its
    // commit. Not 'update': with a listener for it, Yjs encodes every transaction once more.
    const onTransaction = (transaction: Y.Transaction) => {
      if (transactionChanged(transaction)) this.changed(room)
    }
    room.doc.on('afterTransaction', onTransaction)
    this.rooms.set(room, {
      dirty: false,
      timer: null,
      lastTakenAt: 0,
      stop: () => room.doc.off('afterTransaction', onTransaction),
    })
  }

  private changed(room: Room<P>): void {
    const tracked = this.rooms.get(room)
    if (!tracked || room.failed || room.destroyed) return
    tracked.dirty = true
    if (tracked.timer) return
    tracked.timer = setTimeout(() => {
      tracked.timer = null
      if (tracked.dirty) this.takeQuietly(room, 'interval')
    }, this.options.intervalMs)
    tracked.timer.unref()
  }

  /** The room's hook before its log is folded (Room's `beforeCompaction`). */
  beforeCompaction(room: Room<P>): void {
    const tracked = this.rooms.get(room)
    if (!tracked?.dirty) return
    if (this.now().getTime() - tracked.lastTakenAt < this.options.intervalMs / 5) return
    this.takeQuietly(room, 'compaction')
  }

  /** Before a room leaves memory: what changed since its last moment is kept now. */
  flush(room: Room<P>): void {
    if (this.rooms.get(room)?.dirty) this.takeQuietly(room, 'interval')
    this.forget(room)
  }

  /** Stops watching a room without keeping anything (its werksessie was deleted, or it failed). */
  forget(room: Room<P>): void {
    const tracked = this.rooms.get(room)
    if (!tracked) return
    if (tracked.timer) clearTimeout(tracked.timer)
    tracked.stop()
    this.rooms.delete(room)
  }

  /**
   * Keeps the room's state as it is now, whatever has changed, and applies the retention policy.
   * Throws if it could not be stored (a restore must not go ahead without its moment).
   */
  take(room: Room<P>, reason: HistoryReason): number {
    if (room.failed || room.destroyed) throw new Error(`room ${room.id} is not available`)
    const now = this.now()
    // a moment holds only committed content (updates of this turn are not yet)
    if (!room.flush()) throw new Error(`room ${room.id}: the database is locked; no moment now`)
    const id = this.storage.addHistory(room.id, Y.encodeStateAsUpdate(room.doc), reason, now)
    const tracked = this.rooms.get(room)
    if (tracked) {
      tracked.dirty = false
      tracked.lastTakenAt = now.getTime()
      if (tracked.timer) clearTimeout(tracked.timer)
      tracked.timer = null
    }
    const prune = momentsToPrune(this.storage.listHistory(room.id), now, this.options.retention)
    this.storage.pruneHistory(room.id, prune)
    return id
  }

  /** Moments kept on the way are a convenience: failing to keep one never fails the room. */
  private takeQuietly(room: Room<P>, reason: HistoryReason): void {
    if (room.failed || room.destroyed) return
    try {
      this.take(room, reason)
    } catch (err) {
      this.logger.error(`[collab] room ${room.id}: keeping a history moment (${reason}) failed`, err)
    }
  }

  /** Stops every timer (the server is closing; the registry flushes the rooms first). */
  close(): void {
    for (const room of [...this.rooms.keys()]) this.forget(room)
  }
}
