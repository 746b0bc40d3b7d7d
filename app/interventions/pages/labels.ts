/**
 * How the intervention pages name and format what the view model carries: vocabularies through
 * the interventions i18n area, dates and figures in the reader's locale. One place, so every page
 * says "Bron: CBS …" and writes a figure with its unit the same way.
 */
import type { Locale } from '~/i18n'
import { t } from '~/i18n'
import { findMetric } from '~/interventions/metrics'
import type { BaselineSource, MeasurementView } from '~/interventions/types'

/** `t` for keys built from a vocabulary (`interventions.status.pilot`). */
const say = (locale: Locale, key: string, vars?: Record<string, string | number>) =>
  (t as unknown as (l: Locale, k: string, v?: Record<string, string | number>) => string)(locale, key, vars)

const intl = (locale: Locale) => (locale === 'nl' ? 'nl-NL' : 'en-GB')

/** "12 mrt 2026" (dates of the view model are ISO dates or timestamps). */
export function formatDate(iso: string, locale: Locale): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00Z`) : new Date(iso)
  return new Intl.DateTimeFormat(intl(locale), { dateStyle: 'medium', timeZone: 'Europe/Amsterdam' }).format(date)
}

/** "12 mrt 2026 14:05": when someone did something. */
export function formatMoment(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intl(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso))
}

/** A figure with its unit: "36,8%", "12,4 per 1.000 jongeren", "85 gezinnen". */
export function formatFigure(value: number, unit: string, decimals: number, locale: Locale): string {
  const n = new Intl.NumberFormat(intl(locale), {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value)
  return unit === '%' ? `${n}%` : `${n} ${unit}`
}

/** Where a baseline comes from, in one sentence: CBS table, column, period (and the gemeente caveat), or the note. */
export function baselineSourceText(source: BaselineSource, locale: Locale): string {
  if (source.kind === 'hand') {
    const note = say(locale, 'intervention-pages.baseline.hand', { note: source.note })
    return source.period ? `${note} (${source.period})` : note
  }
  const cbs = say(locale, 'intervention-pages.baseline.cbs', {
    table: source.table,
    column: source.column,
    period: source.period,
  })
  return source.level === 'gemeente' ? `${cbs} · ${say(locale, 'intervention-pages.baseline.gemeente')}` : cbs
}

/** A measurement's source, with the CBS cell it came from when it was an offered figure. */
export function measurementSourceText(m: MeasurementView, locale: Locale): string {
  if (m.origin.kind === 'hand') return m.source
  return say(locale, 'intervention-pages.baseline.cbs', {
    table: m.origin.table,
    column: m.origin.column,
    period: m.origin.period,
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

/** A metric of the catalogue as the pages name it: its label, its unit and how many decimals it shows. */
export function describeMetric(id: string, locale: Locale) {
  const metric = findMetric(id)
  return {
    metric,
    label: metric?.label[locale] ?? id,
    unit: metric?.unit[locale] ?? '',
    decimals: metric?.decimals ?? 1,
  }
}
