/**
 * The server's writes of frames and notes into a room's Y.Doc, through the canvas document
 * contract (app/canvas-doc). Framework-free (Yjs and @tldraw/utils' index keys only) and
 * synchronous: it runs inside one `collab.transact`, so two notes sent at the same moment are
 * laid out one after the other against the document as the first left it, and never share a spot.
 *
 * Which frame is a step's frame: frames the server placed carry `meta.phase` (the step they were
 * placed for), `meta.template` and `meta.placedAt` (ISO time). The step's frame is the one with
 * that phase placed last; a frame someone drew by hand is never a step's frame.
 */
import { getIndexAbove, getIndicesAbove, type IndexKey } from '@tldraw/utils'
import type * as Y from 'yjs'
import type { SessionPhase } from '../../db/phases'
import { isEntry, isRecordLike, RECORDS_ARRAY, replaceRecords } from '~/canvas-doc'
import { estimateNoteGrowY, findNoteSpot, NOTE_SIZE, shapeBounds, type Rect } from './note-layout'
import { TEMPLATE_HEADER, TEMPLATE_WIDTH } from './templates'

export const SEED_PAGE = { id: 'page:page', typeName: 'page', name: 'Pagina 1', index: 'a1', meta: {} }
const DOCUMENT = { id: 'document:document', typeName: 'document', gridSize: 10, name: '', meta: {} }
/** Space between two placed frames. */
const FRAME_SPACING = 160

export interface ShapeRecord {
  id: string
  typeName: 'shape'
  type: string
  parentId: string
  index: string
  x: number
  y: number
  props: Record<string, unknown>
  meta: Record<string, unknown>
  [field: string]: unknown
}

export const isShape = (value: unknown): value is ShapeRecord =>
  isRecordLike(value) && value.typeName === 'shape' && typeof (value as ShapeRecord).parentId === 'string'

/**
 * The document's records, id → value: each key's rightmost entry (the layout's rule). Read from
 * the array itself rather than through a YKeyValue, whose observer would stay on a live server
 * document for good.
 */
export function readRecords(doc: Y.Doc): Map<string, unknown> {
  const records = new Map<string, unknown>()
  for (const entry of doc.getArray(RECORDS_ARRAY).toArray()) if (isEntry(entry)) records.set(entry.key, entry.val)
  return records
}

/** Writes records (new or changed), leaving every other record as it is. */
export function writeRecords(doc: Y.Doc, current: Map<string, unknown>, records: { id: string }[]): void {
  const target = new Map(current)
  for (const record of records) target.set(record.id, record)
  replaceRecords(doc, target)
  for (const record of records) current.set(record.id, record)
}

/** The frame a step's new notes go into: the one placed last for that step (see above). */
export function stepFrame(records: Map<string, unknown>, phase: SessionPhase): ShapeRecord | undefined {
  let found: ShapeRecord | undefined
  for (const value of records.values()) {
    if (!isShape(value) || value.type !== 'frame' || value.meta?.phase !== phase) continue
    const placedAt = String(value.meta.placedAt ?? '')
    const best = String(found?.meta.placedAt ?? '')
    if (!found || placedAt > best || (placedAt === best && value.index > found.index)) found = value
  }
  return found
}

/** The page new frames go on: the page of the last placed frame, else the first page. */
function targetPage(records: Map<string, unknown>): string | undefined {
  const frames = [...records.values()].filter(
    (r): r is ShapeRecord => isShape(r) && r.type === 'frame' && typeof r.meta?.placedAt === 'string',
  )
  frames.sort((a, b) => String(a.meta.placedAt).localeCompare(String(b.meta.placedAt)))
  const last = frames.at(-1)
  if (last && records.has(last.parentId)) return last.parentId
  const pages = [...records.values()].filter((r) => isRecordLike(r) && r.typeName === 'page') as {
    id: string
    index: string
  }[]
  pages.sort((a, b) => (a.index < b.index ? -1 : a.index > b.index ? 1 : 0))
  return pages[0]?.id
}

