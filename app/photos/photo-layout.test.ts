import { describe, expect, it } from 'vitest'
import { NOTE_GAP, NOTE_SIZE, type Rect } from '~/facilitation/note-layout'
import { photoSize, spotBeside } from './photo-layout'

const note = (x: number, y: number): Rect => ({ x, y, w: NOTE_SIZE, h: NOTE_SIZE })
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && a.x + a.w > b.x && a.y < b.y + b.h && a.y + a.h > b.y

describe('where a photo goes', () => {
  it('is shown note-sized on its longest side, keeping its proportions', () => {
    expect(photoSize(1600, 1200)).toEqual({ w: 200, h: 150 })
    expect(photoSize(900, 1600)).toEqual({ w: 113, h: 200 })
    expect(photoSize(1, 1600)).toEqual({ w: 1, h: 200 })
  })

  it('goes right of its idea, level with it, when that spot is free', () => {
    const anchor = note(32, 150)
    expect(spotBeside({ anchor, taken: [note(32, 374)], size: { w: 200, h: 150 } })).toEqual({
      x: 32 + NOTE_SIZE + NOTE_GAP,
      y: 150,
    })
  })

  it('goes past whatever is in the way, never on top of it', () => {
    const anchor = note(32, 150)
    const taken = [note(256, 150), { x: 470, y: 200, w: 60, h: 60 }, note(32, 374)]
    const size = { w: 200, h: 150 }
    const spot = spotBeside({ anchor, taken, size })!
    expect(spot.y).toBe(150)
    expect(spot.x).toBe(530 + NOTE_GAP)
    for (const rect of [anchor, ...taken]) expect(overlaps({ ...spot, ...size }, rect)).toBe(false)
  })

  it('goes under its idea, past what is there, when asked for the spot below', () => {
    const anchor = note(928, 150)
    const size = { w: 200, h: 150 }
    expect(spotBeside({ anchor, taken: [note(928, 374)], size, side: 'below' })).toEqual({
      x: 928,
      y: 374 + NOTE_SIZE + NOTE_GAP,
    })
    expect(spotBeside({ anchor, taken: [note(32, 374)], size, side: 'below', maxRight: 1168 })).toEqual({
      x: 928,
      y: 150 + NOTE_SIZE + NOTE_GAP,
    })
  })

  it('says there is no room when the spot would cross the frame’s edge', () => {
    const anchor = note(928, 150)
    expect(spotBeside({ anchor, taken: [], size: { w: 200, h: 200 }, maxRight: 1160 })).toBeNull()
    expect(spotBeside({ anchor: note(32, 150), taken: [], size: { w: 200, h: 200 }, maxRight: 1160 })).toEqual({
      x: 256,
      y: 150,
    })
  })
})
