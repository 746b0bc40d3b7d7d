import { useT } from '~/i18n/use-t'
import { valueOrReason } from '~/wijken/format-view'
import type { IndicatorResult } from '~/wijken/profile.server'
import { Sparkline } from './Sparkline'

/** Figures with more than one period: a sparkline (wijk solid, gemeente dashed) and the numbers per period. */
export function TrendTables({
  rows,
  decimals,
  gemeenteName,
}: {
  rows: IndicatorResult[]
  decimals: Record<string, number>
  gemeenteName: string
}) {
  const { t, locale } = useT()
  return (
    <div className="wk-trends">
      {rows.map((r) => {
        const d = decimals[r.code] ?? 1
        const own = r.level === 'wijk'
        const fmt = (v: number | null, reason: IndicatorResult['reason'] = null) =>
          valueOrReason(v, v === null ? (reason ?? 'no-data') : null, r.unit, d, locale)
        return (
          <section key={r.code} className="wk-trend card" aria-labelledby={`trend-${r.code}`} data-testid="trend">
            <h3 id={`trend-${r.code}`}>
              {r.label[locale]}
              {!own ? <span className="wk-level-tag">{t('wijken.level.gemeente')}</span> : null}
            </h3>
            <div className="wk-trend-body">
              <Sparkline
                series={
                  own
                    ? [{ values: r.trend.map((p) => p.value) }, { values: r.trend.map((p) => p.gemeenteValue), dashed: true }]
                    : [{ values: r.trend.map((p) => p.value) }, { values: r.trend.map((p) => p.nationalValue), dashed: true }]
                }
              />
              <table className="wk-table wk-trend-table">
                <caption className="skip-link">{r.label[locale]}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('wijken.profile.col.period')}</th>
                    {own ? <th scope="col">{t('wijken.profile.col.wijk')}</th> : null}
                    <th scope="col">{gemeenteName}</th>
                    <th scope="col">{t('wijken.profile.col.national')}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.trend.map((p) => (
                    <tr key={p.period}>
                      <th scope="row">{p.periodLabel}</th>
                      {own ? <td className={p.value === null ? 'wk-reason' : undefined}>{fmt(p.value, p.reason)}</td> : null}
                      <td>{fmt(own ? p.gemeenteValue : p.value, own ? null : p.reason)}</td>
                      <td>{fmt(p.nationalValue)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {r.unit !== '%' && r.unit !== 'aantal' ? <p className="meta">{r.unit}</p> : null}
          </section>
        )
      })}
    </div>
  )
}
