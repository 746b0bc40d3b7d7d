import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openDb, type Db } from '../../db/client'
import { encodeUpdate } from './protocol'
import { rawClient } from './raw-client'
import { SqliteRoomStorage, type RoomStorage, type StoredRoom } from './storage'
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

/** Real SQLite storage whose loads wait for a gate and whose appends can be made to fail. */
class TestStorage implements RoomStorage {
  private readonly inner: SqliteRoomStorage
  loads = 0
  failAppends = false
  private gate: Promise<void> = Promise.resolve()
  private open: () => void = () => {}

  constructor(db: Db) {
    this.inner = new SqliteRoomStorage(db)
  }
  closeGate() {
    this.gate = new Promise((resolve) => (this.open = resolve))
  }
  openGate() {
    this.open()
  }
  async load(roomId: string): Promise<StoredRoom> {
    this.loads++
    await this.gate
    return this.inner.load(roomId)
  }
  append(...[roomId, update, owner]: Parameters<RoomStorage['append']>): number {
    if (this.failAppends) throw new Error('disk full (test)')
    return this.inner.append(roomId, update, owner)
  }
  appendAll(entries: Parameters<RoomStorage['appendAll']>[0]): number[] {
    if (this.failAppends) throw new Error('disk full (test)')
    return this.inner.appendAll(entries)
  }
  compact(roomId: string, state: Uint8Array, upToId: number) {
    return this.inner.compact(roomId, state, upToId)
  }
  delete(roomId: string, alongside?: () => void) {
    this.inner.delete(roomId, alongside)
  }
  addHistory(...args: Parameters<RoomStorage['addHistory']>) {
    return this.inner.addHistory(...args)
  }
  listHistory(roomId: string) {
    return this.inner.listHistory(roomId)
  }
  getHistory(roomId: string, id: number) {
    return this.inner.getHistory(roomId, id)
  }
  pruneHistory(roomId: string, ids: number[]) {
    return this.inner.pruneHistory(roomId, ids)
  }
}

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

async function setup(options: Parameters<typeof startServer>[1] = {}) {
  const file = tempDbFile('room')
  const db = openDb(file)
  const storage = new TestStorage(db)
  const server = await startServer(file, { db, storage, ...options })
  cleanups.push(
    () => db.$client.close(),
    () => server.close(),
  )
  return { db, storage, server }
}

function client(server: TestServer, roomId: string, subject = 'p:1') {
  const provider = connect(server.url, roomId, token(roomId, subject))
  cleanups.push(() => provider.destroy())
  return provider
}

function seed(db: Db, roomId: string, entries: Record<string, unknown>) {
  const storage = new SqliteRoomStorage(db)
  const doc = new Y.Doc()
  doc.on('update', (u: Uint8Array) => storage.append(roomId, u))
  for (const [k, v] of Object.entries(entries)) doc.getMap('m').set(k, v)
}

