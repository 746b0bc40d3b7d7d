import { t, type Locale } from '~/i18n'
import type { SessionSummary } from './summary'

/** The product's time zone: sessions take place in the Netherlands, whatever the server's clock says. */
export const SESSION_TIME_ZONE = 'Europe/Amsterdam'

/** `2026-03-12 14:05:09`: a form Excel NL reads as a date and time. */
export function csvTime(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: SESSION_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(new Date(iso))
}

/**
 * One field: quoted when it holds the separator, a quote or a line break. A text that begins
 * like a formula (= + - @, tab, CR) gets a leading apostrophe, so a note such as "=HYPERLINK(…)"
 * stays text in a spreadsheet instead of running.
 */
export function csvField(value: string | number): string {
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * The summary as CSV: one row per contribution (step, role, source, created, text, votes), with
 * a byte-order mark and `;` between fields, as Excel with Dutch settings opens it directly.
 */
export function summaryCsv(summary: SessionSummary, locale: Locale): string {
  const columns = ['step', 'role', 'source', 'created', 'text', 'votes'] as const
  const header = columns.map((k) => t(locale, `summary.csv.${k}`))
  const rows = summary.contributions.map((c) => [
    t(locale, `phase.${c.phase}`),
    t(locale, `role.${c.role}`),
    t(locale, `summary.source.${c.source}`),
    csvTime(c.createdAt),
    c.text ?? t(locale, 'summary.privateText'),
    c.votes,
  ])
  return '\uFEFF' + [header, ...rows].map((row) => row.map(csvField).join(';')).join('\r\n') + '\r\n'
}
