/**
 * One collaboration room: the authoritative Y.Doc, its awareness, its connections.
 * A client's update is decoded once and checked before anything is applied:
 * decode -> check (update-check.ts) -> budgets -> policy -> apply. Every change, from a client
 * or from the server itself, then takes one path:
 * Y.Doc 'update' -> storage.append (committed, with its ownership rows) -> relay to the others.
 * See docs/collab-protocol.md.
 */
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { decodeAwarenessUpdate, encodeAwarenessEntries, filterAwareness } from './awareness'
import { budgetReason, checkTotals } from './budgets'
import type { CommitQueue, CommitSource, PendingUpdate } from './commit-queue'
import type { Connection } from './connection'
import type { BuiltState, StateBuilder } from './state-builder'
import { RoomOwnership, type UpdateOwner } from './ownership'
import type { CollabPeer } from './peer'
import {
  CloseCode,
  decodeMessage,
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncStep2Update,
  isEmptyUpdate,
  ProtocolError,
} from './protocol'
import type { RoomStorage } from './storage'
import { checkUpdate, decodeUpdate, transactionChanged, type DecodedUpdate } from './update-check'
import { updateWire, wireOf } from './wire'

/**
 * `alongside`: the app's own rows that belong with the update (e.g. who made a record), written
 * in the same transaction as the update, so they are never ahead of or behind the content.
 */
export type PolicyResult = { ok: true; alongside?: () => void } | { ok: false; reason: string }

/**
 * The seam where the app decides what a connection may change. Called for every non-empty,
 * well-formed update from an edit connection, before it touches the document. Synchronous so
 * updates stay in arrival order. A rejection closes the connection with 4422 and `reason`
 * (shown to the user, so Dutch). Server writes (`room.transact`) do not pass the policy.
 * `identity` is the app's own identity type, as its authenticator made it. `decoded` is the
 * update as the room's check decoded it (Y.decodeUpdate), so a policy never decodes it again;
 * it has passed the ownership and reference checks, so everything it refers to is in `room.doc`
 * or in `decoded`.
 */
export interface RoomPolicy<P extends CollabPeer = CollabPeer> {
  acceptUpdate(ctx: { room: Room<P>; identity: P; update: Uint8Array; decoded: DecodedUpdate }): PolicyResult
}

/** Why a client's update was refused by the room's checks (shown to the user, so Dutch). */
export const refusalReason = {
  ownership: 'Wijziging op naam van een ander geweigerd',
  dangling: 'Wijziging bouwt voort op onbekende inhoud',
} as const

/** The relay does not interpret content: every well-formed update from an edit connection. */
export const acceptAllPolicy: RoomPolicy = { acceptUpdate: () => ({ ok: true }) }

/** Transaction origin of changes the server makes itself. */
export const SERVER_ORIGIN = Symbol('collab-server')

export type Logger = Pick<Console, 'info' | 'warn' | 'error'>

export interface RoomOptions<P extends CollabPeer = CollabPeer> {
  storage: RoomStorage
  policy: RoomPolicy<P>
  /** schedule a compaction after this many appended updates */
  compactEvery: number
  /**
   * ... or once the updates stored since the snapshot add up to this many bytes, or to the
   * snapshot's size if that is larger: rewriting the snapshot then costs at most as much as the
   * log it folds, however big the room
   */
  compactLogBytes: number
  /** the turn's group commit, shared by all rooms */
  commits: CommitQueue
  /** builds big rooms' states off the main thread (loads and log-size compactions); none: all here */
  builder?: StateBuilder
  logger: Logger
  /** called once when the room can no longer be trusted (storage failed); drop it */
  onFailed(room: Room<P>): void
  /** called just before a compaction folds the stored log (the room's history keeps a moment then) */
  beforeCompaction?(room: Room<P>): void
}

