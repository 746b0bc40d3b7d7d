import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openDb } from '../../db/client'
import { DEFAULT_RETENTION, momentsToPrune } from './history'
import { SqliteRoomStorage } from './storage'
import {
  connect,
  newRoomId,
  startServer,
  tempDbFile,
  token,
  waitFor,
  waitSynced,
  type TestServer,
} from './test-support'

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

describe('history retention', () => {
  const now = new Date('2026-12-10T12:00:00Z')
  const at = (msAgo: number, id: number) => ({ id, takenAt: new Date(now.getTime() - msAgo) })

  it('keeps every moment of the last 24 hours', () => {
    const moments = Array.from({ length: 288 }, (_, i) => at(i * 5 * 60 * 1000, i + 1))
    expect(momentsToPrune(moments, now)).toEqual([])
  })

  it('keeps the newest moment of each hour up to a week, then of each day', () => {
    // 10:00-10:50 UTC two days ago, every 10 minutes: one hour, six moments
    const hour = ['00', '10', '20', '30', '40', '50'].map((m, i) => ({
      id: 10 + i,
      takenAt: new Date(`2026-12-08T10:${m}:00Z`),
    }))
    // 9 days ago, at 01:00, 05:00 and 23:00 UTC: one day, three moments
    const day = ['01', '05', '23'].map((h, i) => ({ id: 20 + i, takenAt: new Date(`2026-12-01T${h}:00:00Z`) }))
    const recent = [at(HOUR, 1), at(23 * HOUR, 2)]
    const pruned = momentsToPrune([...day, ...recent, ...hour], now)
    expect(pruned.sort((a, b) => a - b)).toEqual([10, 11, 12, 13, 14, 20, 21])
  })

  it('thins what it kept as it ages, and applying it twice changes nothing', () => {
    const moments = Array.from({ length: 30 * 24 }, (_, i) => at(i * HOUR + 7 * 60 * 1000, i + 1))
    const kept = moments.filter((m) => !momentsToPrune(moments, now).includes(m.id))
    expect(momentsToPrune(kept, now)).toEqual([])
    const hourly = kept.filter((m) => now.getTime() - m.takenAt.getTime() < DEFAULT_RETENTION.hourlyMs)
    const daily = kept.filter((m) => now.getTime() - m.takenAt.getTime() >= DEFAULT_RETENTION.hourlyMs)
    expect(hourly).toHaveLength(7 * 24)
    expect(new Set(daily.map((m) => m.takenAt.toISOString().slice(0, 10))).size).toBe(daily.length)
    expect(daily.length).toBeGreaterThanOrEqual(22)
    // a week later the hourly ones of then are one per day
    const later = new Date(now.getTime() + 7 * DAY)
    const keptLater = kept.filter((m) => !momentsToPrune(kept, later).includes(m.id))
    expect(keptLater.length).toBeLessThan(kept.length)
    expect(new Set(keptLater.map((m) => m.takenAt.toISOString().slice(0, 10))).size).toBe(keptLater.length)
  })
})

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

async function server(options: Parameters<typeof startServer>[1] = {}) {
  const s = await startServer(tempDbFile('history'), options)
  cleanups.push(() => s.close())
  return s
}

function client(s: TestServer, roomId: string, subject = 'p:1') {
  const p = connect(s.url, roomId, token(roomId, subject))
  cleanups.push(() => p.destroy())
  return p
}

const stateOf = (bytes: Uint8Array | undefined) => {
  const doc = new Y.Doc()
  if (bytes) Y.applyUpdate(doc, bytes)
  return doc.getMap('m').toJSON()
}

