/**
 * Durable storage of collaboration rooms: an append-only log of Yjs updates per room
 * (room_updates) folded now and then into a snapshot (room_snapshots).
 * `append` is synchronous on purpose: when it returns, the update is committed, and only then
 * may the room relay it (see docs/collab-protocol.md, "Durability").
 */
import { and, asc, desc, eq, gt, inArray, lte, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { roomClients, roomHistory, roomSnapshots, roomUpdates, type RoomHistoryEntry } from '../../db/schema'
import type { ClientOwnership, UpdateOwner } from './ownership'

export interface StoredRoom {
  /** Y.encodeStateAsUpdate of everything up to `snapshotUpdateId`, or null. */
  snapshot: Uint8Array | null
  /** Updates after the snapshot, oldest first. */
  updates: Uint8Array[]
  /** Highest update id folded into the snapshot (0 if none). */
  snapshotUpdateId: number
  /** Highest update id stored for the room, folded or not (0 if none). */
  lastUpdateId: number
  /** Who introduced which client id, and the bytes counted on it (room_clients). */
  clients: ClientOwnership[]
}

export interface CompactResult {
  /** update rows deleted because the snapshot now holds them */
  folded: number
  snapshotBytes: number
}

/** Why a moment of a room's history was kept (docs/collab-protocol.md, "History"). */
export type HistoryReason = RoomHistoryEntry['reason']

/** A moment of a room's history, without its state. */
export interface HistoryMoment {
  id: number
  takenAt: Date
  reason: HistoryReason
}

/** One update to commit; `alongside` writes the app's rows for it through the same connection. */
export interface AppendEntry {
  roomId: string
  update: Uint8Array
  owner?: UpdateOwner
  alongside?: () => void
}

export interface RoomStorage {
  load(roomId: string): Promise<StoredRoom>
  /**
   * Commits one update; returns its id. Throws if it could not be stored. With `owner` (a
   * client's update), the client ids it introduces and its bytes are stored in the same
   * transaction, so ownership is never ahead of or behind the content (ownership.ts).
   */
  append(roomId: string, update: Uint8Array, owner?: UpdateOwner): number
  /**
   * Commits several updates (of any rooms) in one transaction, all or none, like `append` each;
   * returns their ids in order. The room server's group commit (commit-queue.ts).
   */
  appendAll(entries: AppendEntry[]): number[]
  /**
   * In one transaction: stores `state` as the room's snapshot covering updates up to
   * `upToId`, and deletes those update rows. `state` must contain all of them.
   */
  compact(roomId: string, state: Uint8Array, upToId: number): CompactResult
  /**
   * In one transaction: runs `alongside` (the owner's rows that refer to the room, such as the
   * werksessie it belongs to) and deletes everything stored for the room. All or nothing: if
   * either throws, both stay. Synchronous, like `append`, so the caller can drop the live room
   * in the same tick.
   */
  delete(roomId: string, alongside?: () => void): void
  /** Keeps `state` (the whole room, as Y.encodeStateAsUpdate) as a moment to go back to; returns its id. */
  addHistory(roomId: string, state: Uint8Array, reason: HistoryReason, takenAt: Date): number
  /** The room's moments, newest first, without their state. */
  listHistory(roomId: string): HistoryMoment[]
  /** One moment's state; undefined if the room has no moment with that id. */
  getHistory(roomId: string, id: number): Uint8Array | undefined
  /** Deletes those of the room's moments; returns how many went. */
  pruneHistory(roomId: string, ids: number[]): number
}

const toBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength)
const toBytes = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)

export class SqliteRoomStorage implements RoomStorage {
  private readonly selectSnapshot
  private readonly selectUpdates
  private readonly selectMaxId
  private readonly selectClients

  // better-sqlite3 directly on the hot path: drizzle's prepared queries, row mapping and
  // transaction objects cost more than the writes themselves (docs/performance.md, "Side by side")
  private readonly insertUpdateRow
  private readonly insertClient
  private readonly addClientBytes
  private readonly appendTransaction

  constructor(private readonly db: Db) {
    const client = db.$client
    this.insertUpdateRow = client.prepare('insert into room_updates (room_id, "update") values (?, ?)')
    this.insertClient = client.prepare('insert into room_clients (room_id, client_id, subject) values (?, ?, ?)')
    this.addClientBytes = client.prepare(
      'update room_clients set bytes = bytes + ? where room_id = ? and client_id = ?',
    )
    // Inside another transaction (a caller's), better-sqlite3 makes this a savepoint of it.
    this.appendTransaction = client.transaction((entries: AppendEntry[]) => this.writeAll(entries))
    this.selectSnapshot = db
      .select({ state: roomSnapshots.state, lastUpdateId: roomSnapshots.lastUpdateId })
      .from(roomSnapshots)
      .where(eq(roomSnapshots.roomId, sql.placeholder('roomId')))
      .prepare()
    this.selectUpdates = db
      .select({ id: roomUpdates.id, update: roomUpdates.update })
      .from(roomUpdates)
      .where(and(eq(roomUpdates.roomId, sql.placeholder('roomId')), gt(roomUpdates.id, sql.placeholder('after'))))
      .orderBy(asc(roomUpdates.id))
      .prepare()
    this.selectMaxId = db
      .select({ maxId: sql<number | null>`max(${roomUpdates.id})` })
      .from(roomUpdates)
      .where(eq(roomUpdates.roomId, sql.placeholder('roomId')))
      .prepare()
    this.selectClients = db
      .select({ clientId: roomClients.clientId, subject: roomClients.subject, bytes: roomClients.bytes })
      .from(roomClients)
      .where(eq(roomClients.roomId, sql.placeholder('roomId')))
      .prepare()
  }

