import {
  ArrowShapeUtil,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  type TLRecord,
  type TLShape,
  type TLStore,
} from 'tldraw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { imageAssetRecord, imageShapeRecord, META_MAP, noteRecord, richText, SCHEMA_FIELD } from '~/canvas-doc'
import { customShapeUtils, INDICATOR_CARD, INDICATOR_CARD_SIZE } from '~/canvas/cards'
import { inwonersSnapshot } from '~/canvas/cards/test-fixtures'
import { flush, syncDocs } from '~/canvas/test-support'
import { getRecordMap } from '~/canvas/y-records'
import { bindStoreToYDoc, SEED_PAGE_ID } from '~/canvas/yjs-binding'
import { readRecords, writeRecords } from '~/facilitation/canvas-writes'
import {
  contentForRestore,
  frameContent,
  MAX_CONTENT_RECORDS,
  sameFrameContent,
  serverSchema,
  validateContent,
} from './tl-content'

/** A browser's store, as room-binding.ts makes it (the cards included). */
const browserStore = () =>
  createTLStore({ shapeUtils: [...defaultShapeUtils, ...customShapeUtils], bindingUtils: defaultBindingUtils })

const cleanups: Array<() => void> = []
afterEach(() => cleanups.splice(0).forEach((f) => f()))

/** A browser bound to a room's doc, as the canvas binds it. */
function browser(doc = new Y.Doc()) {
  const store = browserStore()
  const warn = vi.fn()
  const binding = bindStoreToYDoc({ store, doc, warn })
  cleanups.push(() => binding.destroy())
  binding.seedIfEmpty()
  return { store, doc, warn }
}

interface ShapeInput {
  id: string
  type: string
  parentId: string
  index?: string
  x?: number
  y?: number
  props?: object
  meta?: object
}

function shape(store: TLStore, input: ShapeInput) {
  const type = store.schema.types.shape as unknown as { create(r: object): TLShape }
  return type.create({ index: 'a1', ...input })
}

const arrowDefaults = () =>
  (ArrowShapeUtil.prototype as unknown as { getDefaultProps(this: object): object }).getDefaultProps.call({
    options: {},
  })

