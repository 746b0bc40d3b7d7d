/**
 * The room server against another connection's write lock (issue 7, item 4): a CBS import's final
 * move, a backup or a sqlite3 shell may hold the database's write lock for longer than the room's
 * busy timeout. The room must neither fail nor relay anything before it is committed.
 */
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openDb } from '../../db/client'
import {
  connect,
  loadStoredDoc,
  newRoomId,
  roomUpdateCount,
  startServer,
  tempDbFile,
  token,
  waitFor,
  waitSynced,
  type TestServer,
} from './test-support'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

/** A server whose connection gives up on a lock after 20 ms, with its warnings and errors kept. */
async function lockableServer(options: Parameters<typeof startServer>[1] = {}) {
  const file = tempDbFile('locked')
  const db = openDb(file, { busyTimeoutMs: 20 })
  const warnings: string[] = []
  const errors: string[] = []
  const logger = {
    info: () => {},
    warn: (message: string) => warnings.push(message),
    error: (message: string) => errors.push(message),
  }
  const s = await startServer(file, { ...options, db, logger })
  cleanups.push(async () => {
    await s.close()
    db.$client.close()
  })
  // Another process's connection to the same file, as the import worker or a shell would have.
  const other = new Database(file)
  cleanups.push(() => other.close())
  return { s, file, other, warnings, errors }
}

function client(s: TestServer, roomId: string, subject: string) {
  const p = connect(s.url, roomId, token(roomId, subject))
  const closes: number[] = []
  p.on('connection-close', (event: { code: number } | null) => closes.push(event?.code ?? 0))
  cleanups.push(() => p.destroy())
  return { p, closes, map: () => p.doc.getMap<number>('m') }
}

describe('a commit behind another connection’s write lock', () => {
  it('waits, relays nothing meanwhile, then commits and relays everything; the room does not fail', async () => {
    const { s, other, warnings, errors } = await lockableServer()
    const roomId = newRoomId('locked')
    const a = client(s, roomId, 'p:1')
    const b = client(s, roomId, 'p:2')
    await Promise.all([waitSynced(a.p), waitSynced(b.p)])
    a.map().set('before', 1)
    await waitFor(() => b.map().get('before') === 1, 'the update before the lock relayed')
    const storedBefore = roomUpdateCount(s.db, roomId)

    other.exec('BEGIN IMMEDIATE')
    other.prepare("insert into room_updates (room_id, \"update\") values ('someone-else', x'00')").run()
    a.map().set('during', 1)
    // The first attempt met the lock past the busy timeout and was put back for a retry.
    await waitFor(() => warnings.some((w) => /locked by another connection/.test(w)), 'a busy commit')
    // A server write and a newcomer's first sync wait for the same commit.
    let serverWriteDone = false
    const serverWrite = s.collab
      .transact(roomId, (doc) => doc.getMap('m').set('server', 1))
      .then(() => (serverWriteDone = true))
    const c = client(s, roomId, 'p:3')
    await new Promise((resolve) => setTimeout(resolve, 100)) // a few retries pass while it is held
    expect(b.map().has('during')).toBe(false)
    expect(b.map().has('server')).toBe(false)
    expect(c.map().has('during')).toBe(false)
    expect(serverWriteDone).toBe(false)
    expect(roomUpdateCount(s.db, roomId)).toBe(storedBefore)

    other.exec('COMMIT')
    await serverWrite
    for (const peer of [a, b, c]) {
      await waitFor(() => peer.map().get('during') === 1 && peer.map().get('server') === 1, 'relayed after the lock')
    }
    expect(warnings.some((w) => /commit stored after \d+ attempt/.test(w))).toBe(true)
    expect(errors).toEqual([])
    expect([...a.closes, ...b.closes, ...c.closes]).toEqual([])
    expect(s.collab.registry.get(roomId)?.failed).toBe(false)
    const stored = await loadStoredDoc(s.db, roomId)
    expect(stored.getMap('m').toJSON()).toEqual({ before: 1, during: 1, server: 1 })

    // and the room goes on as before
    b.map().set('after', 1)
    await waitFor(() => a.map().get('after') === 1, 'relay after the lock')
  })

  it('fails the room only past its retry bound, and the clients’ edits come back on reconnect', async () => {
    const { s, other, errors } = await lockableServer({ busyRetryMs: 0 })
    const roomId = newRoomId('locked')
    const a = client(s, roomId, 'p:1')
    const b = client(s, roomId, 'p:2')
    await Promise.all([waitSynced(a.p), waitSynced(b.p)])

    other.exec('BEGIN IMMEDIATE')
    a.map().set('during', 1)
    await waitFor(() => a.closes.includes(1011) && b.closes.includes(1011), 'the room failed')
    expect(errors.some((e) => /storing an update failed/.test(e))).toBe(true)
    expect(b.map().has('during')).toBe(false)
    other.exec('ROLLBACK')
    // y-websocket reconnects and syncs what it has: nothing the sender made is lost.
    await waitFor(() => b.map().get('during') === 1, 'the edit after reconnecting')
    const stored = await loadStoredDoc(s.db, roomId)
    expect(stored.getMap('m').get('during')).toBe(1)
  })
})