/** Adds the document and page records a client would seed, when an untouched room has none. */
export function ensurePage(doc: Y.Doc, records: Map<string, unknown>): string {
  const page = targetPage(records)
  if (page) return page
  const seed: { id: string }[] = [SEED_PAGE]
  if (!records.has(DOCUMENT.id)) seed.unshift(DOCUMENT)
  writeRecords(doc, records, seed)
  return SEED_PAGE.id
}

export const childrenOf = (records: Map<string, unknown>, parentId: string) =>
  [...records.values()].filter((r): r is ShapeRecord => isShape(r) && r.parentId === parentId)

export const highestIndex = (shapes: { index: string }[]) =>
  shapes.reduce<string | null>((max, s) => (max === null || s.index > max ? s.index : max), null)

/**
 * Where a new frame goes on its page: to the right of everything on it (frames, wijk cards,
 * loose notes), level with the last placed frame, so it never overlaps what is there.
 */
function framePosition(records: Map<string, unknown>, pageId: string): { x: number; y: number } {
  const onPage = childrenOf(records, pageId)
  if (onPage.length === 0) return { x: 0, y: 0 }
  const right = Math.max(
    ...onPage.map((s) => {
      const b = shapeBounds(s)
      return b.x + b.w
    }),
  )
  const placed = onPage
    .filter((s) => s.type === 'frame' && typeof s.meta?.placedAt === 'string')
    .sort((a, b) => String(a.meta.placedAt).localeCompare(String(b.meta.placedAt)))
  return { x: right + FRAME_SPACING, y: placed.at(-1)?.y ?? 0 }
}

export interface FrameToPlace {
  /** the template's records: the frame first (at 0,0), then its contents, ids local to the template */
  records: readonly { id: string; typeName: string }[]
  phase: SessionPhase
  template: string
  now: Date
  newId: () => string
}

type TemplateRecord = { id: string; typeName: string; parentId?: string; fromId?: string; toId?: string }

/**
 * Places a template as a new frame of a step: every record gets a fresh id (parents and arrow
 * bindings follow), the frame goes on the page right of everything there, above it in z-order,
 * with meta {phase, template, placedAt}. Returns the new ids, the frame's first.
 */
export function placeFrame(doc: Y.Doc, records: Map<string, unknown>, frame: FrameToPlace): string[] {
  const pageId = ensurePage(doc, records)
  const ids = new Map(frame.records.map((r) => [r.id, `${r.typeName}:${frame.newId()}`]))
  const [template, ...contents] = frame.records as TemplateRecord[]
  const frameId = ids.get(template.id)!
  const { meta } = template as unknown as ShapeRecord
  const placed = {
    ...template,
    id: frameId,
    parentId: pageId,
    index: getIndexAbove(highestIndex(childrenOf(records, pageId)) as IndexKey | null),
    ...framePosition(records, pageId),
    meta: { ...meta, phase: frame.phase, template: frame.template, placedAt: frame.now.toISOString() },
  }
  const follow = (id: string | undefined) => (id === undefined ? undefined : (ids.get(id) ?? id))
  const inside = contents.map((record) => {
    const moved: TemplateRecord = { ...record, id: ids.get(record.id)! }
    if (record.typeName === 'shape') moved.parentId = ids.get(record.parentId ?? '') ?? frameId
    if (record.typeName === 'binding')
      Object.assign(moved, { fromId: follow(record.fromId), toId: follow(record.toId) })
    return moved
  })
  writeRecords(doc, records, [placed, ...inside])
  return [frameId, ...inside.map((r) => r.id)]
}

export interface NoteToPlace {
  /** the role label, shown in bold on the note's first line */
  label: string
  text: string
  color: string
  /** the presence pseudonym of who it is for (the canvas's own notes carry it too) */
  createdBy: string
  meta: Record<string, unknown>
  newId: () => string
}

/** A note's rich text: the role label in bold, then the text, a paragraph per line. */
export function labelledRichText(label: string, text: string) {
  const lines = text.split('\n')
  return {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: label, marks: [{ type: 'bold' }] }] },
      ...lines.map((line) =>
        line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' },
      ),
    ],
  }
}

