/** Number formatting for the wijk pages: Dutch (or English) separators, the indicator's decimals. */
import { t, type Locale, type MessageKey } from '~/i18n'
import type { HiddenReason } from './privacy'

const nf = (locale: Locale, decimals: number, sign = false) =>
  new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    signDisplay: sign ? 'exceptZero' : 'auto',
  })

/** "36,8%", "13.895", "35,5" — a percentage carries its sign, other units are named beside it. */
export function formatValue(value: number, unit: string, decimals: number, locale: Locale): string {
  const n = nf(locale, decimals).format(value)
  return unit === '%' ? `${n}%` : n
}

/** The catalogue's units (app/wijken/indicators.ts) and their texts; another unit is shown as written. */
const unitKeys: Record<string, MessageKey> = {
  '%': 'wijken.unit.percent',
  aantal: 'wijken.unit.count',
  'per 1.000 inwoners van 0–25 jaar': 'wijken.unit.perThousandYoung',
  'x 1.000 euro': 'wijken.unit.thousandEuro',
  'ongunstige factoren': 'wijken.unit.factors',
}

/** A unit in the reader's language: "per 1,000 inhabitants aged 0–25". */
export const formatUnit = (unit: string, locale: Locale) => {
  const key = unitKeys[unit]
  return key ? t(locale, key) : unit
}

/**
 * A figure with its unit, for where it stands alone (a map, a card, a list): "36,8%",
 * "35,5 per 1.000 inwoners van 0–25 jaar", "13.895" (a count is named by its label).
 */
export function formatWithUnit(value: number, unit: string, decimals: number, locale: Locale): string {
  const n = formatValue(value, unit, decimals, locale)
  return unit === '%' || unit === 'aantal' ? n : `${n} ${formatUnit(unit, locale)}`
}

/** A figure with its unit or, when hidden, its reason. */
export const valueWithUnitOrReason = (
  value: number | null,
  reason: HiddenReason | null,
  unit: string,
  decimals: number,
  locale: Locale,
) => (value !== null ? formatWithUnit(value, unit, decimals, locale) : formatReason(reason ?? 'no-data', locale))

/** "+9,1 procentpunt" for percentages, "+9,1" otherwise; "0" without sign. */
export function formatDifference(value: number, unit: string, decimals: number, locale: Locale): string {
  const n = nf(locale, decimals, true).format(value)
  if (unit !== '%') return n
  return `${n} ${locale === 'nl' ? 'procentpunt' : 'percentage points'}`
}

const monthNames = (locale: Locale) =>
  Array.from({ length: 12 }, (_, i) =>
    new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { month: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2024, i, 1)),
    ),
  )

/** A CBS period key in the reader's language: "1e halfjaar 2024" / "first half of 2024", "september 2024". */
export function formatPeriod(key: string, locale: Locale): string {
  const year = key.slice(0, 4)
  const kind = key.slice(4, 6)
  const n = Number(key.slice(6))
  if (kind === 'HJ') return t(locale, n === 1 ? 'wijken.period.half1' : 'wijken.period.half2', { year })
  if (kind === 'KW') return t(locale, 'wijken.period.quarter', { n, year })
  if (kind === 'MM') return `${monthNames(locale)[n - 1]} ${year}`
  return year
}

/** The i18n key of a hidden figure's reason. */
const reasonKey = (reason: HiddenReason) => `wijken.reason.${reason}` as const

/** The plain-language reason a figure is not shown; never a number. */
export const formatReason = (reason: HiddenReason, locale: Locale) => t(locale, reasonKey(reason))

/** A figure or, when hidden, its reason. */
export function valueOrReason(
  value: number | null,
  reason: HiddenReason | null,
  unit: string,
  decimals: number,
  locale: Locale,
): string {
  if (value !== null) return formatValue(value, unit, decimals, locale)
  return formatReason(reason ?? 'no-data', locale)
}

/** StatLine page of a CBS table (a plain link; nothing is fetched from it). */
export const statlineUrl = (table: string) => `https://opendata.cbs.nl/statline/#/CBS/nl/dataset/${table}/table`
