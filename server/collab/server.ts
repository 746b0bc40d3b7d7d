/**
 * The collaboration websocket endpoint `/collab/<roomId>`, attached to an existing HTTP server.
 * Order on upgrade: path (404) -> room capacity (503) -> credentials (401/403) -> handshake.
 * Nothing reaches the websocket layer before it passed all four.
 */
import { STATUS_CODES, type IncomingMessage, type Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import type * as Y from 'yjs'
import type { Db } from '../../db/client'
import { COLLAB_PATH_PREFIX, parseRoomPath, type Authenticate } from './auth'
import { ConnectionBudget, DEFAULT_BUDGETS, type CollabBudgets } from './budgets'
import { CommitQueue } from './commit-queue'
import { StateBuilder } from './state-builder'
import { Connection, DEFAULT_AWARENESS_FRAME_LIMIT, DEFAULT_RATE_LIMIT, type RateLimit } from './connection'
import { RoomHistory, type RetentionPolicy } from './history'
import type { CollabPeer } from './peer'
import { CloseCode } from './protocol'
import { sameOrigin } from '../same-origin'
import { RoomRegistry, RoomRemovedError } from './registry'
import { acceptAllPolicy, type Logger, type Room, type RoomPolicy } from './room'
import { SqliteRoomStorage, type HistoryMoment, type HistoryReason, type RoomStorage } from './storage'

export interface CollabServerOptions<P extends CollabPeer = CollabPeer> {
  db: Db
  authenticate: Authenticate<P>
  /**
   * What others see of a peer besides its presence id and mode (e.g. its name and role):
   * stamped into every awareness state it sends, over whatever its client claims.
   */
  presence(identity: P): Record<string, unknown>
  /** defaults to acceptAllPolicy */
  policy?: RoomPolicy<P>
  /** defaults to SqliteRoomStorage on `db`; tests may wrap it */
  storage?: RoomStorage
  /** how long an empty room stays in memory (default 10 s) */
  graceMs?: number
  /** compact after this many stored updates (default 10,000) */
  compactEvery?: number
  /**
   * ... or once the updates since the snapshot add up to this many bytes or to the snapshot's
   * size, whichever is larger (default 1 MiB)
   */
  compactLogBytes?: number
  /** largest frame in bytes; bigger closes with 1009 (default 8 MiB) */
  maxPayload?: number
  /** default 100; more are refused with 503 */
  maxConnectionsPerRoom?: number
  rateLimit?: RateLimit
  /** awareness frames per connection, counted apart from `rateLimit` (default 2,000/s, burst 4,000) */
  awarenessFrameLimit?: RateLimit
  /** what an update, a connection, a person and a room may cost (budgets.ts, DEFAULT_BUDGETS) */
  budgets?: Partial<CollabBudgets>
  /**
   * how long the turn's commit keeps retrying while another connection holds the database's write
   * lock (SQLITE_BUSY past the busy timeout) before its rooms fail (default 30 s)
   */
  busyRetryMs?: number
  /** ping interval; a socket that missed one pong is terminated (default 30 s) */
  heartbeatMs?: number
  logger?: Logger
  history?: {
    /** a room edited since its last moment gets one this long after that edit (default 5 min) */
    intervalMs?: number
    retention?: RetentionPolicy
    now?: () => Date
  }
}

export interface CollabServer<P extends CollabPeer = CollabPeer> {
  registry: RoomRegistry<P>
  /**
   * Deletes a room for good (docs/decisions/005-deleting-a-werksessie.md). In one transaction,
   * `alongside` (the app's own rows that let people into the room) and the room's stored
   * content; if that fails, nothing changed. Then, in the same tick, so no message can be
   * stored in between, the live room closes its connections with 4410 and leaves memory
   * without being saved, never to be loaded again.
   */
  deleteRoom(roomId: string, alongside?: () => void): void
  /** The moments kept of each room (docs/collab-protocol.md, "History"). */
  history: {
    /** newest first */
    list(roomId: string): HistoryMoment[]
    /** the room's whole state at that moment (Y.encodeStateAsUpdate), or undefined */
    get(roomId: string, id: number): Uint8Array | undefined
  }
  /**
   * Changes a room on the server's behalf, loading it if it is not in memory: the change is
   * committed, then relayed to every connection, like a client's. With `remember`, a moment of the
   * room as it was is kept first, in the same tick, so no client update falls in between.
   * Rejects if the room was removed or the change could not be stored.
   */
  transact<T>(roomId: string, fn: (doc: Y.Doc) => T, options?: { remember?: HistoryReason }): Promise<T>
  /**
   * Closes every connection whose peer matches, in every room (e.g. the app's logout: the
   * connections opened with that login). Returns how many were closed.
   */
  closeWhere(match: (peer: P, roomId: string) => boolean, code: number, reason: string): number
  /** The peers with an open connection to a room now (one per tab or device). */
  connectedPeers(roomId: string): P[]
  /** Stops accepting, closes all connections (1001), compacts and unloads every room. */
  close(): Promise<void>
}

/** How long after a room's first unkept change it gets a history moment. */
export const DEFAULT_HISTORY_INTERVAL_MS = 5 * 60 * 1000

/** Frames a connection may send while its room loads; beyond that it is misbehaving. */
const MAX_QUEUED_FRAMES = 1000

export function attachCollabServer<P extends CollabPeer>(
  httpServer: Server,
  options: CollabServerOptions<P>,
): CollabServer<P> {
  const logger = options.logger ?? console
  const maxConnectionsPerRoom = options.maxConnectionsPerRoom ?? 100
  const budgets: CollabBudgets = { ...DEFAULT_BUDGETS, ...options.budgets }
  const storage = options.storage ?? new SqliteRoomStorage(options.db)
  const history = new RoomHistory<P>(
    storage,
    { ...options.history, intervalMs: options.history?.intervalMs ?? DEFAULT_HISTORY_INTERVAL_MS },
    logger,
  )
  const builder = new StateBuilder()
  const registry = new RoomRegistry<P>({
    history,
    storage,
    policy: options.policy ?? acceptAllPolicy,
    compactEvery: options.compactEvery ?? 10_000,
    compactLogBytes: options.compactLogBytes ?? 1024 * 1024,
    commits: new CommitQueue(storage, { logger, busyRetryMs: options.busyRetryMs }),
    builder,
    graceMs: options.graceMs ?? 10_000,
    logger,
  })
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayload ?? 8 * 1024 * 1024,
    clientTracking: false,
  })
  const connections = new Set<Connection<P>>()
  /** admitted or handshaking connections per room, and per room and subject, for the capacity checks */
  const perRoom = new Map<string, number>()
  const perIdentity = new Map<string, number>()
  let closing = false

  const count = (roomId: string) => perRoom.get(roomId) ?? 0
  const identityKey = (roomId: string, subject: string) => `${roomId} ${subject}`
  const countIdentity = (roomId: string, subject: string) => perIdentity.get(identityKey(roomId, subject)) ?? 0
  const decrement = (counts: Map<string, number>, key: string) => {
    const n = (counts.get(key) ?? 0) - 1
    if (n > 0) counts.set(key, n)
    else counts.delete(key)
  }
  const release = (roomId: string, subject: string) => {
    decrement(perRoom, roomId)
    decrement(perIdentity, identityKey(roomId, subject))
  }

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    handleUpgrade(req, socket, head).catch((err: unknown) => {
      logger.error(`[collab] upgrade of ${req.url} failed`, err)
      refuse(socket, 500, 'Serverfout')
    })
  }

  async function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const roomId = parseRoomPath(url.pathname)
    if (roomId === null) {
      // Leave other upgrade paths (e.g. Vite HMR in development) to their own listeners.
      const ours = url.pathname === '/collab' || url.pathname.startsWith(COLLAB_PATH_PREFIX)
      if (!ours && httpServer.listenerCount('upgrade') > 1) return
      return refuse(socket, 404, 'Ruimte niet gevonden')
    }
    socket.on('error', () => {}) // a client that resets mid-handshake is not an error of ours
    if (closing) return refuse(socket, 503, 'Server wordt gestopt')
    // A page on another site must not open a room with the visitor's cookie.
    if (!sameOrigin(req.headers.origin, req.headers.host)) return refuse(socket, 403, 'Andere website')
    if (count(roomId) >= maxConnectionsPerRoom) return refuse(socket, 503, 'Ruimte is vol')
    const access = await options.authenticate(req, roomId, url.searchParams.get('token'))
    if (!access.ok) return refuse(socket, access.status, access.reason)
    if (socket.destroyed) return
    if (closing) return refuse(socket, 503, 'Server wordt gestopt')
    // A page on another site must not open a room with the visitor's cookie.
    if (!sameOrigin(req.headers.origin, req.headers.host)) return refuse(socket, 403, 'Andere website')
    if (count(roomId) >= maxConnectionsPerRoom) return refuse(socket, 503, 'Ruimte is vol')
    // Several tabs and a phone, and half-open ones until the heartbeat ends them; not hundreds.
    const subject = access.identity.subject
    if (countIdentity(roomId, subject) >= budgets.connectionsPerIdentity) {
      return refuse(socket, 429, 'Te veel verbindingen')
    }
    // `mode=read` may only narrow what the credential allows, never widen it.
    const identity: P = url.searchParams.get('mode') === 'read' ? { ...access.identity, mode: 'read' } : access.identity
    perRoom.set(roomId, count(roomId) + 1)
    perIdentity.set(identityKey(roomId, subject), countIdentity(roomId, subject) + 1)
    let upgraded = false
    socket.once('close', () => {
      if (!upgraded) release(roomId, subject)
    })
    wss.handleUpgrade(req, socket, head, (ws) => {
      upgraded = true
      onConnection(ws, roomId, identity)
    })
  }

  function onConnection(ws: WebSocket, roomId: string, identity: P) {
    const conn = new Connection(
      ws,
      roomId,
      identity,
      options.presence(identity),
      options.rateLimit ?? DEFAULT_RATE_LIMIT,
      options.awarenessFrameLimit ?? DEFAULT_AWARENESS_FRAME_LIMIT,
    )
    conn.budget = new ConnectionBudget(budgets)
    conn.maxBufferedBytes = budgets.sendBufferBytes
    let room: Room<P> | null = null
    connections.add(conn)
    ws.on('error', (err) => logger.warn(`[collab] room ${roomId}: connection ${conn.id}: ${err.message}`))
    ws.on('pong', () => {
      conn.isAlive = true
    })
    ws.on('message', (data: RawData) => {
      conn.isAlive = true
      if (conn.closed) return
      const bytes = toBytes(data)
      // The y-protocols message type is the frame's first byte; 1 is awareness.
      if (!(bytes[0] === 1 ? conn.awarenessBucket : conn.bucket).take()) {
        logger.warn(`[collab] room ${roomId}: connection ${conn.id} (${identity.subject}) exceeded the rate limit`)
        return conn.close(CloseCode.policy, 'Te veel berichten')
      }
      try {
        if (room) return room.handleMessage(conn, bytes)
        if (conn.queue.length >= MAX_QUEUED_FRAMES) return conn.close(CloseCode.policy, 'Te veel berichten')
        conn.queue.push(bytes)
      } catch (err) {
        // room.handleMessage catches its own; this is the last line of defence
        logger.error(`[collab] room ${roomId}: connection ${conn.id}: unexpected error`, err)
        conn.close(CloseCode.serverError, 'Serverfout')
      }
    })
    ws.on('close', () => {
      conn.closed = true
      connections.delete(conn)
      release(roomId, identity.subject)
      if (room) registry.leave(room, conn)
    })
    registry.join(roomId, conn).then(
      (joined) => {
        room = joined
      },
      (err: unknown) => {
        if (err instanceof RoomRemovedError) return conn.close(CloseCode.gone, 'Werksessie verwijderd')
        logger.error(`[collab] room ${roomId}: loading failed`, err)
        conn.close(CloseCode.serverError, 'Kan de ruimte niet laden')
      },
    )
  }

  httpServer.on('upgrade', onUpgrade)
  const heartbeat = setInterval(() => {
    for (const conn of connections) {
      if (!conn.isAlive) {
        conn.ws.terminate()
        continue
      }
      conn.isAlive = false
      try {
        conn.ws.ping()
      } catch {
        conn.ws.terminate()
      }
    }
  }, options.heartbeatMs ?? 30_000)
  heartbeat.unref()

  return {
    registry,
    deleteRoom(roomId, alongside) {
      storage.delete(roomId, alongside)
      registry.remove(roomId, CloseCode.gone, 'werksessie verwijderd')
    },
    history: {
      list: (roomId) => storage.listHistory(roomId),
      get: (roomId, id) => storage.getHistory(roomId, id),
    },
    async transact(roomId, fn, transactOptions) {
      let room = await registry.acquire(roomId)
      // A room that failed between loading and now is replaced by a fresh load.
      while (room.failed || room.destroyed) room = await registry.acquire(roomId)
      if (transactOptions?.remember) history.take(room, transactOptions.remember)
      const result = room.transact(fn)
      // stored at once, unless another connection holds the write lock: then at the queue's retry
      await room.whenStored()
      return result
    },
    closeWhere(match, code, reason) {
      let closed = 0
      for (const conn of connections) {
        if (conn.closed || !match(conn.identity, conn.roomId)) continue
        conn.close(code, reason)
        closed++
      }
      return closed
    },
    connectedPeers(roomId) {
      return [...connections].filter((c) => !c.closed && c.roomId === roomId).map((c) => c.identity)
    },
    async close() {
      if (closing) return
      closing = true
      httpServer.off('upgrade', onUpgrade)
      clearInterval(heartbeat)
      const closed = [...connections].map((c) => new Promise<void>((resolve) => c.ws.once('close', () => resolve())))
      for (const conn of connections) conn.close(CloseCode.goingAway, 'Server wordt gestopt')
      await registry.close(CloseCode.goingAway, 'Server wordt gestopt')
      await builder.close()
      // Give clients a moment to complete the closing handshake, then cut what is left.
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, 2000).unref())
      await Promise.race([Promise.all(closed), timeout])
      for (const conn of connections) conn.ws.terminate()
    },
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

/** Answers an upgrade with a plain HTTP status and closes the socket; no websocket is created. */
function refuse(socket: Duplex, status: number, message: string) {
  if (socket.destroyed) return
  const body = `${message}\n`
  socket.once('finish', () => socket.destroy())
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  )
}