/**
 * Puts a note into `frame` at its next free grid spot (note-layout.ts), growing the frame when
 * the note starts a new row below it; without a frame (a private room) on the page, in the same
 * grid from the page's origin. Returns the note's id.
 */
export function placeNote(
  doc: Y.Doc,
  records: Map<string, unknown>,
  frame: ShapeRecord | undefined,
  note: NoteToPlace,
) {
  const parentId = frame?.id ?? ensurePage(doc, records)
  const siblings = childrenOf(records, parentId)
  const taken: Rect[] = siblings.map(shapeBounds)
  const growY = estimateNoteGrowY([note.label, ...note.text.split('\n')])
  const size = { w: NOTE_SIZE, h: NOTE_SIZE + growY }
  const spot = frame
    ? findNoteSpot({
        frame: { w: Number(frame.props.w), h: Number(frame.props.h) },
        taken,
        note: size,
        top: TEMPLATE_HEADER,
      })
    : findNoteSpot({ frame: { w: TEMPLATE_WIDTH, h: 0 }, taken, note: size, top: 0 })
  const id = `shape:${note.newId()}`
  const record: ShapeRecord = {
    id,
    typeName: 'shape',
    type: 'note',
    parentId,
    index: getIndexAbove(highestIndex(siblings) as IndexKey | null),
    x: spot.x,
    y: spot.y,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    props: {
      color: note.color,
      labelColor: 'black',
      richText: labelledRichText(note.label, note.text),
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      growY,
      fontSizeAdjustment: 1,
      url: '',
      scale: 1,
      textLastEditedBy: null,
    },
    meta: { ...note.meta, createdBy: note.createdBy },
  }
  const writes: ShapeRecord[] = [record]
  if (frame && spot.frameHeight > Number(frame.props.h)) {
    writes.push({ ...frame, props: { ...frame.props, h: spot.frameHeight } })
  }
  writeRecords(doc, records, writes)
  return id
}

/** n ascending index keys, for a template's contents. */
export const indicesFor = (n: number): string[] => getIndicesAbove(null, n)

/**
 * A frame and everything in it (at any depth), as a saved template keeps them: the frame at 0,0
 * without its page, then its contents with their own (parent-relative) positions; arrows'
 * bindings between shapes inside come along. Pictures are left out: their files are not copied.
 */
export function frameAsTemplate(records: Map<string, unknown>, frameId: string): unknown[] | undefined {
  const frame = records.get(frameId)
  if (!isShape(frame) || frame.type !== 'frame') return undefined
  const inside = new Set<string>([frameId])
  const shapes: ShapeRecord[] = []
  // Parents come before their children in the list, as placing needs nothing more than the ids.
  for (let grew = true; grew;) {
    grew = false
    for (const value of records.values()) {
      if (!isShape(value) || inside.has(value.id) || !inside.has(value.parentId)) continue
      if (value.type === 'image' || value.type === 'video') continue
      inside.add(value.id)
      shapes.push(value)
      grew = true
    }
  }
  const bindings = [...records.values()].filter(
    (r): r is { id: string; typeName: string; meta?: Record<string, unknown> } =>
      isRecordLike(r) &&
      r.typeName === 'binding' &&
      inside.has(String((r as { fromId?: unknown }).fromId)) &&
      inside.has(String((r as { toId?: unknown }).toId)),
  )
  // What belonged to this canvas only: the step it was placed for, who made it, vote counts.
  const own = ['phase', 'template', 'placedAt', 'createdBy', 'votes']
  const clean = <T extends { meta?: Record<string, unknown> }>(r: T): T => ({
    ...r,
    meta: Object.fromEntries(Object.entries(r.meta ?? {}).filter(([key]) => !own.includes(key))),
  })
  return [clean({ ...frame, x: 0, y: 0, parentId: '', index: '' }), ...shapes.map(clean), ...bindings.map(clean)]
}
