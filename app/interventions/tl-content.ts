/**
 * A prototype frame's tldraw content as the server keeps it in a saved version (issue 10, items 3
 * and 5): read from a room's records, checked against the tldraw schema, migrated, and placed back
 * on a canvas with fresh ids. Runs in plain Node: tldraw's own packages only, never `tldraw`
 * (React and the DOM). The schema is the browsers' schema (app/canvas/room-binding.ts): the
 * default shapes and bindings plus the two wijk cards, with the same props and migrations.
 *
 * Content is `{ schema, records }`: the serialized schema the records were written under, and
 * the frame (first), everything inside it at any depth, the arrow bindings between shapes inside
 * and the assets (pictures) its image and video shapes show.
 */
import type { SerializedSchema } from '@tldraw/store'
import {
  createTLSchema,
  defaultBindingSchemas,
  defaultShapeSchemas,
  type TLRecord,
  type TLSchema,
} from '@tldraw/tlschema'
import { sameJson } from '~/canvas-doc'
import { COCKTAIL_CARD, INDICATOR_CARD } from '~/canvas/cards/constants'
import { cocktailCardMigrations, indicatorCardMigrations } from '~/canvas/cards/migrations'
import { cocktailCardProps, indicatorCardProps } from '~/canvas/cards/shape-types'
import { compareStoredSchema } from '~/canvas/schema-compat'

/** A saved version holds at most this many records (a frame with a few thousand notes)… */
export const MAX_CONTENT_RECORDS = 5_000
/** …and at most this much JSON (UTF-8 bytes). */
export const MAX_CONTENT_BYTES = 4 * 1024 * 1024

/** The record types a frame's content may hold. */
const CONTENT_TYPES = new Set(['shape', 'binding', 'asset'])

export interface FrameContent {
  schema: SerializedSchema
  records: TLRecord[]
}

export type ContentCheck = { ok: true; content: FrameContent } | { ok: false; error: string }

let cached: TLSchema | undefined

/** The canvas's tldraw schema, as every browser of the app builds it. */
export function serverSchema(): TLSchema {
  cached ??= createTLSchema({
    shapes: {
      ...defaultShapeSchemas,
      [INDICATOR_CARD]: { props: indicatorCardProps, migrations: indicatorCardMigrations },
      [COCKTAIL_CARD]: { props: cocktailCardProps, migrations: cocktailCardMigrations },
    },
    bindings: defaultBindingSchemas,
  })
  return cached
}

// --- reading a frame from a room ------------------------------------------------------------

interface Loose {
  id: string
  typeName: string
  type?: unknown
  parentId?: unknown
  fromId?: unknown
  toId?: unknown
  props?: Record<string, unknown>
  meta?: Record<string, unknown>
  [field: string]: unknown
}

const isLoose = (value: unknown): value is Loose =>
  !!value &&
  typeof value === 'object' &&
  typeof (value as Loose).id === 'string' &&
  typeof (value as Loose).typeName === 'string'

const isShapeLike = (value: unknown): value is Loose => isLoose(value) && value.typeName === 'shape'

/**
 * The frame `frameId` and what belongs to it, from a room's records (canvas-writes.ts,
 * readRecords) and the schema stored beside them (`tl_meta.schema`), as they are: the frame keeps
 * its page, position and index, nothing is migrated or checked (validateContent does that).
 * Undefined when `frameId` is not a frame.
 */
