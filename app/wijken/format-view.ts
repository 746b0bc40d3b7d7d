/** Number formatting for the wijk pages: Dutch (or English) separators, the indicator's decimals. */
import { t, type Locale } from '~/i18n'
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

/** "+9,1 procentpunt" for percentages, "+9,1" otherwise; "0" without sign. */
export function formatDifference(value: number, unit: string, decimals: number, locale: Locale): string {
  const n = nf(locale, decimals, true).format(value)
  if (unit !== '%') return n
  return `${n} ${locale === 'nl' ? 'procentpunt' : 'percentage points'}`
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
