/**
 * The attacks of issue 7 with raw Yjs messages, and honest clients next to them: a poison delete
 * set, a forged GC struct over someone else's client id, and floods past every budget. Refused
 * updates are never applied, stored or relayed; the room and other rooms carry on.
 */
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CollabBudgets } from './budgets'
import { encodeAwarenessEntries } from './awareness'
import { encodeAwareness, encodeUpdate } from './protocol'
import { rawClient } from './raw-client'
import {
  connect,
  loadStoredDoc,
  newRoomId,
  roomUpdateCount,
  startServer,
  tempDbFile,
  token,
  upgradeStatus,
  waitFor,
  waitSynced,
  type TestServer,
} from './test-support'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

async function server(budgets: Partial<CollabBudgets> = {}) {
  const s = await startServer(tempDbFile('hardening'), { budgets, graceMs: 60_000 })
  cleanups.push(() => s.close())
  return s
}

function client(s: TestServer, roomId: string, subject: string, doc = new Y.Doc()) {
  const p = connect(s.url, roomId, token(roomId, subject), doc)
  cleanups.push(() => p.destroy())
  return p
}

function raw(s: TestServer, roomId: string, subject: string) {
  const c = rawClient(`${s.url}/${roomId}?token=${token(roomId, subject)}`)
  cleanups.push(() => c.ws.terminate())
  return c
}

/** A v1 update with no structs whose delete set names `ranges` one-item ranges of `client`. */
function poisonDeleteSet(client: number, ranges: number): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint(e, client)
  encoding.writeVarUint(e, ranges)
  for (let i = 0; i < ranges; i++) {
    encoding.writeVarUint(e, i * 2)
    encoding.writeVarUint(e, 1)
  }
  return encoding.toUint8Array(e)
}

/** A v1 update of one GC struct for `client` from `clock`, `length` long. */
function forgedGc(client: number, clock: number, length: number): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1) // one client
  encoding.writeVarUint(e, 1) // one struct
  encoding.writeVarUint(e, client)
  encoding.writeVarUint(e, clock)
  encoding.writeUint8(e, 0) // GC
  encoding.writeVarUint(e, length)
  encoding.writeVarUint(e, 0) // empty delete set
  return encoding.toUint8Array(e)
}

/** An update from a fresh doc: `n` map entries of `size` characters each, in one transaction. */
function entries(n: number, size = 10, doc = new Y.Doc()): Uint8Array {
  let update: Uint8Array | null = null
  doc.once('update', (u: Uint8Array) => (update = u))
  doc.transact(() => {
    for (let i = 0; i < n; i++) doc.getMap('m').set(`k${i}`, 'x'.repeat(size))
  })
  return update!
}

function pendingOf(s: TestServer, roomId: string) {
  const store = s.collab.registry.get(roomId)!.doc.store
  return [store.pendingStructs, store.pendingDs]
}

