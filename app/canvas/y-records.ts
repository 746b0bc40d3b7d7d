import { YKeyValue } from 'y-utility/y-keyvalue'
import type * as Y from 'yjs'

/**
 * Where tldraw records live inside the Y.Doc. Two representations sit behind one small interface
 * so that the benchmark (e2e/load/doc-growth.ts) can run the real binding against both; the app
 * uses `ykeyvalue` (see docs/decisions/003-tldraw-yjs-binding.md for the measurements).
 */
export type RecordRepresentation = 'ykeyvalue' | 'ymap'

/** Name of the shared type holding the records, per representation. */
export const RECORDS_KEY: Record<RecordRepresentation, string> = {
  ykeyvalue: 'tl_records',
  ymap: 'tl_records_map',
}

/** A record change as seen from the doc: the new value, or `undefined` when it was deleted. */
export type RecordChanges = Map<string, { value: unknown } | undefined>

export interface YRecordMap {
  readonly representation: RecordRepresentation
  get(id: string): unknown
  has(id: string): boolean
  set(id: string, value: unknown): void
  delete(id: string): void
  entries(): Array<[string, unknown]>
  /** Calls back after every doc transaction that changed records, with that transaction's origin. */
  onChange(cb: (changes: RecordChanges, origin: unknown) => void): () => void
}

export function getRecordMap(doc: Y.Doc, representation: RecordRepresentation = 'ykeyvalue'): YRecordMap {
  return representation === 'ykeyvalue' ? keyValueRecords(doc) : mapRecords(doc)
}

function keyValueRecords(doc: Y.Doc): YRecordMap {
  const yarray = doc.getArray<{ key: string; val: unknown }>(RECORDS_KEY.ykeyvalue)
  // YKeyValue de-duplicates keys written concurrently (rightmost wins) and keeps a key → entry map.
  const kv = new YKeyValue<unknown>(yarray)
  return {
    representation: 'ykeyvalue',
    get: (id) => kv.get(id),
    has: (id) => kv.has(id),
    set: (id, value) => kv.set(id, value),
    delete: (id) => kv.delete(id),
    entries: () => [...kv.map.entries()].map(([key, entry]) => [key, entry.val]),
    onChange(cb) {
      const handler = (
        changes: Map<string, { action: 'add' | 'update' | 'delete'; newValue?: unknown }>,
        tr: Y.Transaction,
      ) => {
        const out: RecordChanges = new Map()
        for (const [key, change] of changes) {
          out.set(key, change.action === 'delete' ? undefined : { value: change.newValue })
        }
        cb(out, tr.origin)
      }
      kv.on('change', handler)
      return () => kv.off('change', handler)
    },
  }
}

function mapRecords(doc: Y.Doc): YRecordMap {
  const ymap = doc.getMap<unknown>(RECORDS_KEY.ymap)
  return {
    representation: 'ymap',
    get: (id) => ymap.get(id),
    has: (id) => ymap.has(id),
    set: (id, value) => ymap.set(id, value),
    delete: (id) => ymap.delete(id),
    entries: () => [...ymap.entries()],
    onChange(cb) {
      const handler = (event: Y.YMapEvent<unknown>, tr: Y.Transaction) => {
        const out: RecordChanges = new Map()
        for (const [key, change] of event.changes.keys) {
          out.set(key, change.action === 'delete' ? undefined : { value: ymap.get(key) })
        }
        cb(out, tr.origin)
      }
      ymap.observe(handler)
      return () => ymap.unobserve(handler)
    },
  }
}
