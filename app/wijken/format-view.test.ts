import { describe, expect, it } from 'vitest'
import {
  formatDifference,
  formatPeriod,
  formatReason,
  formatUnit,
  formatValue,
  formatWithUnit,
  valueOrReason,
  valueWithUnitOrReason,
} from './format-view'

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
  it('names the unit in the reader’s language wherever a figure stands alone', () => {
    const young = 'per 1.000 inwoners van 0–25 jaar'
    expect(formatWithUnit(85.7, young, 1, 'nl')).toBe('85,7 per 1.000 inwoners van 0–25 jaar')
    expect(formatWithUnit(85.7, young, 1, 'en')).toBe('85.7 per 1,000 inhabitants aged 0–25')
    expect(formatWithUnit(10.8, '%', 1, 'nl')).toBe('10,8%')
    expect(formatWithUnit(32.4, 'x 1.000 euro', 1, 'en')).toBe('32.4 x 1,000 euros')
    expect(formatUnit('aantal', 'en')).toBe('number')
    // A unit from another source is shown as written.
    expect(formatUnit('meldingen per 1.000 woningen', 'en')).toBe('meldingen per 1.000 woningen')
    expect(valueWithUnitOrReason(null, 'too-small', young, 1, 'nl')).toBe('te klein om te tonen')
  })
  it('names periods in the reader’s language', () => {
    expect(formatPeriod('2024HJ01', 'nl')).toBe('1e halfjaar 2024')
    expect(formatPeriod('2023HJ02', 'en')).toBe('second half of 2023')
    expect(formatPeriod('2024MM09', 'nl')).toBe('september 2024')
    expect(formatPeriod('2024MM09', 'en')).toBe('September 2024')
    expect(formatPeriod('2024JJ00', 'en')).toBe('2024')
  })
})