describe('room lifecycle', () => {
  it('loads the room completely before the first sync, shares one load, and keeps messages sent during the load', async () => {
    const { db, storage, server } = await setup()
    const roomId = newRoomId()
    seed(db, roomId, { seeded1: 'a', seeded2: 'b' })
    storage.closeGate()

    const a = client(server, roomId, 'p:1')
    const b = client(server, roomId, 'p:2')
    const c = client(server, roomId, 'p:3')
    const seenAtFirstSync: Record<string, unknown>[] = []
    for (const p of [a, b, c])
      p.on('sync', (synced: boolean) => synced && seenAtFirstSync.push(p.doc.getMap('m').toJSON()))
    await waitFor(() => a.wsconnected && b.wsconnected && c.wsconnected, 'websockets open')
    // Sent while the server is still loading: must be queued, not lost.
    a.doc.getMap('m').set('duringLoad', 'x')
    expect(a.synced || b.synced || c.synced).toBe(false)

    storage.openGate()
    await Promise.all([a, b, c].map(waitSynced))
    expect(storage.loads).toBe(1)
    expect(seenAtFirstSync).toHaveLength(3)
    for (const seen of seenAtFirstSync) expect(seen).toMatchObject({ seeded1: 'a', seeded2: 'b' })
    await waitFor(
      () => b.doc.getMap('m').get('duringLoad') === 'x' && c.doc.getMap('m').get('duringLoad') === 'x',
      'edit made during load relayed',
    )
    expect((await loadStoredDoc(db, roomId)).getMap('m').toJSON()).toEqual({
      seeded1: 'a',
      seeded2: 'b',
      duringLoad: 'x',
    })
  })

  it('evicts the room a grace period after the last client left, compacting it first', async () => {
    const { db, server } = await setup({ graceMs: 50 })
    const roomId = newRoomId()
    const a = client(server, roomId)
    await waitSynced(a)
    for (let i = 0; i < 5; i++) a.doc.getMap('m').set(`k${i}`, i)
    await waitFor(() => roomUpdateCount(db, roomId) === 5, 'updates stored')
    expect(server.collab.registry.get(roomId)).toBeDefined()

    a.destroy()
    await waitFor(() => server.collab.registry.get(roomId) === undefined, 'room evicted')
    expect(roomUpdateCount(db, roomId)).toBe(0)
    const snapshot = db.$client.prepare('select last_update_id from room_snapshots where room_id = ?').get(roomId)
    expect(snapshot).toBeDefined()
    expect((await loadStoredDoc(db, roomId)).getMap('m').toJSON()).toEqual({ k0: 0, k1: 1, k2: 2, k3: 3, k4: 4 })

    // and it comes back from the database
    const b = client(server, roomId)
    await waitSynced(b)
    expect(b.doc.getMap('m').get('k4')).toBe(4)
  })

  it('removes a deleted room at once: clients closed with 4410, never loaded or written again', async () => {
    const { db, server } = await setup({ graceMs: 60_000, compactEvery: 1_000 })
    const roomId = newRoomId()
    const a = client(server, roomId)
    await waitSynced(a)
    const closeCodes: number[] = []
    a.on('connection-close', (event: CloseEvent | null) => closeCodes.push(event?.code ?? 0))
    a.doc.getMap('m').set('k', 1)
    await waitFor(() => roomUpdateCount(db, roomId) === 1, 'update stored')

    // What the delete route does: stored rows first, then the live room, in one tick.
    db.$client.prepare('delete from room_updates where room_id = ?').run(roomId)
    server.collab.registry.remove(roomId, 4410, 'werksessie verwijderd')
    expect(server.collab.registry.get(roomId)).toBeUndefined()
    await waitFor(() => closeCodes[0] === 4410, 'client told the room is gone')

    // This stock provider reconnects (as a client that passed authentication just before the
    // delete would) and offers its copy: it is turned away without the room coming back.
    await waitFor(() => closeCodes.length >= 2, 'a reconnect attempt', 20_000)
    expect(closeCodes[1]).toBe(4410)
    a.disconnect()
    expect(server.collab.registry.get(roomId)).toBeUndefined()
    expect(roomUpdateCount(db, roomId)).toBe(0)
    expect(db.$client.prepare('select count(*) n from room_snapshots where room_id = ?').get(roomId)).toEqual({ n: 0 })
  })

  it("deletes a room in one call: stored rows with the owner's in one transaction, then the live room", async () => {
    const { db, server } = await setup({ graceMs: 60_000, compactEvery: 1_000 })
    const roomId = newRoomId()
    const a = client(server, roomId)
    await waitSynced(a)
    const closeCodes: number[] = []
    a.on('connection-close', (event: CloseEvent | null) => closeCodes.push(event?.code ?? 0))
    a.doc.getMap('m').set('k', 1)
    await waitFor(() => roomUpdateCount(db, roomId) === 1, 'update stored')

    // If the owner's rows cannot be deleted, nothing is: the room stays stored and live.
    const failing = () => {
      throw new Error('owner failed')
    }
    expect(() => server.collab.deleteRoom(roomId, failing)).toThrow('owner failed')
    expect(roomUpdateCount(db, roomId)).toBe(1)
    expect(server.collab.registry.get(roomId)).toBeDefined()

    let ownerRowsDeleted = false
    server.collab.deleteRoom(roomId, () => {
      ownerRowsDeleted = true
    })
    // all of it before deleteRoom returned, so no message of the room's clients fell in between
    expect(ownerRowsDeleted).toBe(true)
    expect(roomUpdateCount(db, roomId)).toBe(0)
    expect(server.collab.registry.get(roomId)).toBeUndefined()
    await waitFor(() => closeCodes[0] === 4410, 'client told the room is gone')
    a.disconnect()
    expect(roomUpdateCount(db, roomId)).toBe(0)
  })

  it('keeps the room in memory when a client reconnects within the grace period', async () => {
    const { server } = await setup({ graceMs: 60_000 })
    const roomId = newRoomId()
    const a = client(server, roomId)
    await waitSynced(a)
    const room = server.collab.registry.get(roomId)!
    a.disconnect()
    await waitFor(() => room.connectionCount === 0, 'connection gone')
    expect(server.collab.registry.get(roomId)).toBe(room)
    a.connect()
    await waitSynced(a)
    await waitFor(() => room.connectionCount === 1, 'reconnected')
    expect(server.collab.registry.get(roomId)).toBe(room)
    expect(room.destroyed).toBe(false)
  })

  it('compacts in the background after N stored updates', async () => {
    const { db, server } = await setup({ compactEvery: 10 })
    const roomId = newRoomId()
    const a = client(server, roomId)
    await waitSynced(a)
    for (let i = 0; i < 25; i++) a.doc.getMap('m').set(`k${i}`, i)
    await waitFor(() => server.collab.registry.get(roomId)!.doc.getMap('m').size === 25, 'server has all')
    const snapshots = () =>
      db.$client.prepare('select count(*) as n from room_snapshots where room_id = ?').get(roomId) as { n: number }
    await waitFor(() => snapshots().n === 1 && roomUpdateCount(db, roomId) < 10, 'compacted')
    expect((await loadStoredDoc(db, roomId)).getMap('m').toJSON()).toEqual(a.doc.getMap('m').toJSON())
  })

  it('never relays an update it could not store: closes the room with 1011 and reloads it from disk', async () => {
    const { db, storage, server } = await setup()
    const roomId = newRoomId()
    const a = client(server, roomId, 'p:1')
    const b = client(server, roomId, 'p:2')
    await Promise.all([waitSynced(a), waitSynced(b)])
    a.doc.getMap('m').set('stored', 1)
    await waitFor(() => b.doc.getMap('m').get('stored') === 1, 'first edit relayed')
    const failedRoom = server.collab.registry.get(roomId)!

    const closes: { code: number; bHadIt: boolean }[] = []
    b.on('connection-close', (event) => closes.push({ code: event?.code ?? 0, bHadIt: b.doc.getMap('m').has('lost') }))
    storage.failAppends = true
    a.doc.getMap('m').set('lost', 1)
    await waitFor(() => closes.length > 0, 'b closed')
    expect(closes[0]).toEqual({ code: 1011, bHadIt: false })
    expect(server.collab.registry.get(roomId)).not.toBe(failedRoom)
    expect((await loadStoredDoc(db, roomId)).getMap('m').has('lost')).toBe(false)

    // Once storage works again, a's unsaved edit is re-sent on reconnect and stored normally.
    storage.failAppends = false
    await waitFor(() => b.doc.getMap('m').get('lost') === 1, 'edit arrives after recovery')
    expect((await loadStoredDoc(db, roomId)).getMap('m').toJSON()).toEqual({ stored: 1, lost: 1 })
  })

  it('lets the server write into a room through the same persist-then-broadcast path', async () => {
    const { db, server } = await setup()
    const roomId = newRoomId()
    const a = client(server, roomId)
    await waitSynced(a)
    const room = server.collab.registry.get(roomId)!
    const result = room.transact((doc) => {
      doc.getMap('m').set('fromServer', 'notitie van telefoon')
      return 42
    })
    expect(result).toBe(42)
    // stored synchronously, before transact returned
    expect((await loadStoredDoc(db, roomId)).getMap('m').get('fromServer')).toBe('notitie van telefoon')
    await waitFor(() => a.doc.getMap('m').get('fromServer') === 'notitie van telefoon', 'server write relayed')
  })
})

