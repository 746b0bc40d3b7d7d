import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DocRecords, getRecordMap, noteRecord, recordChanges, type DecodedUpdateLike } from '~/canvas-doc'
import { isLocked, judgeParticipant, type CanvasRules } from './permissions'

/**
 * The permission and lock rules over real Yjs updates: a room doc on the "server", client docs
 * that change it through the canvas layout, the update between them decoded as the room server
 * decodes it.
 */
const P1 = { subject: 'p:1', presenceId: 'pid-1' }
const P2 = { subject: 'p:2', presenceId: 'pid-2' }
const open: CanvasRules = { lockedAll: false, lockedFrames: new Set(), mediaAllowed: false }

const frame = (id: string) => ({
  id,
  typeName: 'shape',
  type: 'frame',
  parentId: 'page:page',
  x: 0,
  y: 0,
  props: { w: 400, h: 300, name: 'Ideeën' },
  meta: {},
})
const page = { id: 'page:page', typeName: 'page', name: 'Pagina 1', index: 'a1', meta: {} }
const note = (id: string, by: string, parentId = 'page:page', x = 10) =>
  noteRecord({ id, parentId, x, y: 10, text: 'idee', createdBy: by })

function setup() {
  const server = new Y.Doc()
  const owners = new Map<string, string>()
  const seed = new Y.Doc()
  const records = getRecordMap(seed)
  records.set('page:page', page)
  records.set('shape:frame', frame('shape:frame'))
  records.set('shape:f-note', note('shape:f-note', 'pid-f', 'shape:frame'))
  records.set('shape:p1-note', note('shape:p1-note', 'pid-1'))
  records.set('shape:p1-in-frame', note('shape:p1-in-frame', 'pid-1', 'shape:frame'))
  Y.applyUpdate(server, Y.encodeStateAsUpdate(seed))
  for (const key of ['page:page', 'shape:frame', 'shape:f-note']) owners.set(key, 'u:f')
  for (const key of ['shape:p1-note', 'shape:p1-in-frame']) owners.set(key, 'p:1')
  /** what `change` does on a client that has the server's state, judged for `who` */
  const judge = (
    who: typeof P1,
    change: (records: ReturnType<typeof getRecordMap>, doc: Y.Doc) => void,
    rules = open,
    raw = false,
  ) => {
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
    const before = Y.encodeStateVector(server)
    // YKeyValue cleans up duplicates as it starts: that, too, is part of what the client sends
    const map = raw ? (null as unknown as ReturnType<typeof getRecordMap>) : getRecordMap(client)
    change(map, client)
    const decoded = Y.decodeUpdate(Y.encodeStateAsUpdate(client, before)) as unknown as DecodedUpdateLike
    const docRecords = new DocRecords(server)
    const changes = recordChanges(decoded, server, { records: docRecords })
    return judgeParticipant(
      changes,
      {
        before: (key) => docRecords.get(key),
        countOf: (typeName) => docRecords.countOf(typeName),
        ownerOf: (key) => owners.get(key),
        metaSchema: server.getMap('tl_meta').get('schema'),
      },
      who,
      rules,
    )
  }
  return { server, judge }
}

describe('participant permissions', () => {
  it('lets a participant create, change and delete their own note', () => {
    const { judge } = setup()
    expect(judge(P2, (r) => r.set('shape:new', note('shape:new', 'pid-2')))).toEqual({
      ok: true,
      created: ['shape:new'],
    })
    expect(judge(P1, (r) => r.set('shape:p1-note', { ...note('shape:p1-note', 'pid-1'), x: 99 })).ok).toBe(true)
    expect(judge(P1, (r) => r.delete('shape:p1-note')).ok).toBe(true)
  })

  it("refuses changing or deleting someone else's shape", () => {
    const { judge } = setup()
    expect(judge(P2, (r) => r.delete('shape:p1-note'))).toMatchObject({ ok: false, reason: 'permission.notYours' })
    expect(judge(P2, (r) => r.set('shape:p1-note', { ...note('shape:p1-note', 'pid-1'), x: 5 }))).toMatchObject({
      ok: false,
      reason: 'permission.notYours',
    })
    expect(judge(P1, (r) => r.delete('shape:frame'))).toMatchObject({ ok: false, reason: 'permission.notYours' })
  })

  it('refuses pages, frames, document settings and (by default) media', () => {
    const { judge } = setup()
    expect(judge(P1, (r) => r.set('page:page', { ...page, name: 'Weg' })).ok).toBe(false)
    expect(judge(P1, (r) => r.delete('page:page')).ok).toBe(false)
    expect(judge(P1, (r) => r.set('page:two', { ...page, id: 'page:two' }))).toMatchObject({
      reason: 'permission.facilitatorOnly',
    })
    expect(judge(P1, (r) => r.set('shape:f2', frame('shape:f2')))).toMatchObject({
      reason: 'permission.facilitatorOnly',
    })
    const image = { ...note('shape:img', 'pid-1'), type: 'image' }
    expect(judge(P1, (r) => r.set('shape:img', image))).toMatchObject({ reason: 'permission.media' })
    expect(judge(P1, (r) => r.set('shape:img', image), { ...open, mediaAllowed: true }).ok).toBe(true)
    expect(judge(P1, (_r, doc) => doc.getMap('other').set('x', 1))).toMatchObject({ reason: 'permission.malformed' })
  })

  it('checks who a shape says made it, on creation and ever after', () => {
    const { judge } = setup()
    expect(judge(P2, (r) => r.set('shape:x', note('shape:x', 'pid-1')))).toMatchObject({
      reason: 'permission.createdBy',
    })
    expect(judge(P1, (r) => r.set('shape:p1-note', note('shape:p1-note', 'pid-2')))).toMatchObject({
      reason: 'permission.createdBy',
    })
  })

  it('leaves the vote counts on notes to the server, also on a participant’s own note', () => {
    const { judge } = setup()
    const counted = (id: string) => {
      const n = note(id, 'pid-1')
      return { ...n, meta: { ...n.meta, votes: { voteId: 'v1', count: 9 } } }
    }
    expect(judge(P1, (r) => r.set('shape:p1-note', counted('shape:p1-note')))).toMatchObject({
      reason: 'permission.facilitatorOnly',
    })
    expect(judge(P1, (r) => r.set('shape:new', counted('shape:new')))).toMatchObject({
      reason: 'permission.facilitatorOnly',
    })
    expect(judge(P1, (r) => r.set('shape:p1-note', { ...note('shape:p1-note', 'pid-1'), x: 99 })).ok).toBe(true)
  })

  it('lets the seed records of an empty canvas through once, and equal re-seeds always', () => {
    const empty = new Y.Doc()
    const client = new Y.Doc()
    getRecordMap(client).set('page:page', page)
    client.getMap('tl_meta').set('schema', { v: 1 })
    const decoded = Y.decodeUpdate(Y.encodeStateAsUpdate(client)) as unknown as DecodedUpdateLike
    const records = new DocRecords(empty)
    const view = { before: () => undefined, countOf: () => 0, ownerOf: () => undefined, metaSchema: undefined }
    expect(judgeParticipant(recordChanges(decoded, empty, { records }), view, P1, open).ok).toBe(true)
    const { judge } = setup()
    expect(judge(P2, (r) => r.set('page:page', { ...page })).ok).toBe(true)
  })

  it('passes a YKeyValue duplicate clean-up of a record that is not theirs', () => {
    const { server, judge } = setup()
    // Two facilitator tabs wrote the frame at once: two entries, the rightmost is its value.
    server.getArray('tl_records').push([{ key: 'shape:frame', val: { ...frame('shape:frame'), x: 50 } }])
    // the participant's YKeyValue deletes every entry left of the current one as it starts
    const result = judge(P2, () => {})
    expect(result).toEqual({ ok: true, created: [] })
    // deleting the current entry is a change of the record, and refused
    const current = judge(
      P2,
      (_r, doc) => {
        const arr = doc.getArray<{ key: string }>('tl_records')
        const entries = arr.toArray()
        const last = entries.map((e) => e.key).lastIndexOf('shape:frame')
        arr.delete(last, 1)
      },
      open,
      true,
    )
    expect(current).toMatchObject({ ok: false, reason: 'permission.notYours' })
  })
})

