/**
 * Where a werksessie's canvas lives inside its Y.Doc: the contract between the browser binding
 * (app/canvas/yjs-binding.ts), the server's writes and checks (app/rooms/, votes, history) and
 * any raw Yjs client (docs/collab-protocol.md, "The canvas document"). Framework-free: only Yjs.
 *
 * - `tl_records` (Y.Array of `{ key, val }`, the y-utility YKeyValue layout): one entry per
 *   tldraw record, `key` = record id, `val` = the record as JSON. Writing a record appends an
 *   entry and deletes the key's older one; when two clients wrote a key concurrently, the
 *   rightmost entry wins and clients delete the others (a "duplicate clean-up").
 * - `tl_meta` (Y.Map): `schema`, the tldraw SerializedSchema the records were written with.
 */
export const RECORDS_ARRAY = 'tl_records'
export const META_MAP = 'tl_meta'
export const SCHEMA_FIELD = 'schema'

/** One entry of the records array. */
export interface RecordEntry {
  key: string
  val: unknown
}

/** The fields every tldraw record has, and those the permission rules read. */
export interface RecordLike {
  id: string
  typeName: string
  /** shapes and bindings: their kind (`note`, `frame`, `arrow`, …) */
  type?: string
  /** shapes: the page or shape (frame, group) they sit in */
  parentId?: string
  /** bindings: the shape it starts from and the one it points to */
  fromId?: string
  toId?: string
  meta?: { createdBy?: unknown } & Record<string, unknown>
}

export function isRecordLike(value: unknown): value is RecordLike {
  if (!value || typeof value !== 'object') return false
  const v = value as Partial<RecordLike>
  return typeof v.id === 'string' && typeof v.typeName === 'string'
}

export function isEntry(value: unknown): value is RecordEntry {
  return !!value && typeof value === 'object' && typeof (value as RecordEntry).key === 'string'
}

/** Who made a record, as its creator's browser stamped it (the server checks it; record_owners decides). */
export const createdByOf = (record: unknown): unknown =>
  isRecordLike(record) ? (record.meta as Record<string, unknown> | undefined)?.createdBy : undefined

/** Deep equality of JSON values (records are plain JSON; key order does not matter). */
export function sameJson(a: unknown, b: unknown): boolean {
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