describe("a client's update is stored and relayed as it came", () => {
  const storedUpdates = (db: Db, roomId: string) =>
    (
      db.$client.prepare('select "update" as u from room_updates where room_id = ? order by id').all(roomId) as {
        u: Buffer
      }[]
    ).map((row) => new Uint8Array(row.u))

  it('keeps the bytes it was sent, stores nothing for content the room has, and relays what changed', async () => {
    const { db, server } = await setup({ graceMs: 60_000, compactEvery: 1_000 })
    const roomId = newRoomId()
    const watcher = client(server, roomId, 'p:2')
    await waitSynced(watcher)

    const doc = new Y.Doc()
    const sent: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => sent.push(u))
    doc.getMap('m').set('a', 1)
    doc.getMap('m').set('b', 2)
    const c = rawClient(`${server.url}/${roomId}?token=${token(roomId, 'p:1')}`)
    cleanups.push(() => c.ws.terminate())
    await c.opened
    c.send(encodeUpdate(sent[0]))
    await waitFor(() => roomUpdateCount(db, roomId) === 1, 'first update stored')
    expect(storedUpdates(db, roomId)).toEqual([sent[0]])

    // The first update again: nothing new, nothing stored. Then both together (one known, one
    // new): stored as sent, and applying it changes only what is new.
    c.send(encodeUpdate(sent[0]))
    const both = Y.mergeUpdates(sent)
    c.send(encodeUpdate(both))
    await waitFor(() => watcher.doc.getMap('m').get('b') === 2, 'new content relayed')
    expect(storedUpdates(db, roomId)).toEqual([sent[0], both])
    expect(watcher.doc.getMap('m').toJSON()).toEqual({ a: 1, b: 2 })
    expect((await loadStoredDoc(db, roomId)).getMap('m').toJSON()).toEqual({ a: 1, b: 2 })

    // The server's own change is encoded from its transaction, and stored like any other.
    server.collab.registry.get(roomId)!.transact((d) => d.getMap('m').set('c', 3))
    await waitFor(() => watcher.doc.getMap('m').get('c') === 3, "server's change relayed")
    expect(storedUpdates(db, roomId)).toHaveLength(3)
    expect((await loadStoredDoc(db, roomId)).getMap('m').toJSON()).toEqual({ a: 1, b: 2, c: 3 })
  })
})
