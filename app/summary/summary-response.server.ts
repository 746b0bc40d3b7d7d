import type { Locale } from '~/i18n'
import { t } from '~/i18n'
import type { SessionSummary } from './summary'
import { summaryCsv } from './summary-csv'

/** The CSV as a download named after the session's date, never cached (it holds the notes' texts). */
export function summaryCsvResponse(summary: SessionSummary, locale: Locale, createdAt: Date): Response {
  const date = createdAt.toISOString().slice(0, 10)
  const filename = `${t(locale, 'summary.csv.filename')}-${date}.csv`
  return new Response(summaryCsv(summary, locale), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
