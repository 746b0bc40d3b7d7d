import { describe, expect, it } from 'vitest'
import { classIndexOf, hiddenStyle, legendClasses, MAP_PALETTE } from './map-view'

describe('legendClasses', () => {
  it('makes five quantile classes that cover every value, light to dark', () => {
    const values = [35.5, 63.5, 68.6, 75.9, 80.1, 83.9, 90.5, 95, 101.2, 110, 120.4, 130]
    const classes = legendClasses(values, 1)
    expect(classes).toHaveLength(5)
    expect(classes[0]!.from).toBe(35.5)
    expect(classes[4]!.to).toBe(130)
    expect(classes.map((c) => c.color)).toEqual([...MAP_PALETTE])
    for (let i = 1; i < classes.length; i++) expect(classes[i]!.from).toBeGreaterThan(classes[i - 1]!.to)
    for (const v of values) {
      const i = classIndexOf(v, classes, 1)!
      expect(v).toBeGreaterThanOrEqual(classes[i]!.from)
      expect(v).toBeLessThanOrEqual(classes[i]!.to)
    }
  })

  it('gives one class when every wijk has the same (gemeente) value', () => {
    const classes = legendClasses([7.2, 7.2, 7.2], 1)
    expect(classes).toEqual([{ from: 7.2, to: 7.2, color: MAP_PALETTE[2] }])
    expect(classIndexOf(7.2, classes, 1)).toBe(0)
  })

  it('gives one class per value when there are few distinct values', () => {
    const classes = legendClasses([33, 28, 33, 40], 0)
    expect(classes.map((c) => [c.from, c.to])).toEqual([
      [28, 28],
      [33, 33],
      [40, 40],
    ])
    expect(classes[0]!.color).toBe(MAP_PALETTE[0])
    expect(classes[2]!.color).toBe(MAP_PALETTE[4])
  })

  it('has no classes without values, and ignores nothing but non-numbers', () => {
    expect(legendClasses([], 1)).toEqual([])
    expect(classIndexOf(3, [], 1)).toBeNull()
  })

  it('does not repeat a class when many values are equal (skewed counts)', () => {
    const classes = legendClasses([10, 10, 10, 10, 10, 10, 10, 10, 12, 500], 0)
    const tos = classes.map((c) => c.to)
    expect(new Set(tos).size).toBe(tos.length)
    expect(tos[tos.length - 1]).toBe(500)
  })
})

describe('hiddenStyle', () => {
  it('hatches figures that exist but are hidden, greys what does not exist', () => {
    expect(hiddenStyle('too-small')).toBe('hatched')
    expect(hiddenStyle('suppressed')).toBe('hatched')
    expect(hiddenStyle('not-published')).toBe('grey')
    expect(hiddenStyle('no-data')).toBe('grey')
  })
})