describe('room history', () => {
  it('keeps a moment after the interval once a room was edited, and none while it is not', async () => {
    const s = await server({ history: { intervalMs: 50 } })
    const roomId = newRoomId()
    const alice = client(s, roomId)
    await waitSynced(alice)
    alice.doc.getMap('m').set('a', 1)
    await waitFor(() => s.collab.history.list(roomId).length === 1, 'first moment')
    const [first] = s.collab.history.list(roomId)
    expect(first.reason).toBe('interval')
    expect(stateOf(s.collab.history.get(roomId, first.id))).toEqual({ a: 1 })

    alice.doc.getMap('m').set('b', 2)
    await waitFor(() => s.collab.history.list(roomId).length === 2, 'second moment')
    const moments = s.collab.history.list(roomId)
    expect(moments[0].takenAt.getTime()).toBeGreaterThanOrEqual(moments[1].takenAt.getTime())
    expect(stateOf(s.collab.history.get(roomId, moments[0].id))).toEqual({ a: 1, b: 2 })
    // another room's id does not open this room's moment
    expect(s.collab.history.get(newRoomId(), moments[0].id)).toBeUndefined()

    // an idle room gets nothing more: wait for a server write's moment in another room instead of a clock
    const other = newRoomId()
    await s.collab.transact(other, (doc) => doc.getMap('m').set('x', 1))
    await waitFor(() => s.collab.history.list(other).length === 1, 'moment in the other room')
    expect(s.collab.history.list(roomId)).toHaveLength(2)
  })

  it('keeps a moment before a compaction and when the room leaves memory', async () => {
    const s = await server({ compactEvery: 5, graceMs: 20, history: { intervalMs: 60 * 60 * 1000 } })
    const roomId = newRoomId()
    const alice = client(s, roomId)
    await waitSynced(alice)
    for (let i = 0; i < 5; i++) alice.doc.getMap('m').set(`k${i}`, i)
    await waitFor(() => s.collab.history.list(roomId).length === 1, 'compaction moment')
    expect(s.collab.history.list(roomId)[0].reason).toBe('compaction')

    // the next compaction is too soon after (a fifth of the interval), so it keeps nothing ...
    for (let i = 5; i < 10; i++) alice.doc.getMap('m').set(`k${i}`, i)
    await waitFor(() => alice.synced && s.collab.registry.get(roomId)?.doc.getMap('m').size === 10, 'edits arrive')
    // ... but the room leaving memory keeps what changed since
    alice.destroy()
    await waitFor(() => s.collab.registry.get(roomId) === undefined, 'room evicted')
    const moments = s.collab.history.list(roomId)
    expect(moments.map((m) => m.reason)).toEqual(['interval', 'compaction'])
    expect(Object.keys(stateOf(s.collab.history.get(roomId, moments[0].id)))).toHaveLength(10)
  })

  it('transact with remember keeps the room as it was, then changes it for every client', async () => {
    const s = await server({ history: { intervalMs: 60 * 60 * 1000 } })
    const roomId = newRoomId()
    const alice = client(s, roomId)
    await waitSynced(alice)
    alice.doc.getMap('m').set('a', 1)
    await waitFor(() => s.collab.registry.get(roomId)?.doc.getMap('m').get('a') === 1, 'edit arrives')
    await s.collab.transact(roomId, (doc) => doc.getMap('m').set('a', 2), { remember: 'restore' })
    const [moment] = s.collab.history.list(roomId)
    expect(moment.reason).toBe('restore')
    expect(stateOf(s.collab.history.get(roomId, moment.id))).toEqual({ a: 1 })
    await waitFor(() => alice.doc.getMap('m').get('a') === 2, 'server change reaches the client')
  })

  it('goes with the room when it is deleted, and a deleted room keeps no further moments', async () => {
    const file = tempDbFile('history-delete')
    const db = openDb(file)
    cleanups.push(() => db.$client.close())
    const s = await server({ db, history: { intervalMs: 30 } })
    const roomId = newRoomId()
    const kept = newRoomId()
    await s.collab.transact(kept, (doc) => doc.getMap('m').set('x', 1), { remember: 'restore' })
    // the server's own change makes that room due a moment too
    await waitFor(() => s.collab.history.list(kept).length === 2, 'moment after the server write')
    const alice = client(s, roomId)
    await waitSynced(alice)
    alice.doc.getMap('m').set('a', 1)
    await waitFor(() => s.collab.history.list(roomId).length > 0, 'a moment')
    // an edit whose interval has not run out yet when the room is deleted
    alice.doc.getMap('m').set('b', 1)
    await waitFor(() => s.collab.registry.get(roomId)?.doc.getMap('m').has('b') === true, 'edit arrives')
    s.collab.deleteRoom(roomId)
    expect(s.collab.history.list(roomId)).toEqual([])
    // its pending timer does not bring a moment back: wait for one in a room edited after it
    await s.collab.transact(kept, (doc) => doc.getMap('m').set('x', 2))
    await waitFor(() => s.collab.history.list(kept).length === 3, 'later moment of the other room')
    expect(new SqliteRoomStorage(db).listHistory(roomId)).toEqual([])
    await expect(s.collab.transact(roomId, () => {})).rejects.toThrow(/removed/)
  })
})
