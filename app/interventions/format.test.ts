import { describe, expect, it } from 'vitest'
import { formatIsoDate, formatMetricValue, formatMonth, formatNumber } from './format'
import { findMetric, type MetricDefinition } from './metrics'

const metric = (code: string) => findMetric(code) as MetricDefinition

describe('formatting figures and dates', () => {
  it('writes numbers with the metric’s decimals, Dutch separators for nl', () => {
    expect(formatNumber(1234.56, 1, 'nl')).toBe('1.234,6')
    expect(formatNumber(1234.56, 1, 'en')).toBe('1,234.6')
    expect(formatNumber(8, 1, 'nl')).toBe('8,0')
  })

  it('puts the unit with the figure', () => {
    expect(formatMetricValue(64.25, metric('eindtoets-1f'), 'nl')).toBe('64,3%')
    expect(formatMetricValue(10.6, metric('uithuisplaatsing'), 'nl')).toBe('10,6 per 1.000 jongeren tot 18 jaar')
    expect(formatMetricValue(1250, metric('bereik-gezinnen'), 'en')).toBe('1,250 families')
  })

  it('writes an ISO date as the same calendar day', () => {
    expect(formatIsoDate('2024-12-31', 'nl')).toBe('31 december 2024')
    expect(formatIsoDate('2025-01-01', 'en')).toBe('1 January 2025')
    expect(formatMonth('2025-07-01', 'en')).toBe('Jul 2025')
  })
})
