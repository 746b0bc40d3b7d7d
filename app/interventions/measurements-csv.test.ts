import { describe, expect, it } from 'vitest'
import { measurementsCsv } from './measurements-csv'
import type { InterventionView } from './types'

const view = {
  targets: [{ id: 't1', metric: 'jeugdzorg' }],
  measurements: [
    {
      id: 'm1',
      targetId: 't1',
      value: 33.1,
      date: '2025-06-30',
      period: '2025HJ01',
      source: '=CBS; 85990NED',
      provisional: true,
      origin: { kind: 'hand' },
      createdAt: '2025-09-01T10:00:00.000Z',
    },
  ],
} as unknown as InterventionView

describe('the measurements CSV', () => {
  it('is one row per measurement for Excel NL: BOM, semicolons, decimal comma, the unit, formula-like text kept as text', () => {
    const csv = measurementsCsv(view, 'nl')
    expect(
      csv.startsWith('\uFEFFDoel;Eenheid;Datum;Periode;Waarde;Voorlopig of definitief;Bron;Vastgelegd op\r\n'),
    ).toBe(true)
    const [, row] = csv.trim().split('\r\n')
    expect(row).toBe(
      `Jongeren met jeugdzorg;per 1.000 inwoners van 0–25 jaar;2025-06-30;2025HJ01;33,1;voorlopig;"'=CBS; 85990NED";2025-09-01 12:00:00`,
    )
  })

  it('keeps the decimal point in English', () => {
    expect(measurementsCsv(view, 'en').split('\r\n')[1]).toContain(';33.1;provisional;')
  })
})
