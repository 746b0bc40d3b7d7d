/** How an intervention's figures and dates read: the metric's decimals, Dutch separators for nl. */
import type { Locale } from '~/i18n'
import type { MetricDefinition } from './metrics'

const tag = (locale: Locale) => (locale === 'nl' ? 'nl-NL' : 'en-GB')

/** "10,6", "1.250" (nl) or "10.6", "1,250" (en), with exactly the metric's decimals. */
export function formatNumber(value: number, decimals: number, locale: Locale): string {
  return new Intl.NumberFormat(tag(locale), {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value)
}

/** A figure with its unit: "64,2%" for a percentage, "10,6 per 1.000 jongeren tot 18 jaar" otherwise. */
export function formatMetricValue(
  value: number,
  metric: Pick<MetricDefinition, 'decimals' | 'unit' | 'unitKind'>,
  locale: Locale,
): string {
  const n = formatNumber(value, metric.decimals, locale)
  return metric.unitKind === 'percent' ? `${n}%` : `${n} ${metric.unit[locale]}`
}

/** An ISO date as people read it: "31 december 2024" / "31 December 2024". */
export function formatIsoDate(date: string, locale: Locale, month: 'long' | 'short' = 'long'): string {
  // Noon UTC: the same calendar day in every zone the formatter might assume.
  return new Intl.DateTimeFormat(tag(locale), { day: 'numeric', month, year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  )
}

/** "jan. 2025" / "Jan 2025": a date tick of a month. */
export function formatMonth(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(tag(locale), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  )
}
