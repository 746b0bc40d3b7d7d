/**
 * Where a photo goes on the canvas (issue 9): right of the idea it belongs to, or under it when
 * its frame has no room to the right, never on top of another shape. Pure, like note-layout.ts,
 * whose grid and gaps it shares.
 */
import { NOTE_GAP, NOTE_SIZE, type Rect } from '~/facilitation/note-layout'

/** A photo is shown as big as a note on its longest side; people can make it bigger on the canvas. */
export const PHOTO_SIDE = NOTE_SIZE

/** The size a photo of `width` × `height` pixels is shown at: its longest side PHOTO_SIDE. */
export function photoSize(width: number, height: number, side = PHOTO_SIDE): { w: number; h: number } {
  const scale = side / Math.max(width, height, 1)
  return { w: Math.max(1, Math.round(width * scale)), h: Math.max(1, Math.round(height * scale)) }
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && a.x + a.w > b.x && a.y < b.y + b.h && a.y + a.h > b.y

export interface BesideInput {
  /** the idea's bounds, in its parent's space */
  anchor: Rect
  /** everything else in the same parent */
  taken: Rect[]
  size: { w: number; h: number }
  /** the rightmost x the photo may reach (a frame's inner edge); none on a page */
  maxRight?: number
  /** right of the idea, level with its top (the default), or under it, level with its left side */
  side?: 'right' | 'below'
}

/**
 * The first spot beside the idea where the photo (with half a gap around it, as notes keep)
 * touches nothing: right of it, level with its top, past whatever is in the way, step by step;
 * or, with `side: 'below'`, under it in the same way. Null when a spot to the right would cross
 * `maxRight`, e.g. the idea is the last one in its frame's row. Below there is always a spot
 * (a frame grows downwards).
 */
export function spotBeside({
  anchor,
  taken,
  size,
  maxRight,
  side = 'right',
}: BesideInput): { x: number; y: number } | null {
  const right = side === 'right'
  let x = right ? anchor.x + anchor.w + NOTE_GAP : anchor.x
  let y = right ? anchor.y : anchor.y + anchor.h + NOTE_GAP
  // Each step moves past every shape in the way, so after as many steps as there are shapes the spot is free.
  for (let step = 0; step <= taken.length; step++) {
    if (maxRight !== undefined && x + size.w > maxRight) return null
    const around = { x: x - NOTE_GAP / 2, y: y - NOTE_GAP / 2, w: size.w + NOTE_GAP, h: size.h + NOTE_GAP }
    const inTheWay = taken.filter((rect) => overlaps(around, rect))
    if (inTheWay.length === 0) return { x, y }
    if (right) x = Math.max(...inTheWay.map((rect) => rect.x + rect.w)) + NOTE_GAP
    else y = Math.max(...inTheWay.map((rect) => rect.y + rect.h)) + NOTE_GAP
  }
  return maxRight !== undefined && x + size.w > maxRight ? null : { x, y }
}
