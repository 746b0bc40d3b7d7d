import { describe, expect, it } from 'vitest'
import { chartLayout, dateTicks, legendLayout, niceStep, type ChartInput } from './chart-layout'

const per1000 = { decimals: 1, unitKind: 'per1000' as const }
const base: ChartInput = {
  metric: per1000,
  baseline: { value: 10.6, date: '2024-12-31' },
  targetValue: 8,
  targetDate: '2027-12-31',
  measurements: [],
  versions: [],
}

describe('niceStep', () => {
  it('picks 1, 2 or 5 × 10ⁿ', () => {
    expect(niceStep(10, 4, 1)).toBe(5)
    expect(niceStep(3, 4, 1)).toBe(1)
    expect(niceStep(0.7, 4, 1)).toBeCloseTo(0.2)
    expect(niceStep(4000, 4, 0)).toBe(1000)
  })

  it('never steps finer than the metric shows', () => {
    expect(niceStep(0.5, 4, 0)).toBe(1)
    expect(niceStep(0.05, 4, 1)).toBeCloseTo(0.1)
  })
})

describe('dateTicks', () => {
  it('ticks years over a long span and months over a short one', () => {
    expect(dateTicks('2024-12-01', '2028-01-15')).toEqual([
      { date: '2025-01-01', kind: 'year' },
      { date: '2026-01-01', kind: 'year' },
      { date: '2027-01-01', kind: 'year' },
      { date: '2028-01-01', kind: 'year' },
    ])
    expect(dateTicks('2025-01-10', '2025-06-20').map((t) => t.date)).toEqual([
      '2025-02-01',
      '2025-03-01',
      '2025-04-01',
      '2025-05-01',
      '2025-06-01',
    ])
    expect(dateTicks('2025-01-01', '2026-06-30')).toEqual([
      { date: '2025-01-01', kind: 'month' },
      { date: '2025-04-01', kind: 'month' },
      { date: '2025-07-01', kind: 'month' },
      { date: '2025-10-01', kind: 'month' },
      { date: '2026-01-01', kind: 'month' },
      { date: '2026-04-01', kind: 'month' },
    ])
  })

  it('keeps to at most six ticks even over decades', () => {
    expect(dateTicks('2000-01-01', '2030-01-01').length).toBeLessThanOrEqual(16)
    expect(dateTicks('2020-01-01', '2030-01-01').length).toBeLessThanOrEqual(6)
  })
})

