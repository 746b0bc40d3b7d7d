/**
 * Which period a profile shows for an indicator, what is newer, and its trend: one rule for the
 * catalogue's indicators (profile.server.ts) and an organisation's own ones (own/own-profile.server.ts).
 * Pure; the caller says what a region's figure is in a period, through the privacy rules.
 */
import { periodKind, periodLabel } from './periods'
import type { Guarded } from './privacy'
import type { IndicatorResult, TrendPoint } from './profile-types'

/**
 * The period an indicator is shown for. A profile shows the newest period whose own figure has
 * a value (issue 11): of the newest period's kind first (half-years with half-years), else of any
 * kind; without any value, the newest period, so its reason is shown. A map (`newestWithValue`
 * false) keeps the newest period for every wijk, so its colours compare one period.
 */
export function chosenPeriod(
  periods: string[],
  latest: string | null,
  hasValue: (p: string) => boolean,
  newestWithValue: boolean,
): string | null {
  if (!latest || !newestWithValue) return latest
  const newestFirst = [...periods].reverse()
  return (
    newestFirst.find((p) => periodKind(p) === periodKind(latest) && hasValue(p)) ?? newestFirst.find(hasValue) ?? latest
  )
}

/** When the shown period is not the newest: the newest and why its figure is not shown. */
export function newerThan(
  period: string | null,
  latest: string | null,
  reasonAt: (p: string) => Guarded['reason'],
): IndicatorResult['newer'] {
  if (!period || !latest || period === latest) return null
  return { period: latest, periodLabel: periodLabel(latest), reason: reasonAt(latest) ?? 'no-data' }
}

/** An indicator's figures in one period, each already through the privacy rules. */
export interface FiguresAt {
  own: Guarded
  gemeente: number | null
  national: number | null
}

const round = (v: number | null, decimals: number) => (v === null ? null : Number(v.toFixed(decimals)))

/**
 * The trend of the area's own periods of the shown period's kind (a year and a half-year are not
 * compared); empty with fewer than two. A hidden figure stays null with its reason.
 */
export function trendOf(
  periods: string[],
  period: string | null,
  at: (p: string) => FiguresAt,
  decimals: number,
): TrendPoint[] {
  const same = period ? periods.filter((p) => periodKind(p) === periodKind(period)) : []
  if (same.length < 2) return []
  return same.map((p) => {
    const f = at(p)
    return {
      period: p,
      periodLabel: periodLabel(p),
      value: round(f.own.value, decimals),
      reason: f.own.reason,
      gemeenteValue: round(f.gemeente, decimals),
      nationalValue: round(f.national, decimals),
    }
  })
}
