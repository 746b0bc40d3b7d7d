import { describe, expect, it } from 'vitest'
import { findNoteSpot, FRAME_PADDING, gridColumns, NOTE_SIZE, shapeBounds, type Rect } from './note-layout'

const note = { w: NOTE_SIZE, h: NOTE_SIZE }
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && a.x + a.w > b.x && a.y < b.y + b.h && a.y + a.h > b.y

/** Places `count` notes one after the other, as the server does, growing the frame as told. */
function fill(count: number, frame = { w: 1200, h: 700 }, taken: Rect[] = [], top = 150) {
  const placed: Rect[] = []
  let h = frame.h
  for (let i = 0; i < count; i++) {
    const spot = findNoteSpot({ frame: { w: frame.w, h }, taken: [...taken, ...placed], note, top })
    expect(spot.frameHeight).toBeGreaterThanOrEqual(h)
    h = spot.frameHeight
    placed.push({ x: spot.x, y: spot.y, ...note })
  }
  return { placed, height: h }
}

describe('free place of a new note', () => {
  it('puts 50 notes in a tidy grid without any overlap, all inside the frame as it grows', () => {
    const frame = { w: 1200, h: 700 }
    const { placed, height } = fill(50, frame)
    for (const [i, a] of placed.entries()) {
      for (const b of placed.slice(i + 1))
        expect(overlaps(a, b), `${JSON.stringify(a)} / ${JSON.stringify(b)}`).toBe(false)
      expect(a.x).toBeGreaterThanOrEqual(FRAME_PADDING)
      expect(a.x + a.w).toBeLessThanOrEqual(frame.w - FRAME_PADDING)
      expect(a.y + a.h).toBeLessThanOrEqual(height - FRAME_PADDING)
    }
    // A grid: few distinct columns and rows, filled in reading order.
    const columns = gridColumns(frame.w)
    expect(new Set(placed.map((p) => p.x)).size).toBe(columns)
    expect(new Set(placed.map((p) => p.y)).size).toBe(Math.ceil(50 / columns))
    expect(placed[1].x).toBeGreaterThan(placed[0].x)
    expect(placed[columns].y).toBeGreaterThan(placed[0].y)
    expect(height).toBeGreaterThan(frame.h)
  })

  it('stays inside the frame while it has room, and only then grows it by a row', () => {
    const frame = { w: 1200, h: 150 + 2 * 224 + FRAME_PADDING }
    const columns = gridColumns(frame.w)
    const { placed, height } = fill(2 * columns, frame)
    expect(height).toBe(frame.h)
    for (const p of placed) expect(p.y + p.h).toBeLessThanOrEqual(frame.h)
    const next = findNoteSpot({ frame, taken: placed, note, top: 150 })
    expect(next.x).toBe(FRAME_PADDING)
    expect(next.frameHeight).toBe(next.y + NOTE_SIZE + FRAME_PADDING)
    expect(next.frameHeight).toBeGreaterThan(frame.h)
  })

  it('never lands on what is already in the frame: sections, headings, notes dragged off the grid', () => {
    const taken: Rect[] = [
      { x: 32, y: 150, w: 1136, h: 288 }, // a section across the whole width
      { x: 300, y: 470, w: 200, h: 260 }, // a note someone dragged somewhere
      { x: 700, y: 500, w: 40, h: 40 }, // a small drawing
    ]
    const { placed } = fill(20, { w: 1200, h: 700 }, taken)
    for (const p of placed) for (const t of taken) expect(overlaps(p, t)).toBe(false)
  })

  it('keeps one column in a frame narrower than a note', () => {
    const { placed } = fill(3, { w: 150, h: 100 }, [], 40)
    expect(new Set(placed.map((p) => p.x))).toEqual(new Set([FRAME_PADDING]))
  })

  it('reads bounds from records: notes with growY and scale, geo, drawings by their points', () => {
    expect(shapeBounds({ type: 'note', x: 5, y: 6, props: { growY: 40, scale: 1 } })).toEqual({
      x: 5,
      y: 6,
      w: 200,
      h: 240,
    })
    expect(shapeBounds({ type: 'geo', x: 0, y: 0, props: { w: 300, h: 100, growY: 0, scale: 2 } })).toEqual({
      x: 0,
      y: 0,
      w: 600,
      h: 200,
    })
    expect(
      shapeBounds({
        type: 'draw',
        x: 10,
        y: 10,
        props: {
          segments: [
            {
              points: [
                { x: 0, y: 0 },
                { x: 90, y: 50 },
              ],
            },
          ],
        },
      }),
    ).toEqual({ x: 10, y: 10, w: 90, h: 50 })
    expect(shapeBounds({ type: 'indicator-card', x: 1, y: 2, props: { w: 320, h: 180 } })).toEqual({
      x: 1,
      y: 2,
      w: 320,
      h: 180,
    })
  })
})
