/**
 * Where a new note goes inside a step's frame (issue 8, section 3): the first free cell of a
 * tidy grid, in reading order, never on top of anything already in the frame. When the frame is
 * full the next row below is used and the frame grows to hold it. Pure, so it is unit-tested and
 * runs the same for every source (the API, the phone, the canvas's "add an idea").
 */

export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

/** tldraw's note is 200 × 200 at scale 1 (NoteShapeUtil), taller by `growY`. */
export const NOTE_SIZE = 200
export const NOTE_GAP = 24
/** Space between the frame's edge and the grid. */
export const FRAME_PADDING = 32

export interface NoteSpotInput {
  /** the frame's size; its children's x/y are relative to its top-left corner */
  frame: { w: number; h: number }
  /** bounds of everything already in the frame, relative to it */
  taken: Rect[]
  note: { w: number; h: number }
  /** where the grid starts (below the frame's heading and instruction) */
  top?: number
}

export interface NoteSpot {
  x: number
  y: number
  /** the frame's height after placing: taller than before when the note started a new row */
  frameHeight: number
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && a.x + a.w > b.x && a.y < b.y + b.h && a.y + a.h > b.y

/** The grid's column count for a frame width: at least one, even in a narrow frame. */
export function gridColumns(frameWidth: number, noteWidth = NOTE_SIZE): number {
  return Math.max(1, Math.floor((frameWidth - 2 * FRAME_PADDING + NOTE_GAP) / (noteWidth + NOTE_GAP)))
}

/**
 * The first free grid cell, row by row, left to right. A cell is free when the note, with half a
 * gap around it, touches nothing taken, so notes someone dragged off the grid are avoided too.
 * Rows go on below the frame's current bottom, so a spot is always found.
 */
export function findNoteSpot({ frame, taken, note, top = FRAME_PADDING }: NoteSpotInput): NoteSpot {
  const columns = gridColumns(frame.w, note.w)
  const rowHeight = note.h + NOTE_GAP
  const lowest = taken.reduce((max, r) => Math.max(max, r.y + r.h), top)
  // Enough rows to reach past everything taken; the last one is always free.
  const rows = Math.ceil((lowest - top) / rowHeight) + 1
  const free = (cell: Rect) => {
    const around = { x: cell.x - NOTE_GAP / 2, y: cell.y - NOTE_GAP / 2, w: cell.w + NOTE_GAP, h: cell.h + NOTE_GAP }
    return !taken.some((t) => overlaps(around, t))
  }
  for (let row = 0; row <= rows; row++) {
    for (let column = 0; column < columns; column++) {
      const cell = { x: FRAME_PADDING + column * (note.w + NOTE_GAP), y: top + row * rowHeight, ...note }
      if (free(cell)) return { x: cell.x, y: cell.y, frameHeight: Math.max(frame.h, cell.y + note.h + FRAME_PADDING) }
    }
  }
  // Unreachable: the row below everything taken is free.
  const y = lowest + NOTE_GAP
  return { x: FRAME_PADDING, y, frameHeight: Math.max(frame.h, y + note.h + FRAME_PADDING) }
}

/** A shape record as far as its bounds go (tldraw records; the fields differ per type). */
interface ShapeLike {
  type?: unknown
  x?: unknown
  y?: unknown
  props?: Record<string, unknown>
}

/** One line of a text shape per size (tldraw's FONT_SIZES: 18, 24, 36 and 44 px, line height 1.35). */
const TEXT_LINE: Record<string, number> = { s: 30, m: 40, l: 56, xl: 64 }

const num = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback

/**
 * The bounds of a shape in its parent's space, from the record alone (no tldraw geometry on the
 * server). Exact for notes, frames, geo and text boxes; for drawings and arrows the box of their
 * points; anything else counts as a note-sized block, which errs on the side of leaving space.
 */
export function shapeBounds(shape: ShapeLike): Rect {
  const x = num(shape.x, 0)
  const y = num(shape.y, 0)
  const props = shape.props ?? {}
  const scale = num(props.scale, 1)
  switch (shape.type) {
    case 'note':
      return { x, y, w: NOTE_SIZE * scale, h: (NOTE_SIZE + num(props.growY, 0)) * scale }
    case 'geo':
      return { x, y, w: num(props.w, NOTE_SIZE) * scale, h: (num(props.h, NOTE_SIZE) + num(props.growY, 0)) * scale }
    case 'text':
      // A text's height is measured by the browser; one line of its size (font size × 1.35).
      return { x, y, w: num(props.w, NOTE_SIZE) * scale, h: (TEXT_LINE[String(props.size)] ?? 64) * scale }
    case 'draw':
    case 'highlight':
    case 'line':
    case 'arrow':
      return pointsBounds(x, y, props) ?? { x, y, w: NOTE_SIZE, h: NOTE_SIZE }
    default:
      return { x, y, w: num(props.w, NOTE_SIZE), h: num(props.h, NOTE_SIZE) }
  }
}

/** The box of whatever points a drawing, line or arrow record carries (start/end, points, segments). */
function pointsBounds(x: number, y: number, props: Record<string, unknown>): Rect | undefined {
  const points: { x: number; y: number }[] = []
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(collect)
    if (value && typeof value === 'object') {
      const v = value as Record<string, unknown>
      if (typeof v.x === 'number' && typeof v.y === 'number') points.push({ x: v.x, y: v.y })
      for (const key of ['points', 'segments', 'start', 'end']) if (key in v) collect(v[key])
    }
  }
  collect(props)
  if (points.length === 0) return undefined
  const xs = points.map((p) => p.x)
  const ys = points.map((p) => p.y)
  const minX = Math.min(...xs)
  const minY = Math.min(...ys)
  // A dot or a straight line still takes some room.
  return { x: x + minX, y: y + minY, w: Math.max(24, Math.max(...xs) - minX), h: Math.max(24, Math.max(...ys) - minY) }
}

/**
 * How much taller than 200 a note with this text renders (tldraw's `growY`), estimated from the
 * text alone: tldraw measures it in the browser only when a note is made there, and a server
 * note with growY 0 would let long text run out of its note and over the one below.
 * Size `m` (22 px, the draw font): about 15 characters a line and 30 px a line inside 16 px padding.
 */
export function estimateNoteGrowY(lines: string[]): number {
  const CHARS_PER_LINE = 15
  const LINE_HEIGHT = 30
  const INNER = NOTE_SIZE - 2 * 16
  const rows = lines.reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / CHARS_PER_LINE)), 0)
  return Math.max(0, rows * LINE_HEIGHT - INNER)
}
