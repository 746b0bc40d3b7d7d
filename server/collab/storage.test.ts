import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, onTestFinished } from 'vitest'
import * as Y from 'yjs'
import { openDb } from '../../db/client'
import { SqliteRoomStorage } from './storage'
import { loadStoredDoc, newRoomId, roomUpdateCount, tempDbFile } from './test-support'

const here = path.dirname(fileURLToPath(import.meta.url))

function recordingDoc(storage: SqliteRoomStorage, roomId: string) {
  const doc = new Y.Doc()
  const ids: number[] = []
  doc.on('update', (u: Uint8Array) => ids.push(storage.append(roomId, u)))
  return { doc, ids }
}

describe('SqliteRoomStorage', () => {
  it('appends updates and loads them back in order', async () => {
    const db = openDb(tempDbFile())
    const storage = new SqliteRoomStorage(db)
    const roomId = newRoomId()
    const { doc, ids } = recordingDoc(storage, roomId)
    doc.getArray<number>('a').push([1, 2])
    doc.getArray<number>('a').delete(0, 1)
    doc.getText('t').insert(0, 'hallo')
    expect(ids).toHaveLength(3)
    expect([...ids].sort((a, b) => a - b)).toEqual(ids)

    const stored = await storage.load(roomId)
    expect(stored.snapshot).toBeNull()
    expect(stored.updates).toHaveLength(3)
    expect(stored.lastUpdateId).toBe(ids[2])
    const loaded = await loadStoredDoc(db, roomId)
    expect(loaded.getArray('a').toJSON()).toEqual([2])
    expect(loaded.getText('t').toString()).toBe('hallo')
    // other rooms are untouched
    expect((await storage.load(newRoomId())).updates).toHaveLength(0)
  })

  it('compacts into a snapshot, drops the folded rows and keeps the content, then loads snapshot + tail', async () => {
    const db = openDb(tempDbFile())
    const storage = new SqliteRoomStorage(db)
    const roomId = newRoomId()
    const { doc, ids } = recordingDoc(storage, roomId)
    for (let i = 0; i < 50; i++) doc.getMap('m').set(`k${i}`, i)
    expect(roomUpdateCount(db, roomId)).toBe(50)

    const result = storage.compact(roomId, Y.encodeStateAsUpdate(doc), ids[ids.length - 1])
    expect(result.folded).toBe(50)
    expect(roomUpdateCount(db, roomId)).toBe(0)

    doc.getMap('m').set('tail', true)
    expect(roomUpdateCount(db, roomId)).toBe(1)
    const stored = await storage.load(roomId)
    expect(stored.snapshot).not.toBeNull()
    expect(stored.updates).toHaveLength(1)
    expect(stored.snapshotUpdateId).toBe(ids[49])
    expect(stored.lastUpdateId).toBe(ids[50])
    expect((await loadStoredDoc(db, roomId)).getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON())

    // A stale compaction (older upToId) never moves the snapshot backwards.
    expect(storage.compact(roomId, new Uint8Array([0, 0]), ids[10]).folded).toBe(0)
    expect((await loadStoredDoc(db, roomId)).getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON())
    // Compacting past what is stored is a caller bug, refused without changing anything.
    expect(() => storage.compact(roomId, Y.encodeStateAsUpdate(doc), ids[50] + 1000)).toThrow()
    expect(roomUpdateCount(db, roomId)).toBe(1)
  })

  it("deletes everything stored for a room together with the owner's rows, or nothing at all", async () => {
    const db = openDb(tempDbFile())
    const storage = new SqliteRoomStorage(db)
    const [roomId, otherId] = [newRoomId(), newRoomId()]
    const { doc, ids } = recordingDoc(storage, roomId)
    for (let i = 0; i < 5; i++) doc.getMap('m').set(`k${i}`, i)
    storage.compact(roomId, Y.encodeStateAsUpdate(doc), ids[2])
    recordingDoc(storage, otherId).doc.getMap('m').set('x', 1)
    const snapshots = () =>
      (db.$client.prepare('select count(*) n from room_snapshots where room_id = ?').get(roomId) as { n: number }).n
    expect([roomUpdateCount(db, roomId), snapshots()]).toEqual([2, 1])

    // The owner's part fails after writing: its write is undone and the room's rows stay.
    const failing = () => {
      db.$client.prepare('delete from room_updates where room_id = ?').run(otherId)
      throw new Error('owner failed')
    }
    expect(() => storage.delete(roomId, failing)).toThrow('owner failed')
    expect([roomUpdateCount(db, roomId), snapshots(), roomUpdateCount(db, otherId)]).toEqual([2, 1, 1])

    storage.delete(roomId, () => db.$client.prepare('delete from room_updates where room_id = ?').run(otherId))
    expect([roomUpdateCount(db, roomId), snapshots(), roomUpdateCount(db, otherId)]).toEqual([0, 0, 0])
    expect(await storage.load(roomId)).toEqual({
      snapshot: null,
      updates: [],
      snapshotUpdateId: 0,
      lastUpdateId: 0,
      clients: [],
    })
  })

  it('keeps every update it reported as committed when the process is SIGKILLed mid-way', async () => {
    const file = tempDbFile('kill')
    openDb(file).$client.close() // create + migrate up front
    const roomId = newRoomId('kill')
    // `node --import tsx` rather than the tsx CLI, which would run the script in a grandchild
    // that the SIGKILL does not reach.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(here, 'fixtures/append-child.ts'), file, roomId],
      {
        cwd: path.resolve(here, '../..'),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    // It writes forever: it must not outlive a test that failed or timed out before the kill.
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    const reported: number[] = []
    let buffer = ''
    await new Promise<void>((resolve, reject) => {
      child.on('exit', () => resolve())
      child.on('error', reject)
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString()
        const lines = buffer.split('\n')
        buffer = lines.pop() ?? ''
        for (const line of lines) {
          const m = /^committed (\d+)$/.exec(line)
          if (m) reported.push(Number(m[1]))
        }
        // Kill somewhere after a few compactions, while it is still writing.
        if (reported.length >= 400 && !child.killed) child.kill('SIGKILL')
      })
    })
    expect(child.signalCode, stderr).toBe('SIGKILL')
    expect(reported.length).toBeGreaterThanOrEqual(400)

    const db = openDb(file)
    const m = (await loadStoredDoc(db, roomId)).getMap('m')
    const missing = reported.filter((n) => !m.has(`k${n}`))
    expect(missing).toEqual([])
    db.$client.close()
    // starting a tsx child on a busy machine can take a good part of the default 20 s
  }, 60_000)
})
