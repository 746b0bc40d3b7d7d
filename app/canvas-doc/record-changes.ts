/**
 * Which tldraw records a Yjs update changes, read from the update as the room server decoded it
 * (never decoded again) and the room's document as it is before the update. The permission rules
 * (app/rooms/permissions.ts) judge the result; see docs/collab-protocol.md, "Permissions".
 *
 * In the records layout (layout.ts) an update can do three things to a record:
 * - insert an entry `{ key, val }` (an Item with ContentAny in `tl_records`): create or change it;
 * - delete the entry that is the key's current value, without a new one: delete the record;
 * - delete an entry that is not its key's current value: a YKeyValue duplicate clean-up after
 *   concurrent writes, which changes nothing anyone sees (and must pass, or honest clients would
 *   be refused after every concurrent edit).
 */
import * as Y from 'yjs'
import { isEntry, META_MAP, RECORDS_ARRAY } from './layout'

/** The update as the room server decoded it (server/collab/update-check.ts, DecodedUpdate). */
export interface DecodedUpdateLike {
  structs: (Y.Item | Y.GC | Y.Skip)[]
  ds: { clients: Map<number, { clock: number; len: number }[]> }
}

export interface RecordChanges {
  /** key -> the value the update writes (the last entry it adds for that key) */
  writes: Map<string, unknown>
  /** key -> the value it had, for records whose current entry the update deletes and does not write again */
  deletes: Map<string, unknown>
  /** key -> the value it had, for written records whose current entry the update replaces */
  replaced: Map<string, unknown>
  /** deleted entries that were not their key's current value */
  cleanups: number
  /** `tl_meta` fields the update sets */
  meta: Map<string, unknown>
  /** what falls outside the layout (other types, nested types, odd content, deleted meta), described */
  foreign: string[]
}

/** A live entry of the document's records array. */
interface DocEntry {
  key: string
  val: unknown
  item: Y.Item
  offset: number
}

/**
 * The records of a document, current value per key (the rightmost live entry), made by one walk
 * of the array when first asked, since most checks never need it.
 */
export class DocRecords {
  private index: Map<string, DocEntry> | null = null
  private types: Map<string, number> | null = null

  constructor(readonly doc: Y.Doc) {}

  private build(): Map<string, DocEntry> {
    if (this.index) return this.index
    const index = new Map<string, DocEntry>()
    const types = new Map<string, number>()
    let item = this.doc.getArray(RECORDS_ARRAY)._start
    while (item) {
      if (!item.deleted && item.content instanceof Y.ContentAny) {
        item.content.arr.forEach((val, offset) => {
          if (isEntry(val)) index.set(val.key, { key: val.key, val: val.val, item: item!, offset })
        })
      }
      item = item.right
    }
    for (const entry of index.values()) {
      const typeName = (entry.val as { typeName?: unknown } | null)?.typeName
      if (typeof typeName === 'string') types.set(typeName, (types.get(typeName) ?? 0) + 1)
    }
    this.types = types
    this.index = index
    return index
  }

  /** The record's value now, or undefined if the document has none. */
  get(key: string): unknown {
    return this.build().get(key)?.val
  }

  has(key: string): boolean {
    return this.build().has(key)
  }

  /** How many records of a type name (e.g. `page`) the document holds. */
  countOf(typeName: string): number {
    this.build()
    return this.types!.get(typeName) ?? 0
  }

  /** Whether this entry (item and position in it) is its key's current value. */
  isCurrent(key: string, item: Y.Item, offset: number): boolean {
    const entry = this.build().get(key)
    return !!entry && entry.item === item && entry.offset === offset
  }
}

const NESTED = '\0nested'

/**
 * Reads what an update does to the records of `doc` (before it is applied). With `writesOnly`
 * the delete set is not read (a facilitator's update: only what it creates is recorded), which
 * spares the walk over all records that telling a delete from a clean-up needs.
 */