describe('chartLayout', () => {
  it('maps the baseline to the left and the target date towards the right, inside the plot', () => {
    const layout = chartLayout(base)
    const { plot } = layout
    expect(layout.baseline.x).toBeGreaterThan(plot.left)
    expect(layout.baseline.x).toBeLessThan(plot.left + 0.1 * (plot.right - plot.left))
    expect(layout.targetRef.at.x).toBeLessThan(plot.right)
    expect(layout.targetRef.at.x).toBeGreaterThan(plot.right - 0.1 * (plot.right - plot.left))
    expect(layout.targetLine).toEqual({ from: layout.baseline, to: layout.targetRef.at })
    expect(layout.targetRef).toMatchObject({ x1: plot.left, x2: plot.right })
  })

  it('puts a lower target below the baseline on screen, a higher one above it', () => {
    const lower = chartLayout(base)
    expect(lower.targetRef.y).toBeGreaterThan(lower.baseline.y)
    const higher = chartLayout({
      ...base,
      metric: { decimals: 1, unitKind: 'percent' },
      baseline: { value: 60, date: '2024-12-31' },
      targetValue: 75,
    })
    expect(higher.targetRef.y).toBeLessThan(higher.baseline.y)
  })

  it('has round value ticks that cover every value, from bottom to top', () => {
    const layout = chartLayout({
      ...base,
      measurements: [{ value: 12.4, date: '2025-12-31', provisional: false }],
    })
    const values = layout.valueTicks.map((t) => t.value)
    expect(values[0]).toBeLessThanOrEqual(8)
    expect(values.at(-1)).toBeGreaterThanOrEqual(12.4)
    expect(values.length).toBeGreaterThanOrEqual(3)
    expect(values.length).toBeLessThanOrEqual(8)
    for (const v of values) expect(Math.round(v / layout.valueStep) * layout.valueStep).toBeCloseTo(v)
    // y grows downwards: the lowest tick sits at the bottom of the plot.
    expect(layout.valueTicks[0].y).toBe(layout.plot.bottom)
    expect(layout.valueTicks.at(-1)!.y).toBe(layout.plot.top)
  })

  it('never goes below zero or above 100 for a percentage', () => {
    const layout = chartLayout({
      ...base,
      metric: { decimals: 1, unitKind: 'percent' },
      baseline: { value: 96, date: '2024-12-31' },
      targetValue: 99.5,
    })
    expect(layout.domain.max).toBeLessThanOrEqual(100)
    const low = chartLayout({ ...base, baseline: { value: 1.2, date: '2024-12-31' }, targetValue: 0.5 })
    expect(low.domain.min).toBe(0)
  })

  it('draws no measurement line without measurements', () => {
    const layout = chartLayout(base)
    expect(layout.measurements).toEqual([])
    expect(layout.measurementPath).toBe('')
  })

  it('joins measurements in date order, whatever order they come in', () => {
    const layout = chartLayout({
      ...base,
      measurements: [
        { value: 9.1, date: '2026-12-31', provisional: true },
        { value: 10.2, date: '2025-12-31', provisional: false },
      ],
    })
    expect(layout.measurements.map((m) => m.date)).toEqual(['2025-12-31', '2026-12-31'])
    expect(layout.measurements[1].provisional).toBe(true)
    const [a, b] = layout.measurements
    expect(layout.measurementPath).toBe(`M${a.x},${a.y}L${b.x},${b.y}`)
    expect(b.y).toBeGreaterThan(a.y)
  })

  it('widens the time axis to measurements and versions outside the plan, and keeps them inside the plot', () => {
    const layout = chartLayout({
      ...base,
      measurements: [
        { value: 11, date: '2024-06-30', provisional: false },
        { value: 7.5, date: '2028-06-30', provisional: false },
      ],
      versions: [
        { number: 1, createdAt: '2024-03-01T09:00:00.000Z' },
        { number: 2, createdAt: '2025-09-15T14:30:00.000Z' },
      ],
    })
    expect(layout.domain.start <= '2024-03-01').toBe(true)
    expect(layout.domain.end >= '2028-06-30').toBe(true)
    for (const p of [...layout.measurements, ...layout.versions]) {
      expect(p.x).toBeGreaterThanOrEqual(layout.plot.left)
      expect(p.x).toBeLessThanOrEqual(layout.plot.right)
    }
    expect(layout.versions.map((v) => [v.number, v.date])).toEqual([
      [1, '2024-03-01'],
      [2, '2025-09-15'],
    ])
    expect(layout.versions[0].x).toBeLessThan(layout.baseline.x)
    expect(layout.measurements[1].x).toBeGreaterThan(layout.targetRef.at.x)
  })

  it('copes with a target due within days of its baseline', () => {
    const layout = chartLayout({ ...base, targetDate: '2025-01-02' })
    expect(layout.targetRef.at.x).toBeGreaterThan(layout.baseline.x)
    expect(Number.isFinite(layout.targetRef.at.x)).toBe(true)
  })

  it('uses whole-number ticks for a count', () => {
    const layout = chartLayout({
      ...base,
      metric: { decimals: 0, unitKind: 'count' },
      baseline: { value: 0, date: '2025-01-01' },
      targetValue: 3,
    })
    for (const t of layout.valueTicks) expect(Number.isInteger(t.value)).toBe(true)
  })
})

describe('legendLayout', () => {
  it('puts entries side by side without overlap, and wraps to a new row when the width runs out', () => {
    const layout = chartLayout(base)
    const labels = ['Nulmeting', 'Lijn naar het doel', 'Doel', 'Meting', 'Meting, voorlopig', 'Versie']
    const at = legendLayout(labels, layout)
    for (let i = 1; i < at.length; i++) {
      if (at[i].y === at[i - 1].y) expect(at[i].x - at[i - 1].x).toBeGreaterThan(24 + labels[i - 1].length * 6)
      else expect(at[i].x).toBe(layout.plot.left)
    }
    expect(new Set(at.map((p) => p.y)).size).toBe(2)
    for (const p of at) expect(p.y).toBeLessThan(layout.height)
    expect(new Set(legendLayout(['a', 'b'], layout).map((p) => p.y)).size).toBe(1)
  })
})
