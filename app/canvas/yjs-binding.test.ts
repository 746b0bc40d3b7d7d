import { TLDOCUMENT_ID, type TLRecord } from 'tldraw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { connectDocs, documentRecords, geoShape, makeStore, syncDocs } from './test-support'
import { getRecordMap } from './y-records'
import { META_KEY, SEED_PAGE_ID, bindStoreToYDoc, type BindOptions } from './yjs-binding'

const cleanups: Array<() => void> = []
afterEach(() => cleanups.splice(0).forEach((f) => f()))

function client(opts: Partial<BindOptions> = {}) {
  const doc = new Y.Doc()
  const store = makeStore()
  const warn = vi.fn()
  const binding = bindStoreToYDoc({ store, doc, warn, ...opts })
  cleanups.push(() => binding.destroy())
  return { doc, store, binding, warn }
}

const pages = (records: TLRecord[]) => records.filter((r) => r.typeName === 'page')

describe('bindStoreToYDoc', () => {
  it('two clients seeding an empty room end with one document and one page', () => {
    const a = client()
    const b = client()
    a.binding.seedIfEmpty()
    b.binding.seedIfEmpty()
    syncDocs(a.doc, b.doc)

    for (const c of [a, b]) {
      const records = documentRecords(c.store)
      expect(records.filter((r) => r.id === TLDOCUMENT_ID)).toHaveLength(1)
      expect(pages(records).map((p) => p.id)).toEqual([SEED_PAGE_ID])
      expect(getRecordMap(c.doc).entries()).toHaveLength(2)
    }
    expect(documentRecords(a.store)).toEqual(documentRecords(b.store))
  })

  it('does not seed over a page that is already in the doc', () => {
    const a = client()
    a.binding.seedIfEmpty()
    a.store.put([{ ...a.store.get(SEED_PAGE_ID)!, name: 'Onze wijk' }])
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(a.doc))
    const b = client({ doc })
    b.binding.seedIfEmpty()
    expect(pages(documentRecords(b.store))).toEqual([expect.objectContaining({ name: 'Onze wijk' })])
  })

  it('converges after concurrent edits of the same and of different shapes', () => {
    const a = client()
    const b = client()
    a.binding.seedIfEmpty()
    syncDocs(a.doc, b.doc)
    b.binding.seedIfEmpty()

    a.store.put([geoShape('one', 0, 0)])
    syncDocs(a.doc, b.doc)
    expect(b.store.get(geoShape('one').id)).toBeDefined()

    // Offline from each other: both move "one", and each adds its own shape.
    a.store.put([{ ...a.store.get(geoShape('one').id)!, x: 100 } as TLRecord, geoShape('a-only', 5, 5)])
    b.store.put([{ ...b.store.get(geoShape('one').id)!, x: 200 } as TLRecord, geoShape('b-only', 7, 7)])
    b.store.remove([geoShape('a-only').id].filter((id) => b.store.has(id)))
    syncDocs(a.doc, b.doc)
    syncDocs(a.doc, b.doc)

    expect(documentRecords(a.store)).toEqual(documentRecords(b.store))
    const ids = documentRecords(a.store).map((r) => r.id)
    expect(ids).toEqual(expect.arrayContaining([geoShape('a-only').id, geoShape('b-only').id]))
    expect([100, 200]).toContain((a.store.get(geoShape('one').id) as { x: number }).x)
  })

  it('keeps two live-connected clients in step, deletes included', () => {
    const a = client()
    const b = client()
    cleanups.push(connectDocs(a.doc, b.doc))
    a.binding.seedIfEmpty()
    b.binding.seedIfEmpty()
    a.store.put([geoShape('x')])
    b.store.remove([geoShape('x').id])
    b.store.put([geoShape('y', 3, 4)])
    expect(documentRecords(a.store)).toEqual(documentRecords(b.store))
    expect(a.store.has(geoShape('x').id)).toBe(false)
    expect(pages(documentRecords(a.store))).toHaveLength(1)
  })

  it('drops an invalid remote record with a warning and still applies the valid ones', () => {
    const a = client()
    a.binding.seedIfEmpty()
    const raw = new Y.Doc()
    syncDocs(a.doc, raw)
    const bad = { ...geoShape('bad'), props: { ...geoShape('bad').props, w: 'wide' } }
    raw.transact(() => {
      getRecordMap(raw).set(bad.id, bad)
      getRecordMap(raw).set('shape:nope', { id: 'shape:other', typeName: 'shape' })
      getRecordMap(raw).set('instance:instance', { id: 'instance:instance', typeName: 'instance' })
      getRecordMap(raw).set(geoShape('good').id, geoShape('good', 1, 2))
    })
    syncDocs(a.doc, raw)

    expect(a.store.get(geoShape('good').id)).toMatchObject({ x: 1, y: 2 })
    expect(a.store.has(bad.id)).toBe(false)
    expect(a.warn).toHaveBeenCalledWith('[canvas] dropped malformed record from the doc', 'shape:nope')
    expect(a.warn).toHaveBeenCalledWith(
      '[canvas] dropped record of unknown or non-document type',
      'instance:instance',
      'instance',
    )
    expect(a.warn).toHaveBeenCalledWith('[canvas] dropped invalid record', bad.id, expect.any(String))
    expect(a.warn).toHaveBeenCalledTimes(3)
  })

  it('stores the tldraw schema in the doc', () => {
    const a = client()
    expect(a.doc.getMap(META_KEY).get('schema')).toEqual(a.store.schema.serialize())
  })

  it('does not echo remote changes back into the doc', () => {
    const a = client()
    const b = client()
    a.binding.seedIfEmpty()
    a.store.put([geoShape('one')])
    const localUpdates: unknown[] = []
    b.doc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin !== 'remote') localUpdates.push(origin)
    })
    syncDocs(a.doc, b.doc)
    expect(b.store.has(geoShape('one').id)).toBe(true)
    expect(localUpdates).toEqual([])
  })

  it('writes nothing into the doc when read-only, but still shows remote changes', () => {
    const a = client()
    const projector = client({ readOnly: true })
    a.binding.seedIfEmpty()
    syncDocs(a.doc, projector.doc)
    const before = Y.encodeStateVector(projector.doc)
    projector.store.put([geoShape('local')])
    projector.binding.seedIfEmpty()
    expect(Y.encodeStateVector(projector.doc)).toEqual(before)
    a.store.put([geoShape('remote')])
    syncDocs(a.doc, projector.doc)
    expect(projector.store.has(geoShape('remote').id)).toBe(true)
  })

  it('migrates records stored under an older schema and records the new schema', () => {
    const current = makeStore().schema.serialize()
    const old = { ...current, sequences: { ...current.sequences, 'com.tldraw.document': 1 } }
    const doc = new Y.Doc()
    doc.getMap(META_KEY).set('schema', old)
    getRecordMap(doc).set(TLDOCUMENT_ID, { id: TLDOCUMENT_ID, typeName: 'document', name: '', gridSize: 10 })

    const a = client({ doc })
    expect(a.binding.problem).toBeNull()
    expect(a.store.get(TLDOCUMENT_ID)).toMatchObject({ meta: {} })
    expect(getRecordMap(doc).get(TLDOCUMENT_ID)).toMatchObject({ meta: {} })
    expect(doc.getMap(META_KEY).get('schema')).toEqual(current)
  })

  it('refuses to write when the doc was written by a newer schema', () => {
    const a = client()
    const onProblem = vi.fn()
    const b = client({ onProblem })
    a.binding.seedIfEmpty()
    syncDocs(a.doc, b.doc)
    expect(b.binding.canWrite).toBe(true)

    const current = a.store.schema.serialize()
    a.doc.getMap(META_KEY).set('schema', {
      ...current,
      sequences: { ...current.sequences, 'com.tldraw.shape': current.sequences['com.tldraw.shape'] + 1 },
    })
    syncDocs(a.doc, b.doc)
    expect(onProblem).toHaveBeenCalledWith('newer-schema')
    expect(b.binding.canWrite).toBe(false)

    const before = Y.encodeStateVector(b.doc)
    b.store.put([geoShape('stale')])
    expect(Y.encodeStateVector(b.doc)).toEqual(before)
  })
})
