import { useT } from '~/i18n/use-t'
import { formatPeriod, statlineUrl } from '~/wijken/format-view'
import type { IndicatorResult } from '~/wijken/profile-types'

/** Visible footnotes: for every figure, each CBS table, column and period it was computed from. */
export function SourceFootnotes({
  rows,
  footnotes,
  tableTitles,
}: {
  rows: IndicatorResult[]
  footnotes: Record<string, number>
  tableTitles: Record<string, string>
}) {
  const { t, locale } = useT()
  return (
    <ol className="wk-footnotes" data-testid="footnotes">
      {rows.map((r) => (
        <li key={r.code} id={`bron-${r.code}`} value={footnotes[r.code]}>
          <strong>{r.label[locale]}:</strong>{' '}
          {r.sources.length === 0
            ? t('wijken.profile.sources.none')
            : r.sources.map((s, i) => (
                <span key={i}>
                  {i > 0 ? '; ' : ''}
                  {r.own ? (
                    // an organisation's own table (app/wijken/own): named by who delivered it, not linked to CBS
                    t('own.source', { organisation: r.own.organisation, title: r.own.title })
                  ) : (
                    <>
                      {t('wijken.profile.sources.table')}{' '}
                      <a href={statlineUrl(s.table)} rel="noreferrer">
                        {s.table}
                      </a>
                    </>
                  )}{' '}
                  {t('wijken.profile.sources.item', {
                    title: r.own ? s.table : (tableTitles[s.table] ?? s.table),
                    column: s.column,
                    period: formatPeriod(s.period, locale),
                  })}
                  {s.category ? ` (${t('wijken.profile.sources.category', { category: s.category })})` : ''}
                </span>
              ))}
          .{' '}
          <a href={`#ref-${r.code}`} aria-label={t('wijken.profile.sources.back')} className="wk-fnback">
            ↩
          </a>
        </li>
      ))}
    </ol>
  )
}
