/**
 * Which notes a dot vote is about, read from tldraw records: the notes inside a frame (at any
 * depth, through parentId, so a note in a group in the frame counts) or every note on the
 * canvas. Framework-free: the server reads the room's records through app/canvas/y-records.ts,
 * the browser reads its editor's store, and both apply this one rule.
 */

export interface VoteNote {
  shapeId: string
  text: string
  /** page position of the note's top-left corner (parents' offsets added), for reading order */
  x: number
  y: number
}

interface ShapeLike {
  id: string
  typeName: 'shape'
  type: string
  parentId: string
  x: number
  y: number
  props?: Record<string, unknown>
  meta?: Record<string, unknown>
}

function isShape(value: unknown): value is ShapeLike {
  if (typeof value !== 'object' || value === null) return false
  const r = value as Record<string, unknown>
  return r.typeName === 'shape' && typeof r.id === 'string' && typeof r.type === 'string'
}

/** The plain text of a note: tldraw 5 keeps it as rich text (a ProseMirror doc), older notes as `text`. */
export function noteText(props: Record<string, unknown> | undefined): string {
  if (!props) return ''
  if (typeof props.text === 'string') return props.text.trim()
  const blocks: string[] = []
  const walk = (node: unknown, into: string[]) => {
    if (typeof node !== 'object' || node === null) return
    const n = node as { type?: unknown; text?: unknown; content?: unknown }
    if (typeof n.text === 'string') into.push(n.text)
    if (n.type === 'hardBreak') into.push('\n')
    if (Array.isArray(n.content)) for (const child of n.content) walk(child, into)
  }
  const doc = props.richText as { content?: unknown } | undefined
  for (const block of Array.isArray(doc?.content) ? doc.content : []) {
    const parts: string[] = []
    walk(block, parts)
    blocks.push(parts.join(''))
  }
  return blocks.join('\n').trim()
}

/** A frame shape with this id exists among the records. */
export function hasFrame(records: Iterable<unknown>, frameId: string): boolean {
  for (const r of records) if (isShape(r) && r.id === frameId && r.type === 'frame') return true
  return false
}

/**
 * The notes in the vote's scope, in reading order (top to bottom, then left to right), so a
 * list of them (the phone's, the ranked results on a tie) reads like the board.
 */
export function notesInScope(records: Iterable<unknown>, frameId: string | null): VoteNote[] {
  const shapes = new Map<string, ShapeLike>()
  for (const r of records) if (isShape(r)) shapes.set(r.id, r)
  const notes: VoteNote[] = []
  for (const shape of shapes.values()) {
    if (shape.type !== 'note') continue
    let x = shape.x
    let y = shape.y
    let inFrame = frameId === null
    // A parent chain is finite in a valid store; the visited set guards against a crafted cycle.
    const seen = new Set<string>([shape.id])
    for (
      let parent = shapes.get(shape.parentId);
      parent && !seen.has(parent.id);
      parent = shapes.get(parent.parentId)
    ) {
      seen.add(parent.id)
      if (parent.id === frameId) inFrame = true
      x += parent.x
      y += parent.y
    }
    if (inFrame) notes.push({ shapeId: shape.id, text: noteText(shape.props), x, y })
  }
  return notes.sort((a, b) => a.y - b.y || a.x - b.x || a.shapeId.localeCompare(b.shapeId))
}

/** The count badge the server writes on a note when a vote ends (the note's `meta.votes`). */
export interface NoteVoteMeta {
  voteId: string
  count: number
}

export function noteVoteMeta(meta: Record<string, unknown> | undefined): NoteVoteMeta | null {
  const v = meta?.votes as Partial<NoteVoteMeta> | undefined
  if (!v || typeof v.voteId !== 'string' || typeof v.count !== 'number') return null
  return { voteId: v.voteId, count: v.count }
}
