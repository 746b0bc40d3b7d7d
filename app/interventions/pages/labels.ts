/**
 * How the intervention pages name and format what the view model carries: vocabularies through
 * the interventions i18n area, dates and figures in the reader's locale. One place, so every page
 * says "Bron: CBS …" and writes a figure with its unit the same way.
 */
import type { Locale } from '~/i18n'
import { t } from '~/i18n'
import { formatIsoDate, formatMetricValue } from '~/interventions/format'
import { findMetric } from '~/interventions/metrics'
import { formatPeriod } from '~/wijken/format-view'
import type { BaselineSource, MeasurementView } from '~/interventions/types'

/** `t` for keys built from a vocabulary (`interventions.status.pilot`). */
const say = (locale: Locale, key: string, vars?: Record<string, string | number>) =>
  (t as unknown as (l: Locale, k: string, v?: Record<string, string | number>) => string)(locale, key, vars)

/** A period as people read it: a CBS period key in words ("1e halfjaar 2024"); anything typed in as it was typed. */
export function periodText(period: string, locale: Locale): string {
  return /^\d{4}(JJ00|HJ0[12]|KW0[1-4]|MM(0[1-9]|1[0-2]))$/.test(period) ? formatPeriod(period, locale) : period
}

/** A date of the view model: an ISO date ("31 december 2025") or a moment (then with its time). */
export function formatDate(iso: string, locale: Locale): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return formatIsoDate(iso, locale)
  return formatIsoDate(iso.slice(0, 10), locale)
}

/** "12 mrt 2026 14:05": when someone did something, in the programme's time zone. */
export function formatMoment(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso))
}

/** Where a baseline comes from, in one sentence: CBS table, column, period (and the gemeente caveat), or the note. */
export function baselineSourceText(source: BaselineSource, locale: Locale): string {
  if (source.kind === 'hand') {
    const note = say(locale, 'intervention-pages.baseline.hand', { note: source.note })
    return source.period ? `${note} (${periodText(source.period, locale)})` : note
  }
  const cbs = say(locale, 'intervention-pages.baseline.cbs', {
    table: source.table,
    column: source.column,
    period: periodText(source.period, locale),
  })
  return source.level === 'gemeente' ? `${cbs} · ${say(locale, 'intervention-pages.baseline.gemeente')}` : cbs
}

/** A measurement's source, with the CBS cell it came from when it was an offered figure. */
export function measurementSourceText(m: MeasurementView, locale: Locale): string {
  if (m.origin.kind === 'hand') return m.source
  return say(locale, 'intervention-pages.measurement.cbs', {
    table: m.origin.table,
    column: m.origin.column,
    period: periodText(m.origin.period, locale),
  })
}

/** The vocabularies' labels live in the interventions area (metrics, statuses …). */
export const label = {
  status: (status: string, locale: Locale) => say(locale, `interventions.status.${status}`),
  place: (place: string, locale: Locale) => say(locale, `interventions.place.${place}`),
  level: (level: string, locale: Locale) => say(locale, `interventions.level.${level}`),
  direction: (direction: string, locale: Locale) => say(locale, `interventions.direction.${direction}`),
  judgement: (judgement: string, locale: Locale) => say(locale, `interventions.judgement.${judgement}`),
  targetStatus: (status: string, locale: Locale) => say(locale, `interventions.targetStatus.${status}`),
  phase: (phase: string, locale: Locale) => say(locale, `phase.${phase}`),
}

/** A metric of the catalogue as the pages name it: its label, its unit, and a figure of it with unit and decimals. */
export function describeMetric(code: string, locale: Locale) {
  const metric = findMetric(code)
  return {
    metric,
    label: metric?.label[locale] ?? code,
    unit: metric?.unit[locale] ?? '',
    figure: (value: number) => (metric ? formatMetricValue(value, metric, locale) : String(value)),
  }
}
