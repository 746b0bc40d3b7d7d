/**
 * The rooms in memory. A room is loaded once however many clients arrive at the same time,
 * and dropped (after compacting) a grace period after its last connection left.
 */
import type { CommitQueue } from './commit-queue'
import type { Connection } from './connection'
import type { StateBuilder } from './state-builder'
import type { RoomHistory } from './history'
import type { CollabPeer } from './peer'
import { Room, type Logger, type RoomPolicy } from './room'
import type { RoomStorage } from './storage'

export interface RegistryOptions<P extends CollabPeer = CollabPeer> {
  storage: RoomStorage
  policy: RoomPolicy<P>
  compactEvery: number
  compactLogBytes: number
  /** the group commit every room of this registry shares */
  commits: CommitQueue
  /** builds big rooms' states in a worker thread */
  builder?: StateBuilder
  graceMs: number
  logger: Logger
  /** keeps moments of the rooms it is given (optional so a bare registry can be tested) */
  history?: RoomHistory<P>
}

export class RoomRegistry<P extends CollabPeer = CollabPeer> {
  private readonly rooms = new Map<string, Room<P>>()
  private readonly loading = new Map<string, Promise<Room<P>>>()
  private readonly evictions = new Map<Room<P>, NodeJS.Timeout>()
  /** Rooms of deleted werksessies: never loaded again (room ids are random and not reused). */
  private readonly removed = new Set<string>()
  private closed = false

  constructor(private readonly options: RegistryOptions<P>) {}

  /** The loaded room, if it is in memory. */
  get(roomId: string): Room<P> | undefined {
    return this.rooms.get(roomId)
  }

  get size(): number {
    return this.rooms.size
  }

  list(): Room<P>[] {
    return [...this.rooms.values()]
  }

  /** The room, loading it from storage if needed; concurrent callers share one load. */
  acquire(roomId: string): Promise<Room<P>> {
    if (this.closed) return Promise.reject(new Error('collab registry is closed'))
    if (this.removed.has(roomId)) return Promise.reject(new RoomRemovedError(roomId))
    const loaded = this.rooms.get(roomId)
    if (loaded) return Promise.resolve(loaded)
    let pending = this.loading.get(roomId)
    if (!pending) {
      const { storage, policy, compactEvery, compactLogBytes, commits, builder, logger, history } = this.options
      pending = Room.load(roomId, {
        storage,
        policy,
        compactEvery,
        compactLogBytes,
        commits,
        builder,
        logger,
        onFailed: (room) => this.drop(room),
        beforeCompaction: (room) => history?.beforeCompaction(room),
      }).then(
        (room) => {
          this.loading.delete(roomId)
          this.rooms.set(roomId, room)
          history?.track(room)
          // Whoever asked for it may be gone already; an idle room must not stay forever.
          this.scheduleEviction(room)
          return room
        },
        (err: unknown) => {
          this.loading.delete(roomId)
          throw err
        },
      )
      this.loading.set(roomId, pending)
    }
    return pending
  }

  /**
   * Attaches a connection once its room is loaded. Returns null if the connection closed
   * meanwhile. Messages it sent during the load are processed by `room.attach`.
   */
  async join(roomId: string, conn: Connection<P>): Promise<Room<P> | null> {
    let room = await this.acquire(roomId)
    // A room that failed between loading and now is replaced by a fresh load.
    while (room.failed || room.destroyed) room = await this.acquire(roomId)
    if (!conn.open) return null
    this.cancelEviction(room)
    room.attach(conn)
    return room
  }

  leave(room: Room<P>, conn: Connection<P>): void {
    room.detach(conn)
    if (room.connectionCount === 0) this.scheduleEviction(room)
  }

  private scheduleEviction(room: Room<P>): void {
    if (this.closed || room.destroyed || room.connectionCount > 0) return
    this.cancelEviction(room)
    const timer = setTimeout(() => this.evict(room), this.options.graceMs)
    timer.unref()
    this.evictions.set(room, timer)
  }

  private cancelEviction(room: Room<P>): void {
    const timer = this.evictions.get(room)
    if (timer) clearTimeout(timer)
    this.evictions.delete(room)
  }

  private evict(room: Room<P>): void {
    this.evictions.delete(room)
    if (room.connectionCount > 0 || this.rooms.get(room.id) !== room) return
    // updates still waiting for a locked database must not leave memory uncommitted
    if (room.uncommitted) return this.scheduleEviction(room)
    this.options.history?.flush(room)
    room.compact()
    this.rooms.delete(room.id)
    room.destroy()
  }

  /** A failed room leaves memory at once, so the next client gets it fresh from storage. */
  private drop(room: Room<P>): void {
    this.cancelEviction(room)
    this.options.history?.forget(room)
    if (this.rooms.get(room.id) === room) this.rooms.delete(room.id)
  }

  /**
   * Drops a room whose werksessie was deleted: its clients are closed with `code`, and the room
   * leaves memory without compacting, so nothing of it is written back. The caller deletes the
   * stored rows in the same tick, before any further message can arrive (CollabServer.deleteRoom).
   */
  remove(roomId: string, code: number, reason: string): void {
    // A connection that passed authentication just before the delete must not bring it back.
    this.removed.add(roomId)
    // A load under way would bring the room back with what it read before the delete.
    this.loading.get(roomId)?.then(
      () => this.remove(roomId, code, reason),
      () => {},
    )
    const room = this.rooms.get(roomId)
    if (!room) return
    this.cancelEviction(room)
    // its history rows went with the werksessie; no moment of it may be kept after that
    this.options.history?.forget(room)
    this.rooms.delete(roomId)
    room.closeAll(code, reason)
    room.destroy()
  }

  /** Closes every connection, compacts and unloads every room. */
  async close(code: number, reason: string): Promise<void> {
    this.closed = true
    await Promise.allSettled([...this.loading.values()])
    for (const room of [...this.rooms.values()]) {
      this.cancelEviction(room)
      room.closeAll(code, reason)
      // a commit waiting for another connection's write lock is given its retries (bounded)
      await room.whenStored().catch(() => {})
      this.options.history?.flush(room)
      room.compact()
      room.destroy()
    }
    this.rooms.clear()
    this.options.history?.close()
  }
}

export class RoomRemovedError extends Error {
  constructor(readonly roomId: string) {
    super(`room ${roomId} was removed`)
  }
}
