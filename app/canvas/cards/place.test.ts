import { describe, expect, it } from 'vitest'
import { findSpot } from './place'

const size = { w: 300, h: 200 }
type Rect = { x: number; y: number; w: number; h: number }
const apart = (a: Rect, b: Rect) => a.x >= b.x + b.w || b.x >= a.x + a.w || a.y >= b.y + b.h || b.y >= a.y + a.h
const inside = (r: Rect, v: Rect) => r.x >= v.x && r.y >= v.y && r.x + r.w <= v.x + v.w && r.y + r.h <= v.y + v.h

function placeMany(viewport: Rect, n: number) {
  const taken: Rect[] = []
  for (let k = 0; k < n; k++) taken.push({ ...findSpot(viewport, size, taken), ...size })
  return taken
}

describe('findSpot', () => {
  it('centres the first card when the view holds an odd number of cards across and down', () => {
    // 1000 × 800 holds 3 × 3 cards of 300 × 200.
    expect(findSpot({ x: 0, y: 0, w: 1000, h: 800 }, size, [])).toEqual({ x: 350, y: 300 })
  })

  it('puts the next cards beside the ones already there, in view and without overlap', () => {
    const viewport = { x: 0, y: 0, w: 1000, h: 800 }
    const cards = placeMany(viewport, 9)
    for (const [i, a] of cards.entries()) {
      expect(inside(a, viewport)).toBe(true)
      for (const b of cards.slice(i + 1)) expect(apart(a, b)).toBe(true)
    }
  })

  it('goes beyond the view (the caller pans) when the view is full, still without overlap', () => {
    const viewport = { x: 0, y: 0, w: 700, h: 500 } // 2 × 2
    const cards = placeMany(viewport, 6)
    expect(cards.slice(0, 4).every((c) => inside(c, viewport))).toBe(true)
    expect(inside(cards[4]!, viewport)).toBe(false)
    for (const [i, a] of cards.entries()) for (const b of cards.slice(i + 1)) expect(apart(a, b)).toBe(true)
  })

  it('steps aside from the centre when the whole neighbourhood is full', () => {
    const everything = [{ x: -1e6, y: -1e6, w: 2e6, h: 2e6 }]
    const viewport = { x: 0, y: 0, w: 1000, h: 800 }
    expect(findSpot(viewport, size, everything, 0)).not.toEqual(findSpot(viewport, size, everything, 1))
  })
})