export class Room<P extends CollabPeer = CollabPeer> implements CommitSource {
  readonly doc = new Y.Doc()
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  private readonly conns = new Set<Connection<P>>()
  /** awareness client id -> the connection that speaks for it now */
  private readonly owners = new Map<number, Connection<P>>()
  /** awareness client id -> the subject that claimed it first; outlives its connections */
  private readonly awarenessSubjects = new Map<number, string>()
  /** doc client id -> the subject that introduced it, and bytes stored per subject */
  private ownership = new RoomOwnership()
  /** the ownership change of the client update being applied, stored with what it emits */
  private incoming: UpdateOwner | null = null
  /** the policy's rows for the client update being applied, committed with what it emits */
  private incomingAlongside: (() => void) | undefined = undefined
  /** the client update being applied, and its connection: what is stored and relayed for it */
  private applying: { update: Uint8Array; from: Connection<P> } | null = null
  /** the room's stored size: snapshot plus the updates after it (the room-size budget) */
  private storedBytes = 0
  private lastAppendedId = 0
  private compactedId = 0
  private appendsSinceCompact = 0
  private compactTimer: NodeJS.Immediate | null = null
  /** the whole state as the worker encoded it at load, until the first change: a new client's step2 */
  private firstSync: Uint8Array | null = null
  private compacting = false
  /** applied, waiting for the turn's commit (commit-queue.ts) */
  private pending: PendingUpdate[] = []
  /** what waits for `pending` to be committed (sync answers and server writes while the database is locked) */
  private afterCommit: Array<(err?: unknown) => void> = []
  /** bytes stored since the snapshot: compaction is due when the log outgrows it */
  private logBytes = 0
  private snapshotBytes = 0
  failed = false
  destroyed = false

  /** Loads the room completely from storage; the room is usable only after this resolves. */
  static async load<P extends CollabPeer>(id: string, options: RoomOptions<P>): Promise<Room<P>> {
    const stored = await options.storage.load(id)
    const room = new Room<P>(id, options)
    const bytes = stored.updates.reduce((sum, u) => sum + u.byteLength, stored.snapshot?.byteLength ?? 0)
    const built = bytes >= OFFLOAD_BYTES ? await room.buildElsewhere(stored.snapshot, stored.updates) : null
    if (built) {
      // Applied a slice at a time, yielding between slices: other rooms go on meanwhile.
      await applyInSlices(room.doc, built.chunks ?? [built.state])
      room.firstSync = built.state
    } else {
      // One transaction: ~5x faster than Y.mergeUpdates for a long tail of small updates.
      room.doc.transact(() => {
        if (stored.snapshot) Y.applyUpdate(room.doc, stored.snapshot)
        for (const update of stored.updates) Y.applyUpdate(room.doc, update)
      })
    }
    room.lastAppendedId = stored.lastUpdateId
    room.compactedId = stored.snapshotUpdateId
    room.appendsSinceCompact = stored.updates.length
    room.ownership = new RoomOwnership(stored.clients)
    room.snapshotBytes = stored.snapshot?.byteLength ?? 0
    room.logBytes = stored.updates.reduce((sum, u) => sum + u.byteLength, 0)
    room.storedBytes = room.snapshotBytes + room.logBytes
    room.listen()
    if (room.compactionDue()) room.scheduleCompaction()
    return room
  }

  /** The state built by the worker, or null (no worker, or it failed: the caller builds here). */
  private async buildElsewhere(snapshot: Uint8Array | null, updates: Uint8Array[]): Promise<BuiltState | null> {
    const builder = this.options.builder
    if (!builder) return null
    try {
      return await builder.build({ snapshot, updates, chunkLength: LOAD_CHUNK_LENGTH })
    } catch (err) {
      this.options.logger.error(`[collab] room ${this.id}: building its state in the worker failed`, err)
      return null
    }
  }

  private constructor(
    readonly id: string,
    private readonly options: RoomOptions<P>,
  ) {
    this.awareness.setLocalState(null) // the server itself has no presence
  }

  get connectionCount(): number {
    return this.conns.size
  }

