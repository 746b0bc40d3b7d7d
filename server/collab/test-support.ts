/**
 * Helpers for the collab tests and the benchmark: a real HTTP server on port 0 with the collab
 * server on a temp SQLite file, signed tokens, real y-websocket providers. The identities and
 * the token format are the tests' own: the core knows neither the app's.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { WebSocket } from 'ws'
import { openDb, type Db } from '../../db/client'
import { createAuthenticator, type TokenCheck } from './auth'
import type { AccessResult, CollabPeer } from './peer'
import { attachCollabServer, type CollabServer, type CollabServerOptions } from './server'
import { SqliteRoomStorage } from './storage'

const TEST_SECRET = 'test-secret-test-secret-test-secret-0123'

export function tempDbFile(label = 'collab'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `wijkatelier-${label}-`))
  return path.join(dir, 'test.db')
}

/** An app's identity as the tests make it: a peer with a name and a role others see. */
export interface TestIdentity extends CollabPeer {
  role: 'facilitator' | 'ouder'
  name: string
}

/** Subjects: `u:<name>` is a facilitator, `p:<n>` is "Ouder <n>"; `p:outsider` is 403. */
export async function resolveTestSubject(
  subject: string,
  _roomId: string,
  mode: 'edit' | 'read',
): Promise<AccessResult<TestIdentity>> {
  if (subject === 'p:outsider') return { ok: false, status: 403, reason: 'Geen deelnemer' }
  const identity: TestIdentity = subject.startsWith('u:')
    ? { subject, role: 'facilitator', name: `Begeleider ${subject.slice(2)}`, mode, presenceId: `pid-${subject}` }
    : { subject, role: 'ouder', name: `Ouder ${subject.slice(2)}`, mode, presenceId: `pid-${subject}` }
  return { ok: true, identity }
}

export const testPresence = (identity: TestIdentity) => ({ name: identity.name, role: identity.role })

const mac = (body: string) => crypto.createHmac('sha256', TEST_SECRET).update(body).digest('base64url')

/** Tokens are `base64url(JSON claims with expiry).mac`; anything else is invalid. */
export function verifyTestToken(tok: string, now: number): TokenCheck {
  const [body, signature, extra] = tok.split('.')
  if (!body || signature !== mac(body) || extra !== undefined) return { ok: false, reason: 'invalid' }
  const { expires, ...claims } = JSON.parse(Buffer.from(body, 'base64url').toString())
  return expires <= now ? { ok: false, reason: 'expired' } : { ok: true, claims }
}

export const testAuthenticate = createAuthenticator({
  verifyToken: verifyTestToken,
  resolveSubject: resolveTestSubject,
  resolveCookies: async (cookie, roomId) => {
    const m = /(?:^|;\s*)test_subject=([^;]+)/.exec(cookie)
    return m ? resolveTestSubject(decodeURIComponent(m[1]), roomId, 'edit') : null
  },
})

export function token(
  roomId: string,
  subject = 'p:1',
  mode: 'edit' | 'read' = 'edit',
  now = Date.now(),
  ttlMs = 10 * 60 * 1000,
) {
  const body = Buffer.from(JSON.stringify({ roomId, subject, mode, expires: now + ttlMs })).toString('base64url')
  return `${body}.${mac(body)}`
}

export const silentLogger = { info: () => {}, warn: () => {}, error: () => {} }

export interface TestServer {
  db: Db
  file: string
  port: number
  /** serverUrl for WebsocketProvider */
  url: string
  collab: CollabServer<TestIdentity>
  http: http.Server
  close(): Promise<void>
}

export async function startServer(
  file: string,
  options: Partial<CollabServerOptions<TestIdentity>> & { db?: Db } = {},
): Promise<TestServer> {
  const db = options.db ?? openDb(file)
  const server = http.createServer((_req, res) => res.writeHead(404).end())
  const collab = attachCollabServer(server, {
    authenticate: testAuthenticate,
    presence: testPresence,
    logger: silentLogger,
    ...options,
    db,
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  let closed = false
  return {
    db,
    file,
    port,
    url: `ws://127.0.0.1:${port}/collab`,
    collab,
    http: server,
    async close() {
      if (closed) return
      closed = true
      await collab.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      if (!options.db) db.$client.close()
    },
  }
}

export function connect(
  url: string,
  roomId: string,
  tok: string | null,
  doc = new Y.Doc(),
  params: Record<string, string> = {},
): WebsocketProvider {
  return new WebsocketProvider(url, roomId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: tok ? { token: tok, ...params } : params,
    disableBc: true,
  })
}

export async function waitFor(condition: () => boolean, what = 'condition', timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

export function waitSynced(provider: WebsocketProvider): Promise<void> {
  return waitFor(() => provider.synced, `provider ${provider.roomname} synced`)
}

/** Opens a raw websocket and resolves with the HTTP status of a refused upgrade, or 101. */
export function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers })
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      res.resume()
      ws.terminate()
    })
    ws.on('open', () => {
      resolve(101)
      ws.close()
    })
    ws.on('error', (err) => reject(err))
  })
}

export function roomUpdateCount(db: Db, roomId: string): number {
  const row = db.$client.prepare('select count(*) as n from room_updates where room_id = ?').get(roomId) as {
    n: number
  }
  return row.n
}

/** The room's content as stored: snapshot + tail, applied to a fresh doc. */
export async function loadStoredDoc(db: Db, roomId: string): Promise<Y.Doc> {
  const stored = await new SqliteRoomStorage(db).load(roomId)
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const u of stored.updates) Y.applyUpdate(doc, u)
  return doc
}

let roomCounter = 0
export function newRoomId(prefix = 'room'): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${roomCounter++}`
}

/** A small seeded PRNG so failures can be replayed. */
export function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function randomEdit(doc: Y.Doc, rnd: () => number, tag: string) {
  const pick = rnd()
  const arr = doc.getArray<string>('shapes')
  const text = doc.getText('notes')
  const map = doc.getMap<unknown>('records')
  if (pick < 0.3) map.set(`r${Math.floor(rnd() * 20)}`, { by: tag, x: Math.floor(rnd() * 1000) })
  else if (pick < 0.4 && map.size > 0) map.delete([...map.keys()][Math.floor(rnd() * map.size)])
  else if (pick < 0.65) arr.insert(Math.floor(rnd() * (arr.length + 1)), [`${tag}-${Math.floor(rnd() * 1e6)}`])
  else if (pick < 0.75 && arr.length > 0) arr.delete(Math.floor(rnd() * arr.length), 1)
  else if (pick < 0.95) text.insert(Math.floor(rnd() * (text.length + 1)), tag)
  else if (text.length > 0) text.delete(Math.floor(rnd() * text.length), 1)
}

export const content = (doc: Y.Doc) => ({
  shapes: doc.getArray('shapes').toJSON(),
  notes: doc.getText('notes').toString(),
  // sorted: a Y.Map's key order depends on the order updates arrived in
  records: Object.fromEntries(Object.entries(doc.getMap('records').toJSON()).sort(([a], [b]) => a.localeCompare(b))),
})

export const sameState = (docs: Y.Doc[]) => {
  const first = JSON.stringify(content(docs[0]))
  const sv = Buffer.from(Y.encodeStateVector(docs[0])).toString('base64')
  return docs.every(
    (d) => JSON.stringify(content(d)) === first && Buffer.from(Y.encodeStateVector(d)).toString('base64') === sv,
  )
}
