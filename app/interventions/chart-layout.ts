/**
 * The geometry of a target's chart (TargetChart.tsx), apart from its drawing so it can be tested:
 * scales, ticks and where each point, line and marker goes. Dates are days (isoDay), values the
 * metric's own; y grows downwards, as in SVG.
 */
import { isoDay } from './dates'
import type { UnitKind } from './metrics'
import { valueRange } from './metrics'

export interface ChartInput {
  metric: { decimals: number; unitKind: UnitKind }
  baseline: { value: number; date: string }
  targetValue: number
  targetDate: string
  measurements: { value: number; date: string; provisional: boolean }[]
  versions: { number: number; createdAt: string }[]
  width?: number
  height?: number
}

export interface Point {
  x: number
  y: number
}

export interface ChartLayout {
  width: number
  height: number
  /** the plotting area */
  plot: { left: number; top: number; right: number; bottom: number }
  /** where the legend row starts (below the date labels) */
  legendY: number
  domain: { start: string; end: string; min: number; max: number }
  valueTicks: { value: number; y: number }[]
  /** step of the value ticks, so labels never need more decimals than the metric has */
  valueStep: number
  dateTicks: { date: string; x: number; kind: 'year' | 'month' }[]
  baseline: Point
  /** the straight line from the baseline to the target: "on track" is on or beyond it */
  targetLine: { from: Point; to: Point }
  /** the target value across the whole plot, and the point of the target date on it */
  targetRef: { y: number; x1: number; x2: number; at: Point }
  measurements: (Point & { value: number; date: string; provisional: boolean })[]
  /** the measurements joined in date order ('' when there are none) */
  measurementPath: string
  versions: { number: number; date: string; x: number }[]
}

const MARGIN = { left: 64, right: 28, top: 30, bottom: 44 }
const LEGEND_HEIGHT = 46
/** Width of one character at the chart's 12 px, generously: a legend entry must not run into the next. */
const CHAR_WIDTH = 7
const LEGEND_ROW = 18

/** A round step for about `count` ticks over `span`: 1, 2 or 5 × 10ⁿ, never finer than the metric's decimals. */
export function niceStep(span: number, count: number, decimals: number): number {
  const finest = 10 ** -decimals
  const raw = Math.max(span / count, finest)
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw - 1e-12) ?? 10 * power
  return Math.max(step, finest)
}

/** YYYY-MM-DD of the first of a month, counted from year 0. */
const monthStart = (months: number) =>
  `${String(Math.floor(months / 12)).padStart(4, '0')}-${String((months % 12) + 1).padStart(2, '0')}-01`
const monthsOf = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1

/**
 * Date ticks on the first of a month, every 1, 3, 6, 12 or 24 months: the finest that gives at
 * most six ticks. Year ticks fall on 1 January and are labelled with the year.
 */
export function dateTicks(start: string, end: string): { date: string; kind: 'year' | 'month' }[] {
  const first = monthsOf(start) + (start.endsWith('-01') ? 0 : 1)
  const last = monthsOf(end)
  for (const every of [1, 3, 6, 12, 24]) {
    const ticks: string[] = []
    for (let m = Math.ceil(first / every) * every; m <= last; m += every) ticks.push(monthStart(m))
    if (ticks.length <= 6 || every === 24) {
      return ticks.map((date) => ({ date, kind: every >= 12 ? 'year' : 'month' }))
    }
  }
  return []
}

const fromDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10)
const round1 = (n: number) => Math.round(n * 10) / 10

export function chartLayout(input: ChartInput): ChartLayout {
  const width = input.width ?? 640
  const height = input.height ?? 340
  const plot = {
    left: MARGIN.left,
    top: MARGIN.top,
    right: width - MARGIN.right,
    bottom: height - MARGIN.bottom - LEGEND_HEIGHT,
  }

  // Time runs from the baseline to the target, widened to every measurement and version: a
  // figure is never left off the chart for falling outside the plan.
  const versionDates = input.versions.map((v) => v.createdAt.slice(0, 10))
  const days = [input.baseline.date, input.targetDate, ...input.measurements.map((m) => m.date), ...versionDates].map(
    isoDay,
  )
  let startDay = Math.min(...days)
  let endDay = Math.max(...days)
  if (endDay - startDay < 30) endDay = startDay + 30
  // A little room at both ends so the first and last marks do not sit on the axes.
  const pad = (endDay - startDay) * 0.03
  startDay -= pad
  endDay += pad

  // Values: everything shown, padded, rounded out to whole ticks, within what the unit allows.
  const values = [input.baseline.value, input.targetValue, ...input.measurements.map((m) => m.value)]
  let lo = Math.min(...values)
  let hi = Math.max(...values)
  const span = hi - lo || Math.max(Math.abs(hi) * 0.2, 10 ** -input.metric.decimals * 10)
  lo -= span * 0.15
  hi += span * 0.15
  const step = niceStep(hi - lo, 4, input.metric.decimals)
  const range = valueRange(input.metric)
  const min = Math.max(range.min, Math.floor(lo / step) * step)
  const max = Math.min(range.max, Math.ceil(hi / step) * step)

  const x = (date: string) =>
    round1(plot.left + ((isoDay(date) - startDay) / (endDay - startDay)) * (plot.right - plot.left))
  const y = (value: number) => round1(plot.bottom - ((value - min) / (max - min || 1)) * (plot.bottom - plot.top))

  const valueTicks: ChartLayout['valueTicks'] = []
  for (let i = 0; min + i * step <= max + step * 1e-9; i++) {
    const value = Number((min + i * step).toFixed(Math.max(0, input.metric.decimals)))
    valueTicks.push({ value, y: y(value) })
  }

  const start = fromDay(Math.ceil(startDay))
  const end = fromDay(Math.floor(endDay))
  const measurements = input.measurements
    .map((m) => ({ ...m, x: x(m.date), y: y(m.value) }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  const baseline = { x: x(input.baseline.date), y: y(input.baseline.value) }
  const target = { x: x(input.targetDate), y: y(input.targetValue) }

  return {
    width,
    height,
    plot,
    legendY: height - LEGEND_HEIGHT + 4,
    domain: { start, end, min, max },
    valueTicks,
    valueStep: step,
    dateTicks: dateTicks(start, end).map((t) => ({ ...t, x: x(t.date) })),
    baseline,
    targetLine: { from: baseline, to: target },
    targetRef: { y: target.y, x1: plot.left, x2: plot.right, at: target },
    measurements,
    measurementPath: measurements.map((m, i) => `${i ? 'L' : 'M'}${m.x},${m.y}`).join(''),
    versions: input.versions.map((v, i) => ({ number: v.number, date: versionDates[i], x: x(versionDates[i]) })),
  }
}

/**
 * Where each legend entry goes: a sample mark (24 px) and its label, one after another, on a
 * new row when the next one would not fit. Label widths are estimated; the server has no fonts.
 */
export function legendLayout(
  labels: string[],
  layout: Pick<ChartLayout, 'width' | 'plot' | 'legendY'>,
): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = []
  let x = layout.plot.left
  let y = layout.legendY + 10
  for (const label of labels) {
    const width = 24 + label.length * CHAR_WIDTH + 16
    if (x > layout.plot.left && x + width > layout.width) {
      x = layout.plot.left
      y += LEGEND_ROW
    }
    out.push({ x, y })
    x += width
  }
  return out
}
