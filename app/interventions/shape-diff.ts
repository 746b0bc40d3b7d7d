/**
 * What changed between two saved versions of a prototype (issue 10, compare): the notes and
 * other shapes added, removed and changed, with their text before and after, and the target
 * changes. Pure: it reads the versions' stored content, never a room.
 */
import type { TargetSnapshot, VersionDiff } from '~/interventions/types'
import { canonicalJson } from './canonical'

/** A version's content: the frame and everything in it, as tldraw records, with the schema they were written in. */
export interface VersionContent {
  schema: unknown
  records: Array<{ id: string; typeName: string; [k: string]: unknown }>
}

type ContentRecord = VersionContent['records'][number]

/**
 * The key that pairs a shape across versions. A restore places a version back with new ids
 * (never overwriting what is on the canvas) and marks each shape with `meta.lineage`, the key of
 * the shape it was copied from, so a version saved after a restore still pairs with the one
 * before it.
 */
export function lineageKey(record: { id: string; meta?: unknown }): string {
  const meta = record.meta
  if (meta && typeof meta === 'object' && typeof (meta as { lineage?: unknown }).lineage === 'string') {
    const lineage = (meta as { lineage: string }).lineage
    if (lineage !== '') return lineage
  }
  return record.id
}

interface RichNode {
  type?: unknown
  text?: unknown
  content?: unknown
}

const inline = (node: RichNode): string =>
  typeof node.text === 'string'
    ? node.text
    : node.type === 'hardBreak'
      ? '\n'
      : Array.isArray(node.content)
        ? (node.content as RichNode[]).map(inline).join('')
        : ''

/** A TipTap document's plain text: one line per top-level block (paragraph, heading, list), text nodes run together. */
function richTextPlain(doc: unknown): string {
  if (!doc || typeof doc !== 'object') return ''
  const blocks = (doc as RichNode).content
  if (!Array.isArray(blocks)) return inline(doc as RichNode)
  return (blocks as RichNode[])
    .map((block) =>
      // A list's items each get their own line.
      (block.type === 'bulletList' || block.type === 'orderedList') && Array.isArray(block.content)
        ? (block.content as RichNode[]).map(inline).join('\n')
        : inline(block),
    )
    .join('\n')
}

/** The plain text of a shape: its rich text (notes, text, geo, arrows), its plain text, or a frame's name; '' otherwise. */
export function shapeText(record: { type?: unknown; props?: unknown; [k: string]: unknown }): string {
  const props = record.props && typeof record.props === 'object' ? (record.props as Record<string, unknown>) : {}
  if (props.richText && typeof props.richText === 'object') return richTextPlain(props.richText)
  if (typeof props.text === 'string') return props.text
  if (record.type === 'frame' && typeof props.name === 'string') return props.name
  return ''
}

const isShapeRecord = (r: ContentRecord) => r.typeName === 'shape'

/** A stable text of any value, for "is it the same": canonical where it can be, plain JSON otherwise. */
function sameValue(a: unknown, b: unknown): boolean {
  const text = (v: unknown) => {
    try {
      return v === undefined ? 'undefined' : canonicalJson(v)
    } catch {
      return JSON.stringify(v) ?? String(v)
    }
  }
  return text(a) === text(b)
}

interface Paired {
  key: string
  record: ContentRecord
  /** the lineage key of its parent when the parent is in the content; null for a root (the frame) */
  parentKey: string | null
}

/** The content's shapes by lineage key; the first of two with one key wins (a restore never makes two). */
function shapesOf(content: VersionContent): Map<string, Paired> {
  const shapes = content.records.filter(isShapeRecord)
  const keyOfId = new Map(shapes.map((r) => [r.id, lineageKey(r)]))
  const out = new Map<string, Paired>()
  for (const record of shapes) {
    const key = lineageKey(record)
    if (out.has(key)) continue
    const parentKey = typeof record.parentId === 'string' ? (keyOfId.get(record.parentId) ?? null) : null
    out.set(key, { key, record, parentKey })
  }
  return out
}

const typeOf = (r: ContentRecord) => (typeof r.type === 'string' ? r.type : 'unknown')

/**
 * Shapes added, removed and changed from `from` to `to`, paired by lineage key. A shape changed
 * when its text, props, rotation or position differ; `moved` says the position or parent did.
 * Where the whole frame sits on the canvas is no change to the prototype (a restored frame is
 * placed beside the current one), so a root shape's x and y are not compared; the shapes
 * inside have positions relative to their parent and are.
 */
export function diffShapes(
  from: VersionContent,
  to: VersionContent,
): Pick<VersionDiff, 'added' | 'removed' | 'changed'> {
  const before = shapesOf(from)
  const after = shapesOf(to)
  const added: VersionDiff['added'] = []
  const removed: VersionDiff['removed'] = []
  const changed: VersionDiff['changed'] = []

  for (const [key, { record }] of before) {
    if (!after.has(key)) removed.push({ shapeId: key, type: typeOf(record), text: shapeText(record) })
  }
  for (const [key, now] of after) {
    const was = before.get(key)
    if (!was) {
      added.push({ shapeId: key, type: typeOf(now.record), text: shapeText(now.record) })
      continue
    }
    const root = was.parentKey === null && now.parentKey === null
    const moved =
      was.parentKey !== now.parentKey ||
      (!root && (!sameValue(was.record.x, now.record.x) || !sameValue(was.record.y, now.record.y)))
    const textBefore = shapeText(was.record)
    const textAfter = shapeText(now.record)
    const edited =
      textBefore !== textAfter ||
      typeOf(was.record) !== typeOf(now.record) ||
      !sameValue(was.record.props, now.record.props) ||
      !sameValue(was.record.rotation ?? 0, now.record.rotation ?? 0)
    if (moved || edited) changed.push({ shapeId: key, type: typeOf(now.record), textBefore, textAfter, moved })
  }
  return { added, removed, changed }
}

const targetFields = ['metric', 'direction', 'baselineValue', 'targetValue', 'targetDate'] as const

/** Targets added, removed and changed between two versions' snapshots, paired by target id. */
export function diffTargets(from: readonly TargetSnapshot[], to: readonly TargetSnapshot[]): VersionDiff['targets'] {
  const before = new Map(from.map((t) => [t.id, t]))
  const afterIds = new Set(to.map((t) => t.id))
  const changed: VersionDiff['targets']['changed'] = []
  const added: TargetSnapshot[] = []
  for (const after of to) {
    const was = before.get(after.id)
    if (!was) added.push(after)
    else if (targetFields.some((f) => was[f] !== after[f])) {
      changed.push({ id: after.id, metric: after.metric, before: was, after })
    }
  }
  return { added, removed: from.filter((t) => !afterIds.has(t.id)), changed }
}