export function frameContent(
  records: Map<string, unknown>,
  frameId: string,
  schema: unknown,
): { schema: unknown; records: unknown[] } | undefined {
  const frame = records.get(frameId)
  if (!isShapeLike(frame) || frame.type !== 'frame') return undefined
  // Children by parent, so the walk is one pass over the records plus one per shape inside.
  const children = new Map<string, Loose[]>()
  for (const value of records.values()) {
    if (!isShapeLike(value) || typeof value.parentId !== 'string') continue
    const list = children.get(value.parentId)
    if (list) list.push(value)
    else children.set(value.parentId, [value])
  }
  // Breadth first: a parent always comes before its children.
  const shapes: Loose[] = [frame]
  const inside = new Set([frame.id])
  for (let i = 0; i < shapes.length; i++) {
    for (const child of children.get(shapes[i].id) ?? []) {
      if (inside.has(child.id)) continue
      inside.add(child.id)
      shapes.push(child)
    }
  }
  const bindings: Loose[] = []
  for (const value of records.values()) {
    if (!isLoose(value) || value.typeName !== 'binding') continue
    if (inside.has(String(value.fromId)) && inside.has(String(value.toId))) bindings.push(value)
  }
  const assets: unknown[] = []
  const seen = new Set<string>()
  for (const shape of shapes) {
    const assetId = shape.props?.assetId
    if (typeof assetId !== 'string' || seen.has(assetId)) continue
    seen.add(assetId)
    const asset = records.get(assetId)
    if (isLoose(asset) && asset.typeName === 'asset') assets.push(asset)
  }
  return { schema, records: [...shapes, ...bindings, ...assets] }
}

// --- checking what is stored ----------------------------------------------------------------

/** Records written under `stored` brought to the current schema, or why they cannot be. */
function migrateToCurrent(
  stored: unknown,
  records: TLRecord[],
): { ok: true; records: TLRecord[] } | { ok: false; error: string } {
  const schema = serverSchema()
  const relation = compareStoredSchema({ schema }, stored)
  if (relation === 'missing') return { ok: false, error: 'schema: not a serialized tldraw schema' }
  if (relation === 'newer') return { ok: false, error: 'schema: newer than or unknown to this server' }
  if (relation === 'same') return { ok: true, records }
  const migrated = schema.migrateStoreSnapshot({
    store: Object.fromEntries(records.map((r) => [r.id, r])) as Record<TLRecord['id'], TLRecord>,
    schema: stored as SerializedSchema,
  })
  if (migrated.type === 'error') return { ok: false, error: `schema: could not migrate (${migrated.reason})` }
  // Migrations may drop records; those left keep their order.
  return { ok: true, records: records.map((r) => migrated.value[r.id]).filter((r): r is TLRecord => !!r) }
}

function byteLength(json: string): number {
  return new TextEncoder().encode(json).length
}

/**
 * Checks content before it is stored (a version's frame read from the room, an imported
 * version): `{schema, records[]}` of at most MAX_CONTENT_RECORDS records and MAX_CONTENT_BYTES of
 * JSON; only shapes, bindings and assets, each id once; records under an older schema are
 * migrated to the current one first (a newer or unknown schema is refused); then every record
 * must pass the schema's validators. It must also be one frame's content: exactly one shape
 * whose parent is not inside (the frame, which must be a `frame`), bindings with both ends
 * inside. The result, under the current schema, is what the server stores.
 */
export function validateContent(content: unknown): ContentCheck {
  if (!content || typeof content !== 'object' || Array.isArray(content)) {
    return { ok: false, error: 'content: expected {schema, records}' }
  }
  const { schema: stored, records } = content as { schema?: unknown; records?: unknown }
  if (!stored || typeof stored !== 'object' || !Array.isArray(records)) {
    return { ok: false, error: 'content: expected {schema, records}' }
  }
  if (records.length > MAX_CONTENT_RECORDS) {
    return { ok: false, error: `records: more than ${MAX_CONTENT_RECORDS}` }
  }
  let json: string
  try {
    json = JSON.stringify(content)
  } catch {
    return { ok: false, error: 'content: not JSON' }
  }
  // A string's length never exceeds its UTF-8 size: the cheap test first.
  if (json.length > MAX_CONTENT_BYTES || byteLength(json) > MAX_CONTENT_BYTES) {
    return { ok: false, error: `content: more than ${MAX_CONTENT_BYTES} bytes` }
  }
  const ids = new Set<string>()
  for (const [i, record] of records.entries()) {
    if (!isLoose(record)) return { ok: false, error: `records[${i}]: not a tldraw record` }
    if (!CONTENT_TYPES.has(record.typeName)) {
      return { ok: false, error: `records[${i}]: record type ${JSON.stringify(record.typeName)} is not allowed` }
    }
    if (ids.has(record.id)) return { ok: false, error: `records[${i}]: ${record.id} appears twice` }
    ids.add(record.id)
  }
  // The caller's objects stay as they are: migrations change records in place.
  const migrated = migrateToCurrent(stored, structuredClone(records) as TLRecord[])
  if (!migrated.ok) return migrated
  const schema = serverSchema()
  const valid: TLRecord[] = []
  for (const record of migrated.records) {
    try {
      valid.push(schema.validateRecord(null as never, record, 'createRecord', null))
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      return { ok: false, error: `${record.id}: ${reason}` }
    }
  }
  const structure = frameStructure(valid)
  if (typeof structure === 'string') return { ok: false, error: structure }
  return { ok: true, content: { schema: schema.serialize(), records: valid } }
}