  private listen(): void {
    // Committed at the end of the turn with every other update of it (commit-queue.ts), then
    // relayed. A client's update is kept as it came: receiveUpdate checked that it integrates
    // completely, so its bytes hold what it changed (and, at most, content the room already had,
    // which applying again changes nothing). Yjs would encode the transaction once more for an
    // 'update' listener, a third pass over every update (issue 7, item 8); the room has none, so
    // it does not. The server's own changes are encoded by Yjs (transact, below).
    this.doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (this.failed || this.destroyed || transaction.origin === SERVER_ORIGIN) return
      if (!transactionChanged(transaction)) return
      const applying = this.applying
      const store = this.doc.store
      const whole =
        applying !== null &&
        applying.from === transaction.origin &&
        store.pendingStructs === null &&
        store.pendingDs === null
      // Anything else (never expected) is encoded from the document: what the transaction added
      // since its state before, with the whole delete set; larger, but exactly what it holds.
      const update = whole
        ? applying.update
        : Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(transaction.beforeState))
      this.persist(update, transaction.origin)
    })
    // Relayed to the sender too: the provider drops a connection that received nothing for
    // 30 s, and in a room of one the echo of its own 15 s awareness renewal is all it gets.
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange) => {
      const changed = [...added, ...updated, ...removed]
      const wire = wireOf(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)))
      for (const conn of this.conns) conn.sendWire(wire)
    })
  }

  /**
   * Queues an update for the turn's commit; nobody gets it before that. The room's own counts
   * (ownership, sizes) move now, so the next update of the same turn is checked against them; if
   * the commit fails the room fails as a whole (memory may be ahead of disk) and is reloaded.
   */
  private persist(update: Uint8Array, origin: unknown): void {
    // Taken while Yjs emits the update (synchronously inside receiveUpdate's applyUpdate).
    const owner = this.takeOwner(update)
    this.firstSync = null
    if (owner) this.ownership.stored(owner)
    this.storedBytes += update.byteLength
    this.logBytes += update.byteLength
    const alongside = this.incomingAlongside
    this.incomingAlongside = undefined
    this.pending.push({ update, origin, owner, alongside })
    this.options.commits.schedule(this)
  }

  /**
   * Commits whatever this turn has applied so far, in every room (see CommitQueue.flush). False if
   * this room still has uncommitted updates: the database is locked by another connection and the
   * commit is retried later (docs/collab-protocol.md, "Durability").
   */
  flush(): boolean {
    this.options.commits.flush()
    return this.pending.length === 0
  }

  /** True while updates applied here wait for their commit (never relayed before it). */
  get uncommitted(): boolean {
    return this.pending.length > 0
  }

  /** Settles once everything applied so far is committed; rejects if the room fails first. */
  whenStored(): Promise<void> {
    if (this.pending.length === 0)
      return this.failed ? Promise.reject(new Error(`room ${this.id} failed`)) : Promise.resolve()
    return new Promise((resolve, reject) => this.afterCommit.push((err) => (err ? reject(err) : resolve())))
  }

  takePending(): PendingUpdate[] {
    const pending = this.pending
    this.pending = []
    return pending
  }

  requeue(updates: PendingUpdate[]): void {
    this.pending = [...updates, ...this.pending]
  }

  private settleWaiting(err?: unknown): void {
    const waiting = this.afterCommit
    this.afterCommit = []
    for (const settle of waiting) settle(err)
  }

  /** Relays a committed batch: each connection gets its frames in one socket write. */
  committed(updates: PendingUpdate[], ids: number[]): void {
    if (ids.length === 0) return this.settleWaiting()
    this.lastAppendedId = ids[ids.length - 1]
    this.appendsSinceCompact += ids.length
    if (!this.destroyed && !this.failed) {
      // framed once, the same bytes for every recipient (wire.ts)
      const wires = updates.map((p) => updateWire(p.update))
      for (const conn of this.conns) {
        if (updates.length === 1) {
          if (updates[0].origin !== conn) conn.sendWire(wires[0])
        } else conn.sendAll(wires.filter((_, i) => updates[i].origin !== conn))
      }
    }
    // after the relay, so a deferred sync answer follows what it already contains
    this.settleWaiting()
    if (this.compactionDue()) this.scheduleCompaction()
  }

  commitFailed(err: unknown): void {
    this.pending = []
    this.settleWaiting(err)
    this.fail(err)
  }

  private fail(err: unknown): void {
    if (this.failed) return
    this.failed = true
    this.options.logger.error(`[collab] room ${this.id}: storing an update failed; dropping the room`, err)
    for (const conn of this.conns) conn.close(CloseCode.serverError, 'Opslaan mislukt; verbind opnieuw')
    this.options.onFailed(this)
    setImmediate(() => this.destroy())
  }

  /** Starts serving a connection: step1 + awareness, then whatever it sent while loading. */
  attach(conn: Connection<P>): void {
    this.flush()
    this.conns.add(conn)
    conn.send(encodeSyncStep1(this.doc))
    const states = this.awareness.getStates()
    if (states.size > 0) {
      conn.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])))
    }
    while (conn.queue.length > 0 && conn.open && !this.failed) this.handleMessage(conn, conn.queue.shift()!)
    conn.queue.length = 0
  }

  detach(conn: Connection<P>): void {
    if (!this.conns.delete(conn)) return
    const ids = [...conn.clientIds].filter((id) => this.owners.get(id) === conn)
    for (const id of ids) this.owners.delete(id)
    if (ids.length > 0 && !this.destroyed) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null)
  }

  closeAll(code: number, reason: string): void {
    for (const conn of this.conns) conn.close(code, reason)
  }

  /** Handles one frame. Never throws: client input cannot take the server down. */
  handleMessage(conn: Connection<P>, data: Uint8Array): void {
    if (this.failed || this.destroyed || !conn.open) return
    try {
      const message = decodeMessage(data)
      switch (message.type) {
        case 'sync-step1': {
          // The answer holds the document: nothing in it may be uncommitted. While the database
          // is locked by another connection, it waits for the commit.
          const { stateVector } = message
          if (this.flush()) conn.send(this.syncStep2(stateVector))
          else this.afterCommit.push((err) => err || !conn.open || conn.send(this.syncStep2(stateVector)))
          break
        }
        case 'sync-step2':
        case 'sync-update':
          this.receiveUpdate(conn, message.update)
          break
        case 'awareness':
          this.receiveAwareness(conn, message.update)
          break
        case 'query-awareness':
          conn.send(
            encodeAwareness(
              awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]),
            ),
          )
          break
        case 'auth':
          break
      }
    } catch (err) {
      if (err instanceof ProtocolError) {
        this.options.logger.warn(
          `[collab] room ${this.id}: malformed message from connection ${conn.id} (${conn.identity.subject}): ${err.message}`,
        )
        conn.close(CloseCode.malformed, 'Onleesbaar bericht')
      } else {
        this.options.logger.error(`[collab] room ${this.id}: error handling a message from connection ${conn.id}`, err)
        conn.close(CloseCode.serverError, 'Serverfout')
      }
    }
  }

  private receiveUpdate(conn: Connection<P>, update: Uint8Array): void {
    if (conn.identity.mode === 'read') {
      // Never applied. The provider always answers our step1 with a (usually empty) step2.
      if (!isEmptyUpdate(update) && !conn.deniedNotified) {
        conn.deniedNotified = true
        conn.send(encodePermissionDenied('Alleen-lezen: wijzigingen worden niet opgeslagen'))
      }
      return
    }
    if (isEmptyUpdate(update)) return
    const budget = conn.budget
    const overBytes = budget?.takeBytes(update.byteLength)
    if (overBytes) return this.refuse(conn, CloseCode.overBudget, overBytes.reason, overBytes.detail)
    const decoded = decodeUpdate(update)
    const subject = conn.identity.subject
    const check = checkUpdate(decoded, {
      store: this.doc.store,
      subject,
      ownerOf: (id) => this.ownership.ownerOf(id),
      reservedBy: (id) => this.awarenessSubjects.get(id),
    })
    if (!check.ok) {
      const reason = check.rule === 'ownership' ? refusalReason.ownership : refusalReason.dangling
      return this.refuse(conn, CloseCode.conflict, reason, check.detail)
    }
    if (budget) {
      const over =
        budget.takeStructs(check.structCount) ??
        checkTotals(
          budget.limits,
          { identityBytes: this.ownership.bytesOf(subject), roomBytes: this.storedBytes },
          update.byteLength,
        )
      if (over) return this.refuse(conn, CloseCode.overBudget, over.reason, over.detail)
    }
    const verdict = this.options.policy.acceptUpdate({ room: this, identity: conn.identity, update, decoded })
    if (!verdict.ok) return this.refuse(conn, CloseCode.rejected, verdict.reason, verdict.reason)

    this.incoming = this.ownership.ownerFor(subject, check.clients, check.introduced, update.byteLength)
    this.incomingAlongside = verdict.alongside
    this.applying = { update, from: conn }
    try {
      Y.applyUpdate(this.doc, update, conn)
    } catch (err) {
      throw new ProtocolError(`update could not be applied: ${(err as Error).message}`)
    } finally {
      this.incoming = null
      this.incomingAlongside = undefined
      this.applying = null
    }
    // The check lets through only what integrates completely, so nothing is ever held back
    // (and re-read on every later update). Should that ever fail, do not keep the poison.
    const store = this.doc.store
    if (store.pendingStructs !== null || store.pendingDs !== null) {
      this.options.logger.error(`[collab] room ${this.id}: update from ${subject} left pending content; dropped it`)
      store.pendingStructs = null
      store.pendingDs = null
      conn.close(CloseCode.conflict, refusalReason.dangling)
    }
  }

  /** The ownership change for the update Yjs is emitting now, with its stored size. */
  private takeOwner(update: Uint8Array): UpdateOwner | undefined {
    const owner = this.incoming
    if (!owner) return undefined // the server's own change (transact): its ids stay unowned
    this.incoming = null
    return { ...owner, bytes: update.byteLength }
  }

  /**
   * Whose a client id is: whoever introduced it in the document, else whoever claimed it in
   * awareness first. A browser's awareness id is its doc id, so a new id claimed in awareness is
   * reserved for the doc too: nobody can take a person's id between their first cursor and their
   * first edit (update-check.ts, `reservedBy`).
   */
  private clientOwner(clientId: number): string | undefined {
    return this.ownership.ownerOf(clientId) ?? this.awarenessSubjects.get(clientId)
  }

  /** Tells the sender why (y-protocols permission-denied), then closes it; nothing was applied. */
  private refuse(conn: Connection<P>, code: number, reason: string, detail: string): void {
    this.options.logger.warn(
      `[collab] room ${this.id}: update from ${conn.identity.subject} refused (${code}): ${detail}`,
    )
    conn.send(encodePermissionDenied(reason))
    conn.close(code, reason)
  }

  private receiveAwareness(conn: Connection<P>, update: Uint8Array): void {
    const budget = conn.budget
    // Echoes of others' states (stock providers re-send every change they receive) count here too.
    const overBytes = budget?.takeAwarenessBytes(update.byteLength)
    if (overBytes) return this.refuse(conn, CloseCode.overBudget, overBytes.reason, overBytes.detail)
    const entries = decodeAwarenessUpdate(update)
    const claimed = new Set<number>()
    const kept = filterAwareness(entries, conn, {
      ownerOf: (clientId) => {
        const owner = this.owners.get(clientId)
        return owner?.open ? owner : undefined
      },
      subjectOf: (clientId) => this.clientOwner(clientId),
      claim: (clientId) => {
        const previous = this.owners.get(clientId)
        // the same person's earlier, possibly half-open connection lets go of it
        if (previous && previous !== conn) previous.clientIds.delete(clientId)
        this.owners.set(clientId, conn)
        this.awarenessSubjects.set(clientId, conn.identity.subject)
        claimed.add(clientId)
      },
    })
    if (kept.length === 0) return
    if (budget) {
      const big = kept.find((entry) => (entry.bytes ?? 0) > budget.limits.awarenessStateBytes)
      const over = big
        ? { reason: budgetReason.awarenessTooBig, detail: `awareness state of ${big.bytes} bytes` }
        : budget.takeAwareness()
      if (over) return this.refuse(conn, CloseCode.overBudget, over.reason, over.detail)
    }
    for (const entry of kept) {
      // A state that comes back (after its removal, or from a new connection taking the id over)
      // may carry the clock the server already has, which every client would ignore; the server
      // orders it after what it had. A connection claims an id only once, so this cannot loop.
      const meta = this.awareness.meta.get(entry.clientId)
      const returning =
        entry.state !== null && (claimed.has(entry.clientId) || !this.awareness.states.has(entry.clientId))
      if (returning && meta && entry.clock <= meta.clock) entry.clock = meta.clock + 1
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(kept), conn)
  }

  /**
   * Lets the server change the document itself (facilitator actions, notes from a phone, ...).
   * The changes take the same path as a client's: committed, then relayed to every connection.
   * Throws if the room has failed or the change could not be stored.
   */
  transact<T>(fn: (doc: Y.Doc) => T): T {
    if (this.failed || this.destroyed) throw new Error(`room ${this.id} is not available`)
    let result!: T
    // Encoded by Yjs from the transaction, for as long as it runs (listen(): clients' updates
    // are kept as they came, and need no encoding).
    const onUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin === SERVER_ORIGIN && !this.failed && !this.destroyed) this.persist(update, origin)
    }
    this.doc.on('update', onUpdate)
    try {
      this.doc.transact(() => {
        result = fn(this.doc)
      }, SERVER_ORIGIN)
    } finally {
      this.doc.off('update', onUpdate)
    }
    // Stored when this returns, as callers rely on, unless the database is locked by another
    // connection: then it is stored (and relayed) at the queue's next attempt; see whenStored().
    this.flush()
    if (this.failed) throw new Error(`room ${this.id}: storing the server's change failed`)
    return result
  }

  /** A client that has nothing gets the worker's encoding, if the room has not changed since. */
  private syncStep2(stateVector: Uint8Array): Uint8Array {
    const empty = stateVector.length === 1 && stateVector[0] === 0
    return empty && this.firstSync ? encodeSyncStep2Update(this.firstSync) : encodeSyncStep2(this.doc, stateVector)
  }

  private scheduleCompaction(): void {
    if (this.compactTimer || this.destroyed || this.compacting) return
    this.compactTimer = setImmediate(() => {
      this.compactTimer = null
      if (this.options.builder && this.snapshotBytes + this.logBytes >= OFFLOAD_BYTES) void this.compactInBackground()
      else this.compact()
    })
  }

  /**
   * The log-size compaction of a big room: the snapshot is built from the stored bytes in the
   * worker, so no update waits behind it (issue 7, item 8: 26–51 ms on a 10k-record canvas);
   * only reading the rows and storing the result happen here. Updates appended meanwhile stay
   * in the log for the next one.
   */
  private async compactInBackground(): Promise<void> {
    if (this.compacting) return
    this.compacting = true
    try {
      // while the database is locked the compaction waits for a later turn (committed() reschedules it)
      if (!this.flush() || this.failed || this.destroyed || this.lastAppendedId <= this.compactedId) return
      this.options.beforeCompaction?.(this)
      const appends = this.appendsSinceCompact
      const bytes = this.logBytes
      // Everything up to lastAppendedId is committed (flushed above), and the read is synchronous.
      const stored = await this.options.storage.load(this.id)
      const built = await this.options.builder!.build({ snapshot: stored.snapshot, updates: stored.updates })
      // A deleted room must not get a snapshot back; an evicted one compacted on its way out.
      if (this.failed || this.destroyed) return
      this.storeSnapshot(built.state, stored.lastUpdateId, appends, bytes)
    } catch (err) {
      // at shutdown the worker stops under a build; the room compacts on its way out instead
      if (!this.destroyed) this.options.logger.error(`[collab] room ${this.id}: compaction failed`, err)
    } finally {
      this.compacting = false
      if (!this.destroyed && this.compactionDue()) this.scheduleCompaction()
    }
  }

  private compactionDue(): boolean {
    if (this.appendsSinceCompact === 0) return false
    const { compactEvery, compactLogBytes } = this.options
    return this.appendsSinceCompact >= compactEvery || this.logBytes >= Math.max(compactLogBytes, this.snapshotBytes)
  }

  /**
   * Folds all stored updates into one snapshot, now, on this thread (eviction and shutdown; the
   * log-size trigger uses `compactInBackground`). Failure is logged, not fatal: the log stays.
   */
  compact(): void {
    if (this.compactTimer) clearImmediate(this.compactTimer)
    this.compactTimer = null
    if (!this.flush() || this.failed || this.destroyed || this.lastAppendedId <= this.compactedId) return
    this.options.beforeCompaction?.(this)
    this.storeSnapshot(Y.encodeStateAsUpdate(this.doc), this.lastAppendedId, this.appendsSinceCompact, this.logBytes)
  }

  /** Stores a snapshot covering updates up to `upTo` (which held `appends` updates of `bytes`). */
  private storeSnapshot(state: Uint8Array, upTo: number, appends: number, bytes: number): void {
    try {
      const result = this.options.storage.compact(this.id, state, upTo)
      if (upTo <= this.compactedId) return
      this.compactedId = upTo
      this.snapshotBytes = result.snapshotBytes
      // what was appended while a background build ran stays in the log
      this.appendsSinceCompact = Math.max(0, this.appendsSinceCompact - appends)
      this.logBytes = Math.max(0, this.logBytes - bytes)
      this.storedBytes = this.snapshotBytes + this.logBytes
    } catch (err) {
      this.options.logger.error(`[collab] room ${this.id}: compaction failed`, err)
    }
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    // Deleted rooms must not write anything afterwards; evicted ones were flushed by compact().
    this.options.commits.forget(this)
    this.pending = []
    this.settleWaiting(new Error(`room ${this.id} is gone`))
    if (this.compactTimer) clearImmediate(this.compactTimer)
    this.compactTimer = null
    this.awareness.destroy()
    this.doc.destroy()
  }
}

/** Rooms stored in at least this many bytes are loaded and compacted by the worker. */
const OFFLOAD_BYTES = 256 * 1024
/** Items (records, characters) per update when a worker-built state is applied here. */
const LOAD_CHUNK_LENGTH = 100
/** Applying a loaded room yields to other rooms after this long. */
const LOAD_SLICE_MS = 4

async function applyInSlices(doc: Y.Doc, chunks: Uint8Array[]): Promise<void> {
  let sliceStart = performance.now()
  for (const chunk of chunks) {
    Y.applyUpdate(doc, chunk)
    if (performance.now() - sliceStart >= LOAD_SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve))
      sliceStart = performance.now()
    }
  }
}

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}
