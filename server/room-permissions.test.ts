import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { openDb, type Db } from '../db/client'
import { recordOwners, sessionLocks, users } from '../db/schema'
import { getRecordMap, noteRecord } from '../app/canvas-doc'
import { createRoomPolicy } from '../app/rooms/policy.server'
import { mainRoomId } from '../app/rooms/rooms.server'
import { createWorkshopSession } from '../app/sessions/sessions.server'
import type { RoomPolicy } from './collab'
import { encodeUpdate } from './collab/protocol'
import { rawClient } from './collab/raw-client'
import {
  connect,
  loadStoredDoc,
  startServer,
  tempDbFile,
  token,
  waitFor,
  waitSynced,
  type TestIdentity,
  type TestServer,
} from './collab/test-support'

/**
 * The app's room policy against the real room server, with Yjs clients that are not browsers:
 * what a participant may not do is refused for any client, never stored and never relayed; the
 * facilitator's same update goes through; honest work (own notes, YKeyValue clean-ups) passes.
 * The tests' identities: `u:…` facilitators, `p:…` participants, presence id `pid-<subject>`.
 */
const cleanups: (() => unknown)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

const page = { id: 'page:page', typeName: 'page', name: 'Pagina 1', index: 'a1', meta: {} }
const frame = {
  id: 'shape:frame',
  typeName: 'shape',
  type: 'frame',
  parentId: 'page:page',
  index: 'a1',
  x: 0,
  y: 0,
  props: { w: 600, h: 400, name: 'Ideeën' },
  meta: { createdBy: 'pid-u:f' },
}
const note = (id: string, by: string, parentId = 'page:page', x = 10) =>
  noteRecord({ id: `shape:${id}`, parentId, x, y: 10, text: id, createdBy: `pid-${by}` })

interface Setup {
  s: TestServer
  db: Db
  roomId: string
  sessionId: string
}

async function setup(): Promise<Setup> {
  const file = tempDbFile('room-permissions')
  const db = openDb(file)
  db.insert(users).values({ id: 'f', email: 'f@example.org', name: 'F', passwordHash: 'x' }).run()
  const session = createWorkshopSession(db, 'f', { title: 'Werksessie' })
  const roomId = mainRoomId(db, session.id)
  // The tests' identities have the app identity's shape (subject, role, name, mode, presenceId).
  const policy = createRoomPolicy(db) as unknown as RoomPolicy<TestIdentity>
  const s = await startServer(file, { db, policy })
  cleanups.push(async () => {
    await s.close()
    db.$client.close()
  })
  return { s, db, roomId, sessionId: session.id }
}

function client(t: Setup, subject: string): WebsocketProvider & { records: ReturnType<typeof getRecordMap> } {
  const provider = connect(t.s.url, t.roomId, token(t.roomId, subject)) as WebsocketProvider & {
    records: ReturnType<typeof getRecordMap>
  }
  provider.records = getRecordMap(provider.doc)
  cleanups.push(() => provider.destroy())
  return provider
}

/** The facilitator's board: a page, a frame with her note in it, and a parent's note. */
async function board(t: Setup) {
  const f = client(t, 'u:f')
  const p1 = client(t, 'p:1')
  await Promise.all([waitSynced(f), waitSynced(p1)])
  f.records.set('page:page', page)
  f.records.set('shape:frame', frame)
  f.records.set('shape:f-note', note('f-note', 'u:f', 'shape:frame'))
  p1.records.set('shape:p1-note', note('p1-note', 'p:1'))
  await waitFor(() => f.records.has('shape:p1-note') && p1.records.has('shape:f-note'), 'the board everywhere')
  return { f, p1 }
}

/**
 * Sends, as `subject` over a raw socket, the update that `change` makes to a copy of the room as
 * `bystander` has it; resolves with how the server answered.
 */