/** The one frame the content is of, or what is wrong with its structure. */
function frameStructure(records: TLRecord[]): TLRecord | string {
  const shapeIds = new Set(records.filter((r) => r.typeName === 'shape').map((r) => r.id as string))
  const roots = records.filter((r) => r.typeName === 'shape' && !shapeIds.has(r.parentId))
  if (roots.length !== 1) return `records: expected one frame holding the rest, found ${roots.length} outermost shapes`
  const [root] = roots
  if (root.typeName !== 'shape' || root.type !== 'frame') return `${root.id}: the outermost shape is not a frame`
  for (const r of records) {
    if (r.typeName === 'binding' && !(shapeIds.has(r.fromId) && shapeIds.has(r.toId))) {
      return `${r.id}: binds a shape outside the frame`
    }
  }
  return root
}

// --- placing a version back ------------------------------------------------------------------

export interface RestoreTarget {
  /** a fresh random id (without the `shape:` / `binding:` / `asset:` prefix) */
  newId: () => string
  /** the page the frame goes on */
  pageId: string
  /** where the frame goes on the page */
  x: number
  y: number
  /** its index among the page's shapes (e.g. above all of them) */
  index: string
  /** ids already in the room, never to be used (every id of the content is avoided anyway) */
  exists?: (id: string) => boolean
}

/**
 * A stored version's records, ready to be written into a room as a new frame: migrated through
 * the stored schema to the current one; every id new (shapes, bindings, assets: parentId,
 * fromId/toId and props.assetId follow); the frame on `pageId` at x/y with `index`; and on every
 * shape `meta.lineage`, the id it had when first drawn (its lineage if it had one, else its id),
 * so a diff can pair shapes across restores. The links to the intervention (meta.interventionId,
 * meta.restoredFrom) are the caller's to set. Throws on content that does not pass validateContent.
 */
export function contentForRestore(content: unknown, target: RestoreTarget): TLRecord[] {
  const checked = validateContent(content)
  if (!checked.ok) throw new Error(`cannot restore: ${checked.error}`)
  const { records } = checked.content
  const root = frameStructure(records) as TLRecord
  const used = new Set(records.map((r) => r.id as string))
  const ids = new Map<string, string>()
  for (const record of records) {
    let id: string
    do id = `${record.typeName}:${target.newId()}`
    while (used.has(id) || target.exists?.(id))
    used.add(id)
    ids.set(record.id, id)
  }
  const follow = <T extends string>(id: T): T => (ids.get(id) ?? id) as T
  const schema = serverSchema()
  const restored = records.map((record): TLRecord => {
    const next = { ...record, id: follow(record.id) } as TLRecord
    if (next.typeName === 'shape' && record.typeName === 'shape') {
      const lineage = typeof record.meta.lineage === 'string' ? record.meta.lineage : record.id
      next.meta = { ...record.meta, lineage }
      if (record.id === root.id) {
        Object.assign(next, { parentId: target.pageId, x: target.x, y: target.y, index: target.index })
      } else {
        next.parentId = follow(record.parentId)
      }
      const props = record.props as { assetId?: unknown }
      if (typeof props.assetId === 'string') next.props = { ...record.props, assetId: follow(props.assetId) } as never
    }
    if (next.typeName === 'binding' && record.typeName === 'binding') {
      next.fromId = follow(record.fromId)
      next.toId = follow(record.toId)
    }
    // A bad page id or index is the caller's error, caught here rather than by every browser.
    return schema.validateRecord(null as never, next, 'createRecord', null)
  })
  // The frame first, as in stored content.
  return [restored[records.indexOf(root)], ...restored.filter((_, i) => records[i] !== root)]
}

