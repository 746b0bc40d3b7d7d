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

/**
 * Makes the doc hold exactly `target` (record id → record), in one transaction: every record that
 * differs is written, every record not in `target` is deleted, and records that are already equal
 * are left alone, so what other clients receive is only the difference. Used to restore a moment
 * of a room's history. Works on the layout directly instead of through a YKeyValue, whose
 * observer would stay on a live server doc for good.
 */
export function replaceRecords(
  doc: Y.Doc,
  target: Map<string, unknown>,
  representation: RecordRepresentation = 'ykeyvalue',
): { written: number; deleted: number } {
  let written = 0
  let deleted = 0
  doc.transact(() => {
    if (representation === 'ymap') {
      const ymap = doc.getMap<unknown>(RECORDS_KEY.ymap)
      for (const key of [...ymap.keys()]) {
        if (!target.has(key)) {
          ymap.delete(key)
          deleted++
        }
      }
      for (const [key, val] of target) {
        if (ymap.has(key) && sameJson(ymap.get(key), val)) continue
        ymap.set(key, val)
        written++
      }
      return
    }
    const yarray = doc.getArray<{ key: string; val: unknown }>(RECORDS_KEY.ykeyvalue)
    const entries = yarray.toArray()
    const unchanged = new Set<string>()
    const seen = new Set<string>()
    // Right to left: a key's rightmost entry is its value (YKeyValue's rule); entries further
    // left are duplicates that YKeyValue would remove anyway.
    for (let i = entries.length - 1; i >= 0; i--) {
      const { key, val } = entries[i]
      const current = !seen.has(key)
      seen.add(key)
      if (current && target.has(key) && sameJson(val, target.get(key))) {
        unchanged.add(key)
        continue
      }
      yarray.delete(i, 1)
      if (current && !target.has(key)) deleted++
    }
    const missing = [...target].filter(([key]) => !unchanged.has(key)).map(([key, val]) => ({ key, val }))
    if (missing.length > 0) yarray.push(missing)
    written = missing.length
  })
  return { written, deleted }
}

/** Deep equality of JSON values (records are plain JSON; key order does not matter). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  return ka.every(
    (k) => Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  )
}

/**
 * The doc's current records (id → record) read from the layout directly, like replaceRecords
 * writes it: for a server-side read of a live room, where a YKeyValue's observer would stay on
 * the doc for good. In the `ykeyvalue` layout a key's rightmost entry is its value.
 */
export function readRecords(doc: Y.Doc, representation: RecordRepresentation = 'ykeyvalue'): Map<string, unknown> {
  if (representation === 'ymap') return new Map(doc.getMap<unknown>(RECORDS_KEY.ymap).entries())
  const out = new Map<string, unknown>()
  for (const { key, val } of doc.getArray<{ key: string; val: unknown }>(RECORDS_KEY.ykeyvalue).toArray()) {
    out.set(key, val)
  }
  return out
}

/**
 * Sets some records (id → new record) in one transaction and leaves every other record alone;
 * for server writes such as a vote's counts on its notes. Records that are already equal are
 * not written, so clients receive only what changed.
 */
export function writeRecords(
  doc: Y.Doc,
  changes: Map<string, unknown>,
  representation: RecordRepresentation = 'ykeyvalue',
): number {
  const current = readRecords(doc, representation)
  const changed = [...changes].filter(([key, val]) => !current.has(key) || !sameJson(current.get(key), val))
  if (changed.length === 0) return 0
  doc.transact(() => {
    if (representation === 'ymap') {
      const ymap = doc.getMap<unknown>(RECORDS_KEY.ymap)
      for (const [key, val] of changed) ymap.set(key, val)
      return
    }
    const yarray = doc.getArray<{ key: string; val: unknown }>(RECORDS_KEY.ykeyvalue)
    const keys = new Set(changed.map(([key]) => key))
    const entries = yarray.toArray()
    for (let i = entries.length - 1; i >= 0; i--) if (keys.has(entries[i].key)) yarray.delete(i, 1)
    yarray.push(changed.map(([key, val]) => ({ key, val })))
  })
  return changed.length
}