export function recordChanges(
  decoded: DecodedUpdateLike,
  doc: Y.Doc,
  options: { records?: DocRecords; writesOnly?: boolean } = {},
): RecordChanges {
  const records = options.records ?? new DocRecords(doc)
  const store = doc.store
  const recordsArray = doc.getArray(RECORDS_ARRAY)
  const metaMap = doc.getMap(META_MAP)
  const out: RecordChanges = {
    writes: new Map(),
    deletes: new Map(),
    replaced: new Map(),
    cleanups: 0,
    meta: new Map(),
    foreign: [],
  }
  const byClient = new Map<number, Y.Item[]>()
  for (const s of decoded.structs) {
    if (!(s instanceof Y.Item)) continue
    const list = byClient.get(s.id.client)
    if (list) list.push(s)
    else byClient.set(s.id.client, [s])
  }
  const parents = new Map<Y.Item, string | null>()
  const rootName = (type: unknown): string | null => {
    if (!(type instanceof Y.AbstractType)) return null
    if (type._item) return NESTED
    for (const [name, shared] of doc.share) if (shared === type) return name
    return null
  }
  const inUpdate = (id: Y.ID): Y.Item | undefined => {
    const list = byClient.get(id.client)
    if (!list) return undefined
    let lo = 0
    let hi = list.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const s = list[mid]
      if (id.clock < s.id.clock) hi = mid - 1
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1
      else return s
    }
    return undefined
  }
  // An item sent with an origin carries no parent: it has its origin's. Followed without
  // recursion (a chain of thousands of items is an ordinary paste).
  const parentOf = (start: Y.Item): string | null => {
    const chain: Y.Item[] = []
    let s: Y.Item | undefined = start
    let found: string | null = null
    while (s) {
      const known = parents.get(s)
      if (known !== undefined) {
        found = known
        break
      }
      chain.push(s)
      if (typeof s.parent === 'string') {
        found = s.parent
        break
      }
      if (s.parent instanceof Y.ID) {
        found = NESTED
        break
      }
      const ref: Y.ID | null = s.origin ?? s.rightOrigin
      if (!ref) break
      if (ref.clock >= Y.getState(store, ref.client)) {
        s = inUpdate(ref)
        continue
      }
      const target = Y.getItem(store, ref)
      found = target instanceof Y.Item ? rootName(target.parent) : null
      break
    }
    for (const item of chain) parents.set(item, found)
    return found
  }

  for (const s of decoded.structs) {
    if (!(s instanceof Y.Item)) continue
    const known = Y.getState(store, s.id.client)
    if (s.id.clock + s.length <= known) continue // the room has it: Yjs skips it
    const from = Math.max(0, known - s.id.clock)
    const parent = parentOf(s)
    if (parent === null) continue // its parent is gone: Yjs drops it
    const content = s.content
    if (content instanceof Y.ContentDeleted) continue
    if (parent === RECORDS_ARRAY && s.parentSub === null) {
      if (!(content instanceof Y.ContentAny)) {
        out.foreign.push(`records: ${content.constructor.name}`)
        continue
      }
      for (let i = from; i < content.arr.length; i++) {
        const entry = content.arr[i]
        if (Y.isDeleted(decoded.ds as Parameters<typeof Y.isDeleted>[0], Y.createID(s.id.client, s.id.clock + i)))
          continue
        if (!isEntry(entry)) out.foreign.push('records: an entry without a key')
        else {
          out.writes.delete(entry.key) // keeps the order of last writes
          out.writes.set(entry.key, entry.val)
        }
      }
    } else if (parent === META_MAP && s.parentSub !== null && content instanceof Y.ContentAny) {
      out.meta.set(s.parentSub, content.arr[content.arr.length - 1])
    } else {
      out.foreign.push(parent === NESTED ? 'nested type' : `${parent}${s.parentSub ? `.${s.parentSub}` : ''}`)
    }
  }

  if (options.writesOnly) return out
  const removed: DocEntry[] = []
  for (const [client, ranges] of decoded.ds.clients) {
    const state = Y.getState(store, client)
    for (const range of ranges) {
      const end = Math.min(range.clock + range.len, state)
      let clock = range.clock
      while (clock < end) {
        const struct = Y.getItem(store, Y.createID(client, clock))
        const next = struct.id.clock + struct.length
        if (struct instanceof Y.Item && !struct.deleted) {
          if (struct.parent === recordsArray && struct.content instanceof Y.ContentAny) {
            const last = Math.min(end, next) - struct.id.clock
            for (let offset = clock - struct.id.clock; offset < last; offset++) {
              const entry = struct.content.arr[offset]
              if (isEntry(entry)) removed.push({ key: entry.key, val: entry.val, item: struct, offset })
            }
          } else if (struct.parent === metaMap) out.foreign.push(`deleted ${META_MAP}.${struct.parentSub}`)
          else if (!(struct.content instanceof Y.ContentDeleted))
            out.foreign.push('deleted content outside the records')
        }
        clock = next
      }
    }
  }
  for (const entry of removed) {
    if (!records.isCurrent(entry.key, entry.item, entry.offset)) out.cleanups++
    else if (out.writes.has(entry.key)) out.replaced.set(entry.key, entry.val)
    else out.deletes.set(entry.key, entry.val)
  }
  return out
}