// --- the browser's view against the server's read ------------------------------------------

type ShapeView = {
  id: string
  type: string
  parentId: string
  index: string
  x: number
  y: number
  rotation: number
  props: Record<string, unknown>
}
type BindingView = { id: string; type: string; fromId: string; toId: string; props: unknown }

/** An arrow's `start` and `end` follow its bindings; see sameFrameContent. */
function comparableProps(shape: ShapeView): Record<string, unknown> {
  if (shape.type !== 'arrow') return shape.props
  const { start: _start, end: _end, ...rest } = shape.props
  return rest
}

function views(schema: unknown, records: unknown[]) {
  const migrated = migrateToCurrent(schema, structuredClone(records.filter(isLoose)) as unknown as TLRecord[])
  if (!migrated.ok) return undefined
  const shapes = new Map<string, ShapeView>()
  const bindings = new Map<string, BindingView>()
  for (const r of migrated.records) {
    if (r.typeName === 'shape') shapes.set(r.id, r as unknown as ShapeView)
    if (r.typeName === 'binding') bindings.set(r.id, r as unknown as BindingView)
  }
  return { shapes, bindings }
}

/**
 * Whether the browser's content of a frame (`editor.getContentFromCurrentPage([frameId])`:
 * `{schema, shapes, bindings, assets, rootShapeIds}`) shows what the server read from the room
 * (`{schema, records}`, frameContent or validateContent's result), i.e. whether the images the
 * browser made of it can be kept with the version. Both sides are migrated to the current schema
 * first; a side that cannot be is not the same. Compared:
 * - the set of shape ids, and per shape its `type` and `props` (which hold its text:
 *   `richText`, a frame's `name`, a card's figures);
 * - for every shape but the frame: `parentId`, `index`, `x`, `y` and `rotation` (inside the frame
 *   the browser's content keeps them as stored);
 * - the set of binding ids, and per binding its `type`, `fromId`, `toId` and `props`.
 * Not compared: the frame's page, index, position and rotation (the browser gives them in page
 * space); `meta` (the server mirrors links into it, which need not have reached the browser);
 * assets (a shape's `props.assetId` is compared); and an arrow's `start` and `end` props: its
 * ends are held by its bindings, and the browser's export cuts bindings to shapes outside the
 * frame and rewrites those ends, which changes nothing inside the frame.
 */
export function sameFrameContent(browser: unknown, server: { schema: unknown; records: unknown[] }): boolean {
  if (!browser || typeof browser !== 'object') return false
  const b = browser as { schema?: unknown; shapes?: unknown; bindings?: unknown; rootShapeIds?: unknown }
  if (!Array.isArray(b.shapes) || (b.bindings !== undefined && !Array.isArray(b.bindings))) return false
  const ours = views(b.schema, [...b.shapes, ...((b.bindings as unknown[] | undefined) ?? [])])
  const theirs = views(server.schema, server.records)
  if (!ours || !theirs) return false
  const roots = new Set(Array.isArray(b.rootShapeIds) ? (b.rootShapeIds as unknown[]) : [])
  if (ours.shapes.size !== theirs.shapes.size || ours.bindings.size !== theirs.bindings.size) return false
  for (const [id, mine] of ours.shapes) {
    const read = theirs.shapes.get(id)
    if (!read || mine.type !== read.type || !sameJson(comparableProps(mine), comparableProps(read))) return false
    const isFrame = roots.has(id) || !theirs.shapes.has(read.parentId)
    if (isFrame) continue
    if (mine.parentId !== read.parentId || mine.index !== read.index) return false
    if (mine.x !== read.x || mine.y !== read.y || mine.rotation !== read.rotation) return false
  }
  for (const [id, mine] of ours.bindings) {
    const read = theirs.bindings.get(id)
    if (!read || mine.type !== read.type || mine.fromId !== read.fromId || mine.toId !== read.toId) return false
    if (!sameJson(mine.props, read.props)) return false
  }
  return true
}
