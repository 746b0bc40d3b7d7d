import { describe, expect, it } from 'vitest'
import { formatReason } from './format-view'
import { guard, guardCount, guardRatio } from './privacy'

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
