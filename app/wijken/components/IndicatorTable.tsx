import { useT } from '~/i18n/use-t'
import { formatDifference, formatPeriod, formatReason, formatUnit, valueOrReason } from '~/wijken/format-view'
import type { IndicatorResult } from '~/wijken/profile-types'

/** A figure or its reason; a hidden figure is shown in words, never as 0. */
function Value({ r, value }: { r: IndicatorResult; value: number | null }) {
  const { locale } = useT()
  const text = valueOrReason(value, value === null ? (r.reason ?? 'no-data') : null, r.unit, r.decimals, locale)
  return value === null ? <span className="wk-reason">{text}</span> : <span className="wk-num">{text}</span>
}

function SourceRef({ n, code }: { n: number; code: string }) {
  const { t } = useT()
  return (
    <sup className="wk-fnref">
      <a href={`#bron-${code}`} id={`ref-${code}`} aria-label={t('wijken.profile.sourceRef', { n })}>
        {n}
      </a>
    </sup>
  )
}

/**
 * The figures of a wijk beside its gemeente and Nederland. `level` 'gemeente' lists the
 * figures CBS publishes only per gemeente (no wijk column).
 */
export function IndicatorTable({
  rows,
  footnotes,
  gemeenteName,
  level,
  related = [],
}: {
  rows: IndicatorResult[]
  footnotes: Record<string, number>
  gemeenteName: string
  level: 'wijk' | 'gemeente'
  /** Indicators a row may be about the same thing as (`sameTopicAs`), to say why both are shown. */
  related?: IndicatorResult[]
}) {
  const { t, locale } = useT()
  // "'s-Hertogenbosch" must not break after "'s-" in a narrow column header.
  const unbroken = gemeenteName.replace(/-/g, '\u2011')
  const cols =
    level === 'wijk'
      ? [
          t('wijken.profile.col.indicator'),
          t('wijken.profile.col.wijk'),
          t('wijken.profile.col.gemeente', { gemeente: unbroken }),
          t('wijken.profile.col.national'),
          t('wijken.profile.col.difference', { gemeente: unbroken }),
          t('wijken.profile.col.period'),
        ]
      : [
          t('wijken.profile.col.indicator'),
          t('wijken.profile.col.gemeente', { gemeente: unbroken }),
          t('wijken.profile.col.national'),
          t('wijken.profile.col.differenceNational'),
          t('wijken.profile.col.period'),
        ]
  return (
    <table className="wk-table wk-figures">
      <caption className="skip-link">
        {t(level === 'wijk' ? 'wijken.profile.figures.title' : 'wijken.profile.figures.gemeente.title')}
      </caption>
      <thead>
        <tr>
          {cols.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const diff = level === 'wijk' ? r.difference : r.differenceNational
          const twin = r.sameTopicAs ? related.find((o) => o.code === r.sameTopicAs) : undefined
          return (
            <tr key={r.code} data-indicator={r.code} className={r.isRisk ? 'is-risk' : undefined}>
              <th scope="row" data-label={cols[0]}>
                <span className="wk-ind-label">{r.label[locale]}</span>
                <span className="wk-unit">{t('wijken.unitLabel', { unit: formatUnit(r.unit, locale) })}</span>
                {level === 'gemeente' ? <span className="wk-level-tag">{t('wijken.level.gemeente')}</span> : null}
                {twin ? (
                  <span className="wk-same-topic" data-testid="same-topic">
                    {t('wijken.profile.sameTopic', {
                      other: twin.label[locale],
                      otherUnit: formatUnit(twin.unit, locale),
                    })}
                  </span>
                ) : null}
              </th>
              {level === 'wijk' ? (
                <td data-label={cols[1]} data-testid="wijk-value">
                  <Value r={r} value={r.value} />
                  <SourceRef n={footnotes[r.code]!} code={r.code} />
                </td>
              ) : null}
              <td data-label={level === 'wijk' ? cols[2] : cols[1]}>
                <Value r={r} value={r.gemeenteValue} />
                {level === 'gemeente' ? <SourceRef n={footnotes[r.code]!} code={r.code} /> : null}
              </td>
              <td data-label={level === 'wijk' ? cols[3] : cols[2]}>
                <Value r={r} value={r.nationalValue} />
              </td>
              <td data-label={level === 'wijk' ? cols[4] : cols[3]}>
                {diff !== null ? (
                  <span className="wk-num">{formatDifference(diff, r.unit, r.decimals, locale)}</span>
                ) : (
                  '–'
                )}
                {r.isRisk ? (
                  <span className={r.inCocktail ? 'wk-risk-tag' : 'wk-risk-tag wk-risk-tag-soft'}>
                    {t(r.inCocktail ? 'wijken.profile.unfavourable' : 'wijken.profile.unfavourableNotCounted')}
                  </span>
                ) : null}
              </td>
              <td data-label={level === 'wijk' ? cols[5] : cols[4]} className="wk-period">
                {r.period ? formatPeriod(r.period, locale) : '–'}
                {r.newer ? (
                  <span className="wk-newer" data-testid="newer">
                    {t('wijken.profile.newer', {
                      period: formatPeriod(r.newer.period, locale),
                      reason: formatReason(r.newer.reason, locale),
                    })}
                  </span>
                ) : null}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