describe('updates are checked against the room before they are applied', () => {
  it('refuses a poison delete set (300,000 ranges of an unknown client) with 4409; nothing stored, rooms go on', async () => {
    const s = await server()
    const roomId = newRoomId()
    const otherRoom = newRoomId()
    const a = client(s, roomId, 'p:1')
    const b = client(s, roomId, 'p:2')
    const c = client(s, otherRoom, 'p:3')
    const d = client(s, otherRoom, 'p:4')
    await Promise.all([a, b, c, d].map(waitSynced))
    a.doc.getMap('m').set('before', 1)
    await waitFor(() => b.doc.getMap('m').get('before') === 1, 'first edit relayed')
    const stored = roomUpdateCount(s.db, roomId)

    const attacker = raw(s, roomId, 'p:9')
    await attacker.opened
    const poison = poisonDeleteSet(424242, 300_000)
    expect(poison.byteLength).toBeGreaterThan(1_000_000)
    attacker.send(encodeUpdate(poison))
    const closed = await attacker.closed
    expect(closed.code).toBe(4409)
    expect(closed.reason).toBe('Wijziging bouwt voort op onbekende inhoud')
    expect(attacker.denied).toEqual(['Wijziging bouwt voort op onbekende inhoud'])

    expect(roomUpdateCount(s.db, roomId)).toBe(stored)
    expect(pendingOf(s, roomId)).toEqual([null, null])
    a.doc.getMap('m').set('after', 2)
    c.doc.getMap('m').set('elsewhere', 3)
    await waitFor(() => b.doc.getMap('m').get('after') === 2, 'the room still relays')
    await waitFor(() => d.doc.getMap('m').get('elsewhere') === 3, 'the other room still relays')
    expect(pendingOf(s, roomId)).toEqual([null, null])
    expect((await loadStoredDoc(s.db, roomId)).store.pendingDs).toBeNull()
  })

  it("refuses a forged GC over a victim's client id; the victim's offline edits reach every client", async () => {
    const s = await server()
    const roomId = newRoomId()
    const victim = client(s, roomId, 'p:1')
    const bystander = client(s, roomId, 'p:2')
    await Promise.all([victim, bystander].map(waitSynced))
    victim.doc.getArray<string>('notes').push(['eerste'])
    await waitFor(() => bystander.doc.getArray('notes').length === 1, 'first note relayed')
    const room = s.collab.registry.get(roomId)!
    const victimId = victim.doc.clientID
    const clock = Y.getState(room.doc.store, victimId)

    const attacker = raw(s, roomId, 'p:9')
    await attacker.opened
    attacker.send(encodeUpdate(forgedGc(victimId, clock, 1_000_000)))
    const closed = await attacker.closed
    expect(closed.code).toBe(4409)
    expect(attacker.denied).toEqual(['Wijziging op naam van een ander geweigerd'])
    expect(Y.getState(room.doc.store, victimId)).toBe(clock)

    victim.disconnect()
    await waitFor(() => room.connectionCount === 1, 'victim gone')
    for (let i = 1; i <= 5; i++) victim.doc.getArray<string>('notes').push([`offline ${i}`])
    victim.connect()
    const latecomer = client(s, roomId, 'p:3')
    const expected = ['eerste', 'offline 1', 'offline 2', 'offline 3', 'offline 4', 'offline 5']
    for (const p of [victim, bystander, latecomer]) {
      await waitFor(() => JSON.stringify(p.doc.getArray('notes').toJSON()) === JSON.stringify(expected), 'edits')
    }
    expect((await loadStoredDoc(s.db, roomId)).getArray('notes').toJSON()).toEqual(expected)
    expect(pendingOf(s, roomId)).toEqual([null, null])
  })

  it('records who introduced a client id in the same transaction, and keeps it across a restart', async () => {
    const file = tempDbFile('ownership')
    let s = await startServer(file, { graceMs: 60_000 })
    cleanups.push(() => s.close())
    const roomId = newRoomId()
    const doc = new Y.Doc()
    const alice = client(s, roomId, 'p:1', doc)
    await waitSynced(alice)
    doc.getMap('m').set('k', 'v')
    await waitFor(() => roomUpdateCount(s.db, roomId) === 1, 'stored')
    const rows = s.db.$client
      .prepare('select client_id, subject, bytes from room_clients where room_id = ?')
      .all(roomId) as { client_id: number; subject: string; bytes: number }[]
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ client_id: doc.clientID, subject: 'p:1' })
    expect(rows[0].bytes).toBeGreaterThan(0)
    alice.destroy()
    await s.close()

    s = await startServer(file, { graceMs: 60_000 })
    cleanups.push(() => s.close())
    // Someone else writing under alice's id after the restart is still refused ...
    const mallory = raw(s, roomId, 'p:9')
    await mallory.opened
    mallory.send(encodeUpdate(forgedGc(doc.clientID, Y.getState(doc.store, doc.clientID), 5)))
    expect((await mallory.closed).code).toBe(4409)
    // ... and alice's own browser (same subject, same doc) goes on under it.
    const again = client(s, roomId, 'p:1', doc)
    await waitSynced(again)
    doc.getMap('m').set('k', 'nog steeds van mij')
    const observer = client(s, roomId, 'p:2')
    await waitFor(() => observer.doc.getMap('m').get('k') === 'nog steeds van mij', 'own edit accepted')
  })

  it('lets the server write (room.transact) under its own id, which no client can claim', async () => {
    const s = await server()
    const roomId = newRoomId()
    const a = client(s, roomId, 'p:1')
    await waitSynced(a)
    const room = s.collab.registry.get(roomId)!
    room.transact((doc) => doc.getMap('m').set('fromServer', 1))
    await waitFor(() => a.doc.getMap('m').get('fromServer') === 1, 'server write relayed')
    const attacker = raw(s, roomId, 'p:9')
    await attacker.opened
    attacker.send(encodeUpdate(forgedGc(room.doc.clientID, Y.getState(room.doc.store, room.doc.clientID), 10)))
    expect((await attacker.closed).code).toBe(4409)
  })

  it('refuses structs that start beyond what the room has of a client (a gap) with 4409', async () => {
    const s = await server()
    const roomId = newRoomId()
    const a = client(s, roomId, 'p:1')
    await waitSynced(a)
    const attacker = raw(s, roomId, 'p:9')
    await attacker.opened
    attacker.send(encodeUpdate(forgedGc(777, 5, 1)))
    expect((await attacker.closed).code).toBe(4409)
    expect(pendingOf(s, roomId)).toEqual([null, null])
  })
})