function arrowBinding(store: TLStore, id: string, arrow: string, to: string, terminal: 'start' | 'end') {
  const type = store.schema.types.binding as unknown as { create(r: object): TLRecord }
  return type.create({
    id,
    type: 'arrow',
    fromId: arrow,
    toId: to,
    props: { terminal, normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' },
  })
}

const FRAME = 'shape:frame'

/**
 * A room with a prototype frame, written by a real browser store through the binding: two notes,
 * a group holding a third (depth 2), an arrow bound to both notes, an indicator card, a photo
 * with its asset, and an arrow bound to a note outside the frame.
 */
function roomWithFrame() {
  const a = browser()
  const { store } = a
  const records = [
    shape(store, {
      id: FRAME,
      type: 'frame',
      parentId: SEED_PAGE_ID,
      x: 400,
      y: 200,
      props: { w: 900, h: 700, name: 'Prototype: ouderkamer', color: 'black' },
      meta: { phase: 'prototype', placedAt: '2026-01-01T10:00:00.000Z' },
    }),
    noteRecord({ id: 'shape:n1', parentId: FRAME, x: 40, y: 120, text: 'Koffie op school', index: 'a1' }),
    noteRecord({ id: 'shape:n2', parentId: FRAME, x: 300, y: 120, text: 'Elke vrijdag', index: 'a2' }),
    shape(store, { id: 'shape:group', type: 'group', parentId: FRAME, index: 'a3', props: {} }),
    noteRecord({ id: 'shape:n3', parentId: 'shape:group', x: 0, y: 400, text: 'Met een tolk', index: 'a1' }),
    noteRecord({ id: 'shape:n4', parentId: 'shape:group', x: 240, y: 400, text: 'En kinderopvang', index: 'a2' }),
    shape(store, {
      id: 'shape:arrow',
      type: 'arrow',
      parentId: FRAME,
      index: 'a4',
      x: 240,
      y: 220,
      props: { ...arrowDefaults(), end: { x: 60, y: 0 } },
    }),
    shape(store, {
      id: 'shape:card',
      type: INDICATOR_CARD,
      parentId: FRAME,
      index: 'a5',
      x: 540,
      y: 300,
      props: { ...INDICATOR_CARD_SIZE, ...inwonersSnapshot },
    }),
    imageAssetRecord({
      id: 'asset:photo',
      src: '/api/v1/sessions/s1/photos/photo',
      width: 800,
      height: 600,
      fileSize: 1,
    }),
    imageShapeRecord({
      id: 'shape:photo',
      parentId: FRAME,
      index: 'a6',
      x: 40,
      y: 500,
      w: 200,
      h: 150,
      assetId: 'asset:photo',
      altText: 'Schoolplein',
    }),
    noteRecord({ id: 'shape:outside', parentId: SEED_PAGE_ID, x: 2000, y: 0, text: 'Elders', index: 'a2' }),
    shape(store, {
      id: 'shape:arrow2',
      type: 'arrow',
      parentId: FRAME,
      index: 'a7',
      x: 600,
      y: 40,
      props: arrowDefaults(),
    }),
  ] as TLRecord[]
  const bindings = [
    arrowBinding(store, 'binding:start', 'shape:arrow', 'shape:n1', 'start'),
    arrowBinding(store, 'binding:end', 'shape:arrow', 'shape:n2', 'end'),
    arrowBinding(store, 'binding:out', 'shape:arrow2', 'shape:outside', 'end'),
  ]
  store.put([...records, ...bindings])
  flush(store)
  expect(a.warn).not.toHaveBeenCalled()
  return a
}

const storedSchema = (doc: Y.Doc) => doc.getMap(META_MAP).get(SCHEMA_FIELD)
const ids = (records: readonly unknown[]) => records.map((r) => (r as { id: string }).id)

function serverRead(doc: Y.Doc, frameId = FRAME) {
  return frameContent(readRecords(doc), frameId, storedSchema(doc))!
}

describe('the server schema', () => {
  it('is the schema every browser writes the room with (default shapes and bindings, the wijk cards)', () => {
    expect(serverSchema().serialize()).toEqual(browserStore().schema.serialize())
    expect(serverSchema()).toBe(serverSchema())
  })
})

describe('frameContent', () => {
  it('takes the frame as stored, everything inside at any depth, the bindings inside and the pictures', () => {
    const { doc } = roomWithFrame()
    const content = serverRead(doc)
    expect(content.schema).toEqual(browserStore().schema.serialize())
    expect(content.records[0]).toMatchObject({ id: FRAME, parentId: SEED_PAGE_ID, x: 400, y: 200 })
    expect(ids(content.records).sort()).toEqual(
      [
        FRAME,
        'shape:n1',
        'shape:n2',
        'shape:group',
        'shape:n3',
        'shape:n4',
        'shape:arrow',
        'shape:card',
        'shape:photo',
        'shape:arrow2',
        'binding:start',
        'binding:end',
        'asset:photo',
      ].sort(),
    )
    // A parent comes before its children.
    const order = ids(content.records)
    expect(order.indexOf('shape:group')).toBeLessThan(order.indexOf('shape:n3'))
  })

  it('is undefined for what is not a frame', () => {
    const { doc } = roomWithFrame()
    expect(frameContent(readRecords(doc), 'shape:n1', storedSchema(doc))).toBeUndefined()
    expect(frameContent(readRecords(doc), 'shape:nergens', storedSchema(doc))).toBeUndefined()
    expect(frameContent(readRecords(doc), 'binding:start', storedSchema(doc))).toBeUndefined()
  })
})

describe('validateContent', () => {
  it('accepts a frame read from a room, under the current schema', () => {
    const { doc } = roomWithFrame()
    const read = serverRead(doc)
    const checked = validateContent(read)
    expect(checked).toMatchObject({ ok: true, content: { schema: serverSchema().serialize() } })
    if (!checked.ok) return
    expect(ids(checked.content.records)).toEqual(ids(read.records))
    expect(checked.content.records[1]).toMatchObject({ props: { richText: richText('Koffie op school') } })
  })

  const withRecord = (doc: Y.Doc, change: (r: Record<string, unknown>) => object, id = 'shape:n1') => {
    const read = serverRead(doc)
    return {
      ...read,
      records: read.records.map((r) => ((r as { id: string }).id === id ? change(r as Record<string, unknown>) : r)),
    }
  }

  it('refuses records that fail the schema: props, an unknown shape type, an unknown record type', () => {
    const { doc } = roomWithFrame()
    const pink = withRecord(doc, (r) => ({ ...r, props: { ...(r.props as object), color: 'roze' } }))
    expect(validateContent(pink)).toMatchObject({ ok: false, error: expect.stringContaining('shape:n1') })
    const card = withRecord(doc, (r) => ({ ...r, props: { ...(r.props as object), value: 'veel' } }), 'shape:card')
    expect(validateContent(card)).toMatchObject({ ok: false, error: expect.stringContaining('shape:card') })
    const sticker = withRecord(doc, (r) => ({ ...r, type: 'sticker' }))
    expect(validateContent(sticker)).toMatchObject({ ok: false })
    const read = serverRead(doc)
    for (const typeName of ['page', 'camera', 'instance', 'kikker']) {
      const odd = { ...read, records: [...read.records, { id: `${typeName}:x`, typeName }] }
      expect(validateContent(odd)).toMatchObject({ ok: false, error: expect.stringContaining('not allowed') })
    }
  })

  it('refuses what is not {schema, records[]}, twice the same id, and too much', () => {
    const { doc } = roomWithFrame()
    const read = serverRead(doc)
    for (const bad of [
      null,
      'x',
      [],
      {},
      { schema: read.schema },
      { records: read.records },
      { ...read, records: {} },
    ]) {
      expect(validateContent(bad)).toMatchObject({ ok: false })
    }
    expect(validateContent({ ...read, records: [...read.records, read.records[1]] })).toMatchObject({
      ok: false,
      error: expect.stringContaining('twice'),
    })
    const many = Array.from({ length: MAX_CONTENT_RECORDS + 1 }, (_, i) =>
      noteRecord({ id: `shape:m${i}`, parentId: FRAME, x: 0, y: 0, text: '' }),
    )
    expect(validateContent({ ...read, records: [read.records[0], ...many] })).toMatchObject({
      ok: false,
      error: expect.stringContaining('5000'),
    })
    // Under 5,000 records but over 4 MB: long texts.
    const long = Array.from({ length: 5 }, (_, i) =>
      noteRecord({ id: `shape:l${i}`, parentId: FRAME, x: 0, y: 0, text: 'é'.repeat(450_000) }),
    )
    expect(validateContent({ ...read, records: [read.records[0], ...long] })).toMatchObject({
      ok: false,
      error: expect.stringContaining('bytes'),
    })
  })

  it('refuses content that is not one frame: two outermost shapes, a binding to a shape outside', () => {
    const { doc } = roomWithFrame()
    const read = serverRead(doc)
    const loose = noteRecord({ id: 'shape:loose', parentId: SEED_PAGE_ID, x: 0, y: 0, text: 'los' })
    expect(validateContent({ ...read, records: [...read.records, loose] })).toMatchObject({ ok: false })
    const all = readRecords(doc)
    const outward = { ...read, records: [...read.records, all.get('binding:out')] }
    expect(validateContent(outward)).toMatchObject({ ok: false, error: expect.stringContaining('binding:out') })
    // A note on its own is not a frame's content.
    const note = { ...(all.get('shape:n1') as object), parentId: SEED_PAGE_ID }
    expect(validateContent({ ...read, records: [note] })).toMatchObject({
      ok: false,
      error: expect.stringContaining('not a frame'),
    })
  })

  it('refuses a newer or unknown schema, and one that is not a schema', () => {
    const { doc } = roomWithFrame()
    const read = serverRead(doc)
    const current = serverSchema().serialize()
    const note = `com.tldraw.shape.note`
    const newer = { ...current, sequences: { ...current.sequences, [note]: (current.sequences[note] ?? 0) + 1 } }
    expect(validateContent({ ...read, schema: newer })).toMatchObject({
      ok: false,
      error: expect.stringContaining('newer'),
    })
    const unknown = { ...current, sequences: { ...current.sequences, 'com.example.shape.sticker': 1 } }
    expect(validateContent({ ...read, schema: unknown })).toMatchObject({ ok: false })
    expect(validateContent({ ...read, schema: { schemaVersion: 3, sequences: {} } })).toMatchObject({ ok: false })
    expect(validateContent({ ...read, schema: { hallo: 1 } })).toMatchObject({ ok: false })
  })
})

describe('content written under an older schema', () => {
  // Until issue 6 an indicator card also held the Dutch text of its reason (cards/migrations.ts).
  const INDICATOR_SEQUENCE = `com.tldraw.shape.${INDICATOR_CARD}`
  const olderSchema = () => {
    const current = serverSchema().serialize()
    return { ...current, sequences: { ...current.sequences, [INDICATOR_SEQUENCE]: 0 } }
  }
  /** A room no browser has opened since: its records and stored schema as an older client left them. */
  function olderRoom() {
    const doc = new Y.Doc()
    const { store } = browser(new Y.Doc())
    const frame = shape(store, {
      id: FRAME,
      type: 'frame',
      parentId: SEED_PAGE_ID,
      props: { w: 600, h: 400, name: 'Prototype', color: 'black' },
    })
    const current = shape(store, {
      id: 'shape:card',
      type: INDICATOR_CARD,
      parentId: FRAME,
      props: { ...INDICATOR_CARD_SIZE, ...inwonersSnapshot, value: null, reason: 'too-small' },
    })
    const stored = { ...current, props: { ...current.props, reasonText: 'te klein om te tonen' } }
    doc.transact(() => {
      doc.getMap(META_MAP).set(SCHEMA_FIELD, olderSchema())
      getRecordMap(doc).set(frame.id, frame)
      getRecordMap(doc).set(stored.id, stored)
    })
    return doc
  }

  it('is migrated to the current schema before it is checked and stored', () => {
    const read = serverRead(olderRoom())
    expect(read.records[1]).toMatchObject({ props: { reasonText: 'te klein om te tonen' } })
    const checked = validateContent(read)
    expect(checked).toMatchObject({ ok: true, content: { schema: serverSchema().serialize() } })
    if (!checked.ok) return
    expect(checked.content.records[1]).toMatchObject({ props: { reason: 'too-small' } })
    expect(checked.content.records[1]).not.toHaveProperty('props.reasonText')
    // The room's own records are left as they were.
    expect(read.records[1]).toHaveProperty('props.reasonText')
  })

  it('is migrated through its stored schema when restored, and a browser loads the result', () => {
    const restored = contentForRestore(serverRead(olderRoom()), {
      newId: counter(),
      pageId: SEED_PAGE_ID,
      x: 0,
      y: 0,
      index: 'a9',
    })
    expect(restored[1]).toMatchObject({ type: INDICATOR_CARD, props: { reason: 'too-small' } })
    expect(restored[1]).not.toHaveProperty('props.reasonText')
  })
})

function counter(prefix = 'r') {
  let n = 0
  return () => `${prefix}${++n}`
}

describe('contentForRestore', () => {
  it('gives every record a new id, puts the frame on the page, and bindings, parents and pictures follow', () => {
    const { doc } = roomWithFrame()
    const checked = validateContent(serverRead(doc))
    if (!checked.ok) throw new Error(checked.error)
    const original = checked.content
    const restored = contentForRestore(original, {
      newId: counter(),
      pageId: SEED_PAGE_ID,
      x: 1500,
      y: 200,
      index: 'a8',
    })
    expect(restored).toHaveLength(original.records.length)
    const before = new Set(ids(original.records))
    expect(ids(restored).every((id) => !before.has(id))).toBe(true)
    expect(new Set(ids(restored)).size).toBe(restored.length)
    const [frame] = restored
    expect(frame).toMatchObject({ type: 'frame', parentId: SEED_PAGE_ID, x: 1500, y: 200, index: 'a8' })
    // Pair each restored record with its original by lineage (shapes) or position (others).
    const byLineage = new Map(
      restored.filter((r) => r.typeName === 'shape').map((r) => [(r.meta as { lineage: string }).lineage, r]),
    )
    expect([...byLineage.keys()].sort()).toEqual(
      original.records
        .filter((r) => r.typeName === 'shape')
        .map((r) => r.id)
        .sort(),
    )
    const newIdOf = (id: string) => restored[original.records.findIndex((r) => r.id === id)].id
    expect(byLineage.get('shape:n3')).toMatchObject({ parentId: newIdOf('shape:group'), x: 0, y: 400 })
    expect(byLineage.get('shape:n1')).toMatchObject({
      parentId: frame.id,
      props: { richText: richText('Koffie op school') },
    })
    expect(byLineage.get('shape:photo')).toMatchObject({ props: { assetId: newIdOf('asset:photo') } })
    expect(restored.find((r) => r.id === newIdOf('asset:photo'))).toMatchObject({ typeName: 'asset', type: 'image' })
    expect(restored.find((r) => r.id === newIdOf('binding:start'))).toMatchObject({
      fromId: newIdOf('shape:arrow'),
      toId: newIdOf('shape:n1'),
      props: { terminal: 'start' },
    })
    expect(restored.find((r) => r.id === newIdOf('binding:end'))).toMatchObject({
      fromId: newIdOf('shape:arrow'),
      toId: newIdOf('shape:n2'),
    })
  })

  it('keeps the first lineage across restores, and never uses an id the room or the content has', () => {
    const { doc } = roomWithFrame()
    const first = contentForRestore(serverRead(doc), {
      newId: counter('a'),
      pageId: SEED_PAGE_ID,
      x: 0,
      y: 0,
      index: 'a8',
    })
    const again = contentForRestore(
      { schema: serverSchema().serialize(), records: first },
      // Hands out the first restore's ids, then ids the room has, before fresh ones.
      { newId: counter('a'), pageId: SEED_PAGE_ID, x: 0, y: 0, index: 'a9', exists: (id) => id.endsWith(':a20') },
    )
    const taken = new Set([...ids(first), 'shape:a20', 'binding:a20', 'asset:a20'])
    expect(ids(again).some((id) => taken.has(id))).toBe(false)
    const lineages = (records: TLRecord[]) =>
      records.filter((r) => r.typeName === 'shape').map((r) => (r.meta as { lineage: string }).lineage)
    expect(lineages(again)).toEqual(lineages(first))
    expect(lineages(again)).toContain('shape:n1')
  })

  it('writes records that a browser in the room takes as they are, beside the original frame', () => {
    const a = roomWithFrame()
    const restored = contentForRestore(serverRead(a.doc), {
      newId: counter(),
      pageId: SEED_PAGE_ID,
      x: 1500,
      y: 200,
      index: 'a8',
    })
    writeRecords(a.doc, readRecords(a.doc), restored)
    const b = browser()
    syncDocs(a.doc, b.doc)
    expect(b.warn).not.toHaveBeenCalled()
    expect(a.warn).not.toHaveBeenCalled()
    for (const record of restored) expect(b.store.get(record.id)).toEqual(record)
    // The original is untouched.
    expect(b.store.get('shape:n1' as TLShape['id'])).toMatchObject({ parentId: FRAME })
  })

  it('refuses content that does not pass validateContent, and a bad page or index', () => {
    const { doc } = roomWithFrame()
    const read = serverRead(doc)
    const to = { newId: counter(), pageId: SEED_PAGE_ID, x: 0, y: 0, index: 'a8' }
    expect(() => contentForRestore({ records: read.records }, to)).toThrow(/cannot restore/)
    expect(() => contentForRestore(read, { ...to, index: 'a10' })).toThrow()
  })
})

/**
 * What `editor.getContentFromCurrentPage([frameId])` gives, made from the browser's store the way
 * tldraw 5.4 makes it (Editor.getContentFromCurrentPage): the frame in page space on the page,
 * everything inside as stored, bindings with both ends inside; an arrow bound to a shape
 * outside loses that binding and has its end rewritten to where it points.
 */
function browserContent(store: TLStore, frameId = FRAME) {
  const all = store.allRecords()
  const inside = new Set<string>([frameId])
  for (let grew = true; grew;) {
    grew = false
    for (const r of all) {
      if (r.typeName === 'shape' && !inside.has(r.id) && inside.has(r.parentId)) {
        inside.add(r.id)
        grew = true
      }
    }
  }
  const cut = all.filter(
    (r) => r.typeName === 'binding' && inside.has(r.fromId) !== inside.has(r.toId) && inside.has(r.fromId),
  )
  const shapes = all
    .filter((r): r is TLShape => r.typeName === 'shape' && inside.has(r.id))
    .map((s) => {
      if (s.id === frameId) return { ...s, x: s.x + 5, y: s.y, parentId: SEED_PAGE_ID }
      if (cut.some((b) => b.typeName === 'binding' && b.fromId === s.id)) {
        return { ...s, props: { ...s.props, end: { x: 1234, y: 56 } } } as TLShape
      }
      return s
    })
  return {
    schema: store.schema.serialize(),
    shapes,
    rootShapeIds: [frameId],
    bindings: all.filter((r) => r.typeName === 'binding' && inside.has(r.fromId) && inside.has(r.toId)),
    assets: all.filter((r) => r.typeName === 'asset'),
  }
}

describe('sameFrameContent', () => {
  it('is true when the browser shows what the room holds, whatever its page position, meta or cut arrows', () => {
    const a = roomWithFrame()
    expect(sameFrameContent(browserContent(a.store), serverRead(a.doc))).toBe(true)
    // The server mirrors a link into the frame's meta before the browser has it.
    const read = serverRead(a.doc)
    const linked = {
      ...read,
      records: read.records.map((r) =>
        (r as { id: string }).id === FRAME ? { ...(r as object), meta: { interventionId: 'iv1' }, index: 'z9' } : r,
      ),
    }
    expect(sameFrameContent(browserContent(a.store), linked)).toBe(true)
    const checked = validateContent(read)
    expect(checked.ok && sameFrameContent(browserContent(a.store), checked.content)).toBe(true)
  })

  it('is false when someone changed a note, moved one inside the frame, or added or removed a shape or binding', () => {
    const a = roomWithFrame()
    const seen = browserContent(a.store)
    const b = browser()
    syncDocs(a.doc, b.doc)
    const note = b.store.get('shape:n2' as TLShape['id'])!
    const changes: Array<() => void> = [
      () => b.store.put([{ ...note, props: { ...note.props, richText: richText('Elke maandag') } } as TLShape]),
      () => b.store.put([{ ...note, x: note.x + 10 }]),
      () => b.store.put([noteRecord({ id: 'shape:n9', parentId: FRAME, x: 0, y: 0, text: 'Nieuw' }) as TLShape]),
      () => b.store.remove(['binding:start' as TLRecord['id']]),
    ]
    for (const change of changes) {
      const c = browser()
      syncDocs(a.doc, c.doc)
      change.call(null)
      flush(b.store)
      syncDocs(b.doc, c.doc)
      expect(sameFrameContent(seen, serverRead(c.doc))).toBe(false)
      // Back to how the browser saw it, for the next change.
      b.store.put([note])
      if (!b.store.has('binding:start' as TLRecord['id']))
        b.store.put([a.store.get('binding:start' as TLRecord['id'])!])
      if (b.store.has('shape:n9' as TLShape['id'])) b.store.remove(['shape:n9' as TLShape['id']])
      flush(b.store)
      syncDocs(b.doc, c.doc)
      expect(sameFrameContent(seen, serverRead(c.doc))).toBe(true)
    }
  })

  it('is false for what is not a browser content', () => {
    const a = roomWithFrame()
    for (const odd of [null, {}, { shapes: 'x' }, { ...browserContent(a.store), schema: { hallo: 1 } }]) {
      expect(sameFrameContent(odd, serverRead(a.doc))).toBe(false)
    }
  })
})
