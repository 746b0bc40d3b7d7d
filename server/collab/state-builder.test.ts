import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { StateBuilder } from './state-builder'
import {
  connect,
  loadStoredDoc,
  newRoomId,
  roomUpdateCount,
  sameState,
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

/** A room with several writers: records in a Y.Array (the canvas's layout), text, deletions. */
function busyDoc(records: number): Y.Doc {
  const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()]
  const sync = () => {
    for (const from of docs) for (const to of docs) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from))
  }
  docs[0].transact(() => {
    const arr = docs[0].getArray<{ key: string; val: unknown }>('tl_records')
    for (let i = 0; i < records; i++) arr.push([{ key: `shape:${i}`, val: { x: i, text: `Idee ${i}` } }])
  })
  sync()
  for (let i = 0; i < 300; i++) {
    const doc = docs[i % 3]
    doc.getText('t').insert(i % 5, `w${i}`)
    doc.getArray('tl_records').delete(i % 50, 1)
    if (i % 7 === 0) sync()
  }
  sync()
  return docs[0]
}

describe('StateBuilder (worker thread)', () => {
  it('builds the state from stored bytes, and its chunks rebuild it exactly, leaving nothing pending', async () => {
    const builder = new StateBuilder()
    cleanups.push(() => builder.close())
    const source = busyDoc(3000)
    const snapshot = Y.encodeStateAsUpdate(source)
    const later = new Y.Doc()
    Y.applyUpdate(later, snapshot)
    const tail: Uint8Array[] = []
    later.on('update', (u: Uint8Array) => tail.push(u))
    for (let i = 0; i < 20; i++) later.getMap('m').set(`k${i}`, i)

    const built = await builder.build({ snapshot, updates: tail, chunkLength: 100 })
    expect(Buffer.from(built.state).equals(Buffer.from(Y.encodeStateAsUpdate(later)))).toBe(true)
    expect(built.chunks!.length).toBeGreaterThan(10)
    const rebuilt = new Y.Doc()
    for (const chunk of built.chunks!) Y.applyUpdate(rebuilt, chunk)
    expect(rebuilt.store.pendingStructs).toBeNull()
    expect(rebuilt.store.pendingDs).toBeNull()
    expect(Buffer.from(Y.encodeStateAsUpdate(rebuilt)).equals(Buffer.from(built.state))).toBe(true)
  })

  it('rejects what it cannot read and goes on with the next job', async () => {
    const builder = new StateBuilder()
    cleanups.push(() => builder.close())
    await expect(builder.build({ snapshot: new Uint8Array([9, 9, 9]), updates: [] })).rejects.toThrow(/failed/)
    const built = await builder.build({ snapshot: null, updates: [Y.encodeStateAsUpdate(busyDoc(400))] })
    expect(built.state.byteLength).toBeGreaterThan(10)
  })
})

describe('big rooms in the worker', () => {
  async function server(file: string, options: Parameters<typeof startServer>[1] = {}): Promise<TestServer> {
    const s = await startServer(file, { graceMs: 60_000, ...options })
    cleanups.push(() => s.close())
    return s
  }

  it('loads a big room through the worker after a restart: a new client gets all of it, and edits go on', async () => {
    const file = tempDbFile('big')
    const roomId = newRoomId()
    const first = await server(file)
    const writer = connect(first.url, roomId, token(roomId, 'p:1'), busyDoc(2000))
    cleanups.push(() => writer.destroy())
    await waitSynced(writer)
    await waitFor(() => roomUpdateCount(first.db, roomId) > 0, 'stored')
    writer.destroy()
    await first.close()

    const second = await server(file)
    const a = connect(second.url, roomId, token(roomId, 'p:2'))
    const b = connect(second.url, roomId, token(roomId, 'p:3'))
    cleanups.push(
      () => a.destroy(),
      () => b.destroy(),
    )
    await Promise.all([waitSynced(a), waitSynced(b)])
    expect(a.doc.getArray('tl_records').length).toBe(writer.doc.getArray('tl_records').length)
    expect(sameState([a.doc, writer.doc])).toBe(true)
    a.doc.getMap('m').set('after', 1)
    await waitFor(() => b.doc.getMap('m').get('after') === 1, 'edit relayed after a worker load')
    expect(sameState([a.doc, b.doc])).toBe(true)
  })

  it("compacts a big room's log in the worker once it outgrows the snapshot; the stored room stays whole", async () => {
    const file = tempDbFile('big')
    const roomId = newRoomId()
    const s = await server(file, { compactLogBytes: 1 })
    const a = connect(s.url, roomId, token(roomId, 'p:1'), busyDoc(2000))
    cleanups.push(() => a.destroy())
    await waitSynced(a)
    // The first update (the whole room) is bigger than any snapshot so far: folded at once.
    await waitFor(() => roomUpdateCount(s.db, roomId) === 0, 'first compaction')
    const snapshotBytes = (
      s.db.$client.prepare('select length(state) n from room_snapshots where room_id = ?').get(roomId) as { n: number }
    ).n
    // Small edits stay in the log until they add up to the snapshot's size.
    for (let i = 0; i < 20; i++) a.doc.getMap('m').set(`k${i}`, 'x'.repeat(100))
    await waitFor(() => roomUpdateCount(s.db, roomId) === 20, 'edits stored')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(roomUpdateCount(s.db, roomId)).toBe(20)
    a.doc.getMap('m').set('big', 'y'.repeat(snapshotBytes))
    await waitFor(() => roomUpdateCount(s.db, roomId) === 0, 'second compaction')
    expect(sameState([await loadStoredDoc(s.db, roomId), a.doc])).toBe(true)
  })
})