describe('locks', () => {
  const locked: CanvasRules = { ...open, lockedFrames: new Set(['shape:frame']) }

  it('a locked frame and everything inside it, at any depth', () => {
    const values = new Map<string, unknown>([
      ['shape:frame', frame('shape:frame')],
      ['shape:group', { id: 'shape:group', typeName: 'shape', type: 'group', parentId: 'shape:frame' }],
      ['shape:deep', note('shape:deep', 'pid-1', 'shape:group')],
      ['shape:out', note('shape:out', 'pid-1')],
    ])
    const valueOf = (key: string) => values.get(key)
    expect(isLocked('shape:frame', valueOf, locked)).toBe(true)
    expect(isLocked('shape:deep', valueOf, locked)).toBe(true)
    expect(isLocked('shape:out', valueOf, locked)).toBe(false)
    expect(isLocked('shape:out', valueOf, { ...open, lockedAll: true })).toBe(true)
  })

  it("refuses a participant's own note inside a locked frame, and moving or adding one into it", () => {
    const { judge } = setup()
    const inFrame = note('shape:p1-in-frame', 'pid-1', 'shape:frame', 77)
    expect(judge(P1, (r) => r.set('shape:p1-in-frame', inFrame), locked)).toMatchObject({ reason: 'permission.locked' })
    expect(judge(P1, (r) => r.delete('shape:p1-in-frame'), locked)).toMatchObject({ reason: 'permission.locked' })
    expect(
      judge(P1, (r) => r.set('shape:p1-note', note('shape:p1-note', 'pid-1', 'shape:frame')), locked),
    ).toMatchObject({
      reason: 'permission.locked',
    })
    expect(judge(P2, (r) => r.set('shape:n', note('shape:n', 'pid-2', 'shape:frame')), locked)).toMatchObject({
      reason: 'permission.locked',
    })
    // outside the frame all goes on
    expect(judge(P1, (r) => r.set('shape:p1-note', { ...note('shape:p1-note', 'pid-1'), x: 3 }), locked).ok).toBe(true)
  })

  it('with the whole canvas locked, a participant changes nothing', () => {
    const { judge } = setup()
    const all = { ...open, lockedAll: true }
    expect(judge(P2, (r) => r.set('shape:new', note('shape:new', 'pid-2')), all)).toMatchObject({
      reason: 'permission.lockedAll',
    })
    expect(judge(P1, (r) => r.delete('shape:p1-note'), all)).toMatchObject({ reason: 'permission.lockedAll' })
  })
})

describe("tldraw's own records", () => {
  it('lets a participant add their user record (tldraw keeps one per person in the document)', () => {
    const empty = new Y.Doc()
    const client = new Y.Doc()
    getRecordMap(client).set('user:abc', { id: 'user:abc', typeName: 'user', name: 'Ouder 1', meta: {} })
    const decoded = Y.decodeUpdate(Y.encodeStateAsUpdate(client)) as unknown as DecodedUpdateLike
    const view = { before: () => undefined, countOf: () => 0, ownerOf: () => undefined, metaSchema: undefined }
    expect(judgeParticipant(recordChanges(decoded, empty), view, P1, open)).toEqual({ ok: true, created: ['user:abc'] })
  })
})