describe('budgets', () => {
  async function floodUntilClosed(
    s: TestServer,
    roomId: string,
    subject: string,
    frame: (i: number) => Uint8Array,
    max = 1000,
  ) {
    const c = raw(s, roomId, subject)
    await c.opened
    let closed: { code: number; reason: string } | null = null
    void c.closed.then((r) => (closed = r))
    for (let i = 0; i < max && closed === null && c.ws.readyState === c.ws.OPEN; i++) c.send(frame(i))
    return { ...(await c.closed), denied: c.denied }
  }

  /** The update of one more map entry in `doc`, so each builds on the one before. */
  function lastUpdate(doc: Y.Doc, i: number, size: number): Uint8Array {
    let update: Uint8Array | null = null
    doc.once('update', (u: Uint8Array) => (update = u))
    doc.getMap('m').set(`f${i}`, 'y'.repeat(size))
    return update!
  }

  it('cuts off an update over the byte or struct size of one update with 4413', async () => {
    const s = await server({ updateBytes: 2000, updateStructs: 20 })
    const roomId = newRoomId()
    const big = await floodUntilClosed(s, roomId, 'p:1', () => encodeUpdate(entries(1, 5000)), 1)
    expect(big).toMatchObject({ code: 4413, reason: 'Wijziging is te groot', denied: ['Wijziging is te groot'] })
    const many = await floodUntilClosed(s, roomId, 'p:2', () => encodeUpdate(entries(30)), 1)
    expect(many.code).toBe(4413)
    expect(roomUpdateCount(s.db, roomId)).toBe(0)
  })

  it('cuts off a connection past its byte rate and past its struct rate with 4413', async () => {
    const s = await server({
      bytesPerSecond: { perSecond: 1, burst: 5000 },
      structsPerSecond: { perSecond: 1_000_000, burst: 1_000_000 },
    })
    const roomId = newRoomId()
    const doc = new Y.Doc()
    const bytes = await floodUntilClosed(s, roomId, 'p:1', (i) => encodeUpdate(lastUpdate(doc, i, 200)))
    expect(bytes).toMatchObject({ code: 4413, reason: 'Te veel wijzigingen tegelijk' })

    const s2 = await server({ structsPerSecond: { perSecond: 1, burst: 20 } })
    const doc2 = new Y.Doc()
    const structs = await floodUntilClosed(s2, roomId, 'p:1', (i) => encodeUpdate(lastUpdate(doc2, i, 1)))
    expect(structs.code).toBe(4413)
    const stored = s2.collab.registry.get(roomId)!.doc.getMap('m').size
    expect(stored).toBeGreaterThanOrEqual(19)
    expect(stored).toBeLessThanOrEqual(21)
  })

  it("stops a person at their stored bytes in a room, across connections; others go on until the room's total", async () => {
    const s = await server({ bytesPerIdentity: 3000, roomBytes: 5000 })
    const roomId = newRoomId()
    const doc = new Y.Doc()
    const first = await floodUntilClosed(s, roomId, 'p:1', (i) => encodeUpdate(lastUpdate(doc, i, 400)))
    expect(first).toMatchObject({ code: 4413, reason: 'Je hebt in deze ruimte te veel opgeslagen' })
    const bytes = () =>
      (
        s.db.$client
          .prepare("select coalesce(sum(bytes), 0) as n from room_clients where room_id = ? and subject = 'p:1'")
          .get(roomId) as { n: number }
      ).n
    expect(bytes()).toBeLessThanOrEqual(3000)
    expect(bytes()).toBeGreaterThan(2000)
    // a new connection of the same person starts from what is stored, not from zero
    const again = await floodUntilClosed(s, roomId, 'p:1', (i) => encodeUpdate(entries(1, 400 + i)), 3)
    expect(again.code).toBe(4413)

    const other = await floodUntilClosed(s, roomId, 'p:2', (i) => encodeUpdate(lastUpdate(new Y.Doc(), i, 400)))
    expect(other).toMatchObject({ code: 4413, reason: 'Deze ruimte is vol' })
  })

  it('cuts off an awareness state over its size and awareness past its rate with 4413', async () => {
    const s = await server({ awarenessStateBytes: 1000, awarenessPerSecond: { perSecond: 1, burst: 5 } })
    const roomId = newRoomId()
    const big = await floodUntilClosed(
      s,
      roomId,
      'p:1',
      () => encodeAwareness(encodeAwarenessEntries([{ clientId: 1111, clock: 1, state: { blob: 'x'.repeat(2000) } }])),
      1,
    )
    expect(big).toMatchObject({ code: 4413, reason: 'Aanwezigheidsgegevens zijn te groot' })
    const fast = await floodUntilClosed(s, roomId, 'p:2', (i) =>
      encodeAwareness(encodeAwarenessEntries([{ clientId: 2222, clock: i + 1, state: { cursor: { x: i } } }])),
    )
    expect(fast).toMatchObject({ code: 4413, reason: 'Te veel aanwezigheidsberichten' })
  })

  it('refuses more connections of one person to a room than the budget with HTTP 429', async () => {
    const s = await server({ connectionsPerIdentity: 2 })
    const roomId = newRoomId()
    const first = raw(s, roomId, 'p:1')
    const second = raw(s, roomId, 'p:1')
    await Promise.all([first.opened, second.opened])
    expect(await upgradeStatus(`${s.url}/${roomId}?token=${token(roomId, 'p:1')}`)).toBe(429)
    expect(await upgradeStatus(`${s.url}/${roomId}?token=${token(roomId, 'p:2')}`)).toBe(101)
    first.ws.close()
    await first.closed
    await waitFor(() => s.collab.registry.get(roomId)?.connectionCount === 1, 'first gone')
    expect(await upgradeStatus(`${s.url}/${roomId}?token=${token(roomId, 'p:1')}`)).toBe(101)
  })

  it('lets honest work through with the default budgets: 500 pasted shapes, 20 offline notes, a 10,000-record room', async () => {
    const s = await server()
    const roomId = newRoomId()
    const facilitator = client(s, roomId, 'u:f')
    const phone = client(s, roomId, 'p:1')
    await Promise.all([facilitator, phone].map(waitSynced))
    const records = facilitator.doc.getMap<Record<string, unknown>>('records')
    const shape = (i: number) => ({ id: `shape:${i}`, typeName: 'shape', x: i, y: i, props: { text: 'x'.repeat(300) } })
    facilitator.doc.transact(() => {
      for (let i = 0; i < 500; i++) records.set(`shape:${i}`, shape(i))
    })
    await waitFor(() => phone.doc.getMap('records').size === 500, 'paste relayed')

    phone.disconnect()
    for (let i = 0; i < 20; i++) phone.doc.getMap('records').set(`note:${i}`, { text: `idee ${i}` })
    phone.connect()
    await waitFor(() => facilitator.doc.getMap('records').size === 520, 'offline notes arrive')

    for (let batch = 0; batch < 19; batch++) {
      facilitator.doc.transact(() => {
        for (let i = 0; i < 500; i++) records.set(`shape:${500 + batch * 500 + i}`, shape(i))
      })
    }
    await waitFor(() => s.collab.registry.get(roomId)!.doc.getMap('records').size === 10_020, 'room has 10,000 records')
    const newcomer = client(s, roomId, 'p:2')
    await waitSynced(newcomer)
    expect(newcomer.doc.getMap('records').size).toBe(10_020)
    expect(facilitator.wsconnected && phone.wsconnected).toBe(true)
  }, 30_000)
})
