/**
 * Pure helpers for the choropleth: legend classes and how a hidden figure is drawn. Shared by the
 * server (which assigns classes before sending the map) and the components (which draw them).
 */
import type { HiddenReason } from './privacy'

/** Sequential single-hue palette (light → dark = low → high), in the app's accent colour. */
export const MAP_PALETTE = ['#e4f1f4', '#a8d2dd', '#66acc0', '#2b7f99', '#0b4f66'] as const

export interface LegendClass {
  /** Inclusive lower and upper bound (rounded to the indicator's decimals). */
  from: number
  to: number
  color: string
}

const roundTo = (v: number, decimals: number) => Number(v.toFixed(decimals))

/**
 * Up to `maxClasses` quantile classes over the shown values. Quantiles rather than equal
 * intervals, because counts such as inhabitants are skewed and would otherwise put nearly every
 * wijk in the lightest class. Fewer distinct values than classes → one class per value; a
 * gemeente-level figure (all wijken the same) → one class.
 */
export function legendClasses(values: number[], decimals: number, maxClasses = 5): LegendClass[] {
  const sorted = values
    .filter((v) => Number.isFinite(v))
    .map((v) => roundTo(v, decimals))
    .sort((a, b) => a - b)
  if (sorted.length === 0) return []
  const unique = [...new Set(sorted)]
  let bounds: [number, number][]
  if (unique.length <= maxClasses) {
    bounds = unique.map((v) => [v, v])
  } else {
    // Upper bound of class i: the value at quantile (i+1)/n (nearest rank).
    const uppers: number[] = []
    for (let i = 1; i < maxClasses; i++) {
      const upper = sorted[Math.min(sorted.length - 1, Math.ceil((i / maxClasses) * sorted.length) - 1)]!
      if (uppers[uppers.length - 1] !== upper && upper < sorted[sorted.length - 1]!) uppers.push(upper)
    }
    uppers.push(sorted[sorted.length - 1]!)
    bounds = uppers.map((to, i) => {
      const from = i === 0 ? sorted[0]! : sorted.find((v) => v > uppers[i - 1]!)!
      return [from, to]
    })
  }
  const k = bounds.length
  return bounds.map(([from, to], i) => ({
    from,
    to,
    color: MAP_PALETTE[k === 1 ? 2 : Math.round((i * (MAP_PALETTE.length - 1)) / (k - 1))]!,
  }))
}

/** The index of the class a value falls in, or null when there are no classes. */
export function classIndexOf(value: number, classes: LegendClass[], decimals: number): number | null {
  if (classes.length === 0) return null
  const v = roundTo(value, decimals)
  const i = classes.findIndex((c) => v <= c.to)
  return i === -1 ? classes.length - 1 : i
}

/**
 * Too small / secret figures are hatched (there IS something, it is not shown);
 * not published / no data are plain grey (nothing to show).
 */
export const hiddenStyle = (reason: HiddenReason): 'hatched' | 'grey' =>
  reason === 'too-small' || reason === 'suppressed' ? 'hatched' : 'grey'