async function attempt(
  t: Setup,
  subject: string,
  bystander: Y.Doc,
  change: (records: ReturnType<typeof getRecordMap>, doc: Y.Doc) => void,
) {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(bystander))
  const before = Y.encodeStateVector(doc)
  change(getRecordMap(doc), doc)
  const raw = rawClient(`${t.s.url}/${t.roomId}?token=${token(t.roomId, subject)}`)
  cleanups.push(() => raw.ws.terminate())
  await raw.opened
  raw.send(encodeUpdate(Y.encodeStateAsUpdate(doc, before)))
  return { raw, doc }
}

/** A sentinel written by the facilitator: once a client has it, it has everything relayed before it. */
async function sentinel(f: ReturnType<typeof client>, others: ReturnType<typeof client>[], n: number) {
  f.records.set(`shape:sentinel-${n}`, note(`sentinel-${n}`, 'u:f'))
  await waitFor(() => others.every((o) => o.records.has(`shape:sentinel-${n}`)), 'the sentinel')
}

const storedRecords = async (t: Setup) => new Map(getRecordMap(await loadStoredDoc(t.db, t.roomId)).entries())

describe('permissions on the room server', () => {
  it("refuses a participant's update that deletes or changes someone else's shape or a page, and relays none of it", async () => {
    const t = await setup()
    const { f, p1 } = await board(t)
    const cases: [string, (r: ReturnType<typeof getRecordMap>) => void][] = [
      ['delete the facilitator note', (r) => r.delete('shape:f-note')],
      ["move another parent's note", (r) => r.set('shape:p1-note', { ...note('p1-note', 'p:1'), x: 500 })],
      ['rename the page', (r) => r.set('page:page', { ...page, name: 'Van mij' })],
      ['delete the page', (r) => r.delete('page:page')],
      ['delete the frame', (r) => r.delete('shape:frame')],
    ]
    let n = 0
    for (const [what, change] of cases) {
      const { raw } = await attempt(t, 'p:2', f.doc, change)
      const closed = await raw.closed
      expect(closed.code, what).toBe(4422)
      expect(raw.denied[0], what).toMatch(/alleen|begeleider/i)
      await sentinel(f, [p1], n++)
    }
    for (const doc of [f.records, p1.records]) {
      expect(doc.get('shape:f-note')).toBeDefined()
      expect((doc.get('shape:p1-note') as { x: number }).x).toBe(10)
      expect((doc.get('page:page') as { name: string }).name).toBe('Pagina 1')
      expect(doc.has('shape:frame')).toBe(true)
    }
    const stored = await storedRecords(t)
    expect(stored.has('shape:f-note') && stored.has('shape:frame')).toBe(true)
    expect((stored.get('page:page') as { name: string }).name).toBe('Pagina 1')
  })

  it("accepts the facilitator's same updates", async () => {
    const t = await setup()
    const { f, p1 } = await board(t)
    const { raw } = await attempt(t, 'u:f', f.doc, (r) => {
      r.delete('shape:p1-note')
      r.set('page:page', { ...page, name: 'Ronde 2' })
    })
    await waitFor(() => !p1.records.has('shape:p1-note'), 'the delete at the parent')
    expect((p1.records.get('page:page') as { name: string }).name).toBe('Ronde 2')
    expect(raw.denied).toEqual([])
    expect((await storedRecords(t)).has('shape:p1-note')).toBe(false)
  })

  it('refuses changes inside a locked frame, and adding to it; the rest of the canvas goes on', async () => {
    const t = await setup()
    const { f, p1 } = await board(t)
    p1.records.set('shape:p1-in-frame', note('p1-in-frame', 'p:1', 'shape:frame'))
    await waitFor(() => f.records.has('shape:p1-in-frame'), 'the note in the frame')
    t.db.insert(sessionLocks).values({ workshopSessionId: t.sessionId, frameId: 'shape:frame' }).run()
    // the parent's own note, inside the locked frame: refused, though it is theirs
    const moved = await attempt(t, 'p:1', p1.doc, (r) =>
      r.set('shape:p1-in-frame', note('p1-in-frame', 'p:1', 'shape:frame', 300)),
    )
    expect((await moved.raw.closed).code).toBe(4422)
    expect(moved.raw.denied[0]).toBe('Dit deel van het canvas is op slot.')
    const added = await attempt(t, 'p:2', f.doc, (r) => r.set('shape:p2-new', note('p2-new', 'p:2', 'shape:frame')))
    expect((await added.raw.closed).code).toBe(4422)
    await sentinel(f, [p1], 1)
    expect((p1.records.get('shape:p1-in-frame') as { x: number }).x).toBe(10)
    expect(p1.records.has('shape:p2-new')).toBe(false)
    // outside the frame the parent goes on
    p1.records.set('shape:p1-note', { ...note('p1-note', 'p:1'), x: 42 })
    await waitFor(() => (f.records.get('shape:p1-note') as { x: number }).x === 42, 'the move outside the frame')
    const stored = await storedRecords(t)
    expect((stored.get('shape:p1-in-frame') as { x: number }).x).toBe(10)
    expect(stored.has('shape:p2-new')).toBe(false)
  })

  it('lets a participant create, edit and delete their own note; the server records who made it', async () => {
    const t = await setup()
    const { f } = await board(t)
    const p2 = client(t, 'p:2')
    await waitSynced(p2)
    p2.records.set('shape:mine', note('mine', 'p:2'))
    await waitFor(() => f.records.has('shape:mine'), 'the new note')
    const owner = t.db.select().from(recordOwners).where(eq(recordOwners.recordId, 'shape:mine')).get()
    expect(owner?.subject).toBe('p:2')
    p2.records.set('shape:mine', { ...note('mine', 'p:2'), x: 250 })
    await waitFor(() => (f.records.get('shape:mine') as { x: number }).x === 250, 'the edit')
    p2.records.delete('shape:mine')
    await waitFor(() => !f.records.has('shape:mine'), 'the delete')
    expect(p2.wsconnected).toBe(true)
  })

  it('refuses a note that claims to be made by someone else', async () => {
    const t = await setup()
    const { f } = await board(t)
    const { raw } = await attempt(t, 'p:2', f.doc, (r) => r.set('shape:forged', note('forged', 'p:1')))
    expect((await raw.closed).code).toBe(4422)
    expect(t.db.select().from(recordOwners).where(eq(recordOwners.recordId, 'shape:forged')).get()).toBeUndefined()
  })

  it("passes a participant's YKeyValue clean-up of a facilitator's duplicate entries", async () => {
    const t = await setup()
    const { f, p1 } = await board(t)
    // Two writes of the frame that did not see each other (two facilitator tabs at once): the
    // array holds two entries for one key until some client's YKeyValue deletes the left one.
    // The facilitator's own client is gone, so the parent's client is the one that cleans up.
    const tab = new Y.Doc()
    Y.applyUpdate(tab, Y.encodeStateAsUpdate(f.doc))
    f.destroy()
    const before = Y.encodeStateVector(tab)
    tab.getArray('tl_records').push([{ key: 'shape:frame', val: { ...frame, x: 80 } }])
    const dup = rawClient(`${t.s.url}/${t.roomId}?token=${token(t.roomId, 'u:f')}`)
    cleanups.push(() => dup.ws.terminate())
    await dup.opened
    dup.send(encodeUpdate(Y.encodeStateAsUpdate(tab, before)))
    const entriesOnServer = () =>
      t.s.collab.transact(
        t.roomId,
        (doc) =>
          doc
            .getArray<{ key: string }>('tl_records')
            .toArray()
            .filter((e) => e.key === 'shape:frame').length,
      )
    await waitFor(() => (p1.records.get('shape:frame') as { x: number }).x === 80, 'the second write at the parent')
    let entries = 2
    await waitFor(() => {
      void entriesOnServer().then((n) => (entries = n))
      return entries === 1
    }, "the parent's clean-up on the server")
    expect(p1.wsconnected).toBe(true)
    expect(dup.denied).toEqual([])
    expect((p1.records.get('shape:frame') as { x: number }).x).toBe(80)
  })
})