  async load(roomId: string): Promise<StoredRoom> {
    // One read transaction so a concurrent compaction cannot fall between the two reads.
    return this.db.transaction(() => {
      const snap = this.selectSnapshot.get({ roomId })
      const snapshotUpdateId = snap?.lastUpdateId ?? 0
      const rows = this.selectUpdates.all({ roomId, after: snapshotUpdateId })
      return {
        snapshot: snap ? toBytes(snap.state) : null,
        updates: rows.map((r) => toBytes(r.update)),
        snapshotUpdateId,
        lastUpdateId: rows.length > 0 ? rows[rows.length - 1].id : snapshotUpdateId,
        clients: this.selectClients.all({ roomId }),
      }
    })
  }

  append(roomId: string, update: Uint8Array, owner?: UpdateOwner): number {
    if (!owner || (owner.introduced.length === 0 && owner.accountTo === null)) {
      return Number(this.insertUpdateRow.run(roomId, toBuffer(update)).lastInsertRowid)
    }
    return this.appendTransaction([{ roomId, update, owner }])[0]
  }

  appendAll(entries: AppendEntry[]): number[] {
    if (entries.length === 1 && !entries[0].alongside) {
      return [this.append(entries[0].roomId, entries[0].update, entries[0].owner)]
    }
    // `alongside` writes through the app's handle on the same SQLite connection: it joins this transaction.
    return this.appendTransaction(entries)
  }

  /**
   * The rows of these updates; the caller provides the transaction. The bytes of one turn are
   * added to each client row once, after the rows the same updates introduce.
   */
  private writeAll(entries: AppendEntry[]): number[] {
    const ids = new Array<number>(entries.length)
    const bytes = new Map<string, { roomId: string; clientId: number; bytes: number }>()
    for (let i = 0; i < entries.length; i++) {
      const { roomId, update, owner, alongside } = entries[i]
      ids[i] = Number(this.insertUpdateRow.run(roomId, toBuffer(update)).lastInsertRowid)
      if (owner) {
        for (const clientId of owner.introduced) this.insertClient.run(roomId, clientId, owner.subject)
        if (owner.accountTo !== null) {
          const key = `${roomId} ${owner.accountTo}`
          const sum = bytes.get(key)
          if (sum) sum.bytes += owner.bytes
          else bytes.set(key, { roomId, clientId: owner.accountTo, bytes: owner.bytes })
        }
      }
      alongside?.()
    }
    for (const sum of bytes.values()) this.addClientBytes.run(sum.bytes, sum.roomId, sum.clientId)
    return ids
  }

  compact(roomId: string, state: Uint8Array, upToId: number): CompactResult {
    return this.db.transaction((tx) => {
      const maxId = this.selectMaxId.get({ roomId })?.maxId ?? 0
      if (upToId > maxId) throw new Error(`compact ${roomId}: upToId ${upToId} beyond stored ${maxId}`)
      const current = this.selectSnapshot.get({ roomId })
      // Never move a snapshot backwards (a stale compaction must not undo a newer one).
      if (current && current.lastUpdateId >= upToId) return { folded: 0, snapshotBytes: current.state.byteLength }
      const values = { roomId, state: toBuffer(state), lastUpdateId: upToId, updatedAt: new Date() }
      tx.insert(roomSnapshots)
        .values(values)
        .onConflictDoUpdate({
          target: roomSnapshots.roomId,
          set: { state: values.state, lastUpdateId: upToId, updatedAt: values.updatedAt },
        })
        .run()
      const deleted = tx
        .delete(roomUpdates)
        .where(and(eq(roomUpdates.roomId, roomId), lte(roomUpdates.id, upToId)))
        .run()
      return { folded: deleted.changes, snapshotBytes: state.byteLength }
    })
  }

  delete(roomId: string, alongside?: () => void): void {
    // `alongside` writes through the app's handle on the same SQLite connection, so it joins
    // this transaction.
    this.db.transaction((tx) => {
      alongside?.()
      tx.delete(roomUpdates).where(eq(roomUpdates.roomId, roomId)).run()
      tx.delete(roomSnapshots).where(eq(roomSnapshots.roomId, roomId)).run()
      tx.delete(roomClients).where(eq(roomClients.roomId, roomId)).run()
      tx.delete(roomHistory).where(eq(roomHistory.roomId, roomId)).run()
    })
  }

  addHistory(roomId: string, state: Uint8Array, reason: HistoryReason, takenAt: Date): number {
    return this.db
      .insert(roomHistory)
      .values({ roomId, state: toBuffer(state), reason, takenAt })
      .returning({ id: roomHistory.id })
      .get().id
  }

  listHistory(roomId: string): HistoryMoment[] {
    return this.db
      .select({ id: roomHistory.id, takenAt: roomHistory.takenAt, reason: roomHistory.reason })
      .from(roomHistory)
      .where(eq(roomHistory.roomId, roomId))
      .orderBy(desc(roomHistory.takenAt), desc(roomHistory.id))
      .all()
  }

  getHistory(roomId: string, id: number): Uint8Array | undefined {
    const row = this.db
      .select({ state: roomHistory.state })
      .from(roomHistory)
      .where(and(eq(roomHistory.roomId, roomId), eq(roomHistory.id, id)))
      .get()
    return row ? toBytes(row.state) : undefined
  }

  pruneHistory(roomId: string, ids: number[]): number {
    if (ids.length === 0) return 0
    return this.db
      .delete(roomHistory)
      .where(and(eq(roomHistory.roomId, roomId), inArray(roomHistory.id, ids)))
      .run().changes
  }
}
