import { useT } from '~/i18n/use-t'
import { formatPeriod, formatUnit, valueOrReason } from '~/wijken/format-view'
import type { IndicatorResult } from '~/wijken/profile-types'
import { Sparkline } from './Sparkline'

/**
 * Figures with more than one period: a sparkline (own area solid, reference dashed) and a table
 * with the periods as columns (compact; it scrolls sideways on a phone).
 */
export function TrendTables({ rows, gemeenteName }: { rows: IndicatorResult[]; gemeenteName: string }) {
  const { t, locale } = useT()
  return (
    <div className="wk-trends">
      {rows.map((r) => {
        const own = r.level === 'wijk'
        const fmt = (v: number | null, reason: IndicatorResult['reason'] = null) =>
          valueOrReason(v, v === null ? (reason ?? 'no-data') : null, r.unit, r.decimals, locale)
        const lines: { label: string; cells: string[]; hidden: boolean[] }[] = [
          ...(own
            ? [
                {
                  label: t('wijken.profile.col.wijk'),
                  cells: r.trend.map((p) => fmt(p.value, p.reason)),
                  hidden: r.trend.map((p) => p.value === null),
                },
              ]
            : []),
          {
            label: gemeenteName,
            cells: r.trend.map((p) => (own ? fmt(p.gemeenteValue) : fmt(p.value, p.reason))),
            hidden: r.trend.map((p) => (own ? p.gemeenteValue : p.value) === null),
          },
          {
            label: t('wijken.profile.col.national'),
            cells: r.trend.map((p) => fmt(p.nationalValue)),
            hidden: r.trend.map((p) => p.nationalValue === null),
          },
        ]
        return (
          <section key={r.code} className="wk-trend card" aria-labelledby={`trend-${r.code}`} data-testid="trend">
            <h3 id={`trend-${r.code}`}>
              {r.label[locale]}
              {!own ? <span className="wk-level-tag">{t('wijken.level.gemeente')}</span> : null}
            </h3>
            <div className="wk-trend-body">
              <div className="wk-trend-chart">
                <Sparkline
                  series={[
                    { values: r.trend.map((p) => p.value) },
                    { values: r.trend.map((p) => (own ? p.gemeenteValue : p.nationalValue)), dashed: true },
                  ]}
                />
                <p className="meta">
                  {t('wijken.profile.trends.legend', {
                    own: own ? t('wijken.profile.trends.wijk') : gemeenteName,
                    ref: own ? gemeenteName : t('wijken.profile.col.national'),
                  })}
                </p>
              </div>
              <div className="wk-scroll" tabIndex={0} role="region" aria-labelledby={`trend-${r.code}`}>
                <table className="wk-trend-table">
                  <caption className="skip-link">{r.label[locale]}</caption>
                  <thead>
                    <tr>
                      <td />
                      {r.trend.map((p) => (
                        <th key={p.period} scope="col">
                          {formatPeriod(p.period, locale)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {lines.map((line) => (
                      <tr key={line.label}>
                        <th scope="row">{line.label}</th>
                        {line.cells.map((c, i) => (
                          <td key={i} className={line.hidden[i] ? 'wk-reason' : 'wk-num'}>
                            {c}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
            <p className="meta">{t('wijken.unitLabel', { unit: formatUnit(r.unit, locale) })}</p>
          </section>
        )
      })}
    </div>
  )
}
