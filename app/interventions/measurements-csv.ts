import { t, type Locale } from '~/i18n'
import { csvField, csvTime } from '~/summary/summary-csv'
import { findMetric } from './metrics'
import type { InterventionView } from './types'

/**
 * The measurements of an intervention as CSV for Excel NL (';', BOM, comma decimals in Dutch), one
 * row per measurement with its target's metric and unit, date, period, value, provisional or final,
 * source and when it was recorded.
 */
export function measurementsCsv(view: InterventionView, locale: Locale): string {
  const header = ['metric', 'unit', 'date', 'period', 'value', 'provisional', 'source', 'recorded'].map((k) =>
    t(locale, `interventions.csv.${k}` as Parameters<typeof t>[1]),
  )
  const targets = new Map(view.targets.map((target) => [target.id, target]))
  const number = (value: number) => (locale === 'nl' ? String(value).replace('.', ',') : String(value))
  const rows = view.measurements.map((m) => {
    const metric = findMetric(targets.get(m.targetId)?.metric)
    return [
      metric?.label[locale] ?? '',
      metric?.unit[locale] ?? '',
      m.date,
      m.period ?? '',
      number(m.value),
      t(locale, m.provisional ? 'interventions.measurement.provisional' : 'interventions.measurement.final'),
      m.source,
      csvTime(m.createdAt),
    ]
  })
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(';')).join('\r\n')}\r\n`
}
