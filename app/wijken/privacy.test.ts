import { describe, expect, it } from 'vitest'
import { formatReason } from './format-view'
import { guard, guardCount, guardLocalRate, guardRatio, LOCAL_RATE_MIN_INHABITANTS, personLevel } from './privacy'

const n = (value: number) => ({ value, missingReason: null })
const suppressed = { value: null, missingReason: 'suppressed-by-cbs' as const }
const notPublished = { value: null, missingReason: 'not-published' as const }

describe('privacy guard', () => {
  it('shows a figure whose every count is at least the minimum base', () => {
    expect(guardRatio([n(95)], [n(775), n(1900)], 1000)).toEqual({ value: (95 / 2675) * 1000, reason: null })
    expect(guardCount(n(10))).toEqual({ value: 10, reason: null })
  })
  it('hides anything derived from a count below the minimum base (default 10)', () => {
    expect(guardRatio([n(5)], [n(2675)], 1000)).toEqual({ value: null, reason: 'too-small' })
    expect(guardRatio([n(50)], [n(9)], 100)).toEqual({ value: null, reason: 'too-small' })
    expect(guardRatio([n(0)], [n(500)], 100)).toEqual({ value: null, reason: 'too-small' })
    expect(guardCount(n(5))).toEqual({ value: null, reason: 'too-small' })
    expect(guard(n(33), [n(6)])).toEqual({ value: null, reason: 'too-small' })
    expect(formatReason('too-small', 'nl')).toBe('te klein om te tonen')
  })
  it('uses the indicator’s own minimum base', () => {
    expect(guardRatio([n(15)], [n(100)], 100, 20)).toEqual({ value: null, reason: 'too-small' })
    expect(guardRatio([n(25)], [n(100)], 100, 20)).toEqual({ value: 25, reason: null })
  })
  it('never turns a suppressed or missing CBS cell into 0', () => {
    expect(guardRatio([suppressed], [n(2675)], 1000)).toEqual({ value: null, reason: 'suppressed' })
    expect(guard(suppressed, [n(500)])).toEqual({ value: null, reason: 'suppressed' })
    expect(guard(notPublished, [n(500)])).toEqual({ value: null, reason: 'not-published' })
    expect(guard(undefined, [])).toEqual({ value: null, reason: 'no-data' })
    expect(guard(n(33), [undefined])).toEqual({ value: null, reason: 'no-data' })
  })
  it('shows a published gemeente figure without a base', () => {
    expect(guard(n(7.2), [])).toEqual({ value: 7.2, reason: null })
  })
})

describe('a rate from a local source', () => {
  it('is shown on its own base column when that is at least the minimum base', () => {
    expect(guardLocalRate(n(3.2), { own: n(2100) })).toEqual({ value: 3.2, reason: null })
    expect(guardLocalRate(n(4), { own: n(5) })).toEqual({ value: null, reason: 'too-small' })
    expect(guardLocalRate(n(4), { own: suppressed })).toEqual({ value: null, reason: 'too-small' })
    expect(guardLocalRate(n(4), { own: undefined })).toEqual({ value: null, reason: 'too-small' })
  })
  it('without a base column, only where CBS counts enough inhabitants', () => {
    expect(guardLocalRate(n(12.5), { inhabitants: n(13895) })).toEqual({ value: 12.5, reason: null })
    expect(guardLocalRate(n(12.5), { inhabitants: n(LOCAL_RATE_MIN_INHABITANTS - 1) })).toEqual({
      value: null,
      reason: 'too-small',
    })
    expect(guardLocalRate(n(12.5), { inhabitants: undefined })).toEqual({ value: null, reason: 'too-small' })
  })
  it('keeps a secret cell secret', () => {
    expect(guardLocalRate(suppressed, { own: n(500) })).toEqual({ value: null, reason: 'suppressed' })
  })
})

describe('data about people', () => {
  it("names person columns but not an area's name column", () => {
    expect(personLevel.isPersonColumn('Naam ouder')).toBe(true)
    expect(personLevel.isPersonColumn('BSN kind')).toBe(true)
    expect(personLevel.isPersonColumn('Naam wijk')).toBe(false)
    expect(personLevel.isPersonColumn('Wijknaam')).toBe(false)
    expect(personLevel.isPersonColumn('Gemeentenaam')).toBe(false)
  })
})
