import { describe, expect, it } from 'vitest'
import { formatDifference, formatReason, formatValue, valueOrReason } from './format-view'

describe('format-view', () => {
  it('formats Dutch numbers with the indicator decimals', () => {
    expect(formatValue(13895, 'aantal', 0, 'nl')).toBe('13.895')
    expect(formatValue(36.8, '%', 1, 'nl')).toBe('36,8%')
    expect(formatValue(35.5, 'per 1.000 inwoners van 0–25 jaar', 1, 'en')).toBe('35.5')
  })
  it('signs differences and names percentage points', () => {
    expect(formatDifference(9.1, '%', 1, 'nl')).toBe('+9,1 procentpunt')
    expect(formatDifference(-43.8, 'per 1.000', 1, 'nl')).toBe('-43,8')
    expect(formatDifference(0, '%', 0, 'nl')).toBe('0 procentpunt')
  })
  it('shows the reason for a hidden figure, never 0', () => {
    expect(valueOrReason(null, 'too-small', '%', 1, 'nl')).toBe('te klein om te tonen')
    expect(valueOrReason(null, 'not-published', '%', 1, 'nl')).toBe('niet gepubliceerd door CBS')
    expect(valueOrReason(null, null, '%', 1, 'nl')).toBe('geen gegevens voor dit gebied')
    expect(valueOrReason(0, null, '%', 1, 'nl')).toBe('0,0%')
  })
  it('translates the reason in the reader’s language', () => {
    expect(formatReason('suppressed', 'nl')).toBe('geheim of onbekend bij CBS')
    expect(formatReason('suppressed', 'en')).toBe('suppressed or unknown at CBS')
    expect(formatReason('no-data', 'en')).toBe('no data for this area')
  })
})
