import { t } from '~/i18n'
import { formatPeriod, formatReason, formatUnit, formatValue } from '~/wijken/format-view'
import { CardShapeUtil, NO_WIJK } from './card-util'
import { CardFrame, UpdateNotice, useCard } from './card-parts'
import { indicatorCardMigrations } from './migrations'
import { INDICATOR_CARD, INDICATOR_CARD_SIZE, indicatorCardProps, type IndicatorCardShape } from './shape-types'
import { indicatorUpdate } from './snapshot'
import './cards.css'

/** A card with one figure of a wijk beside its gemeente and Nederland, with period and source. */
export class IndicatorCardUtil extends CardShapeUtil<IndicatorCardShape> {
  static override type = INDICATOR_CARD
  static override props = indicatorCardProps
  static override migrations = indicatorCardMigrations

  override getDefaultProps(): IndicatorCardShape['props'] {
    return {
      ...INDICATOR_CARD_SIZE,
      ...NO_WIJK,
      indicatorCode: '',
      label: { nl: '', en: '' },
      level: 'wijk',
      value: null,
      reason: 'no-data',
      unit: '',
      decimals: 0,
      period: null,
      periodLabel: null,
      gemeenteValue: null,
      nationalValue: null,
      isRisk: null,
      riskThreshold: null,
      sourceTable: null,
      sourceColumn: null,
      sourceOrganisation: null,
    }
  }

  override renderCard(shape: IndicatorCardShape) {
    return <IndicatorCard shape={shape} />
  }
}

function IndicatorCard({ shape }: { shape: IndicatorCardShape }) {
  const { locale, compact, refresh } = useCard(shape, indicatorUpdate)
  const p = shape.props

  const figure = (v: number | null) =>
    // The unit stands beside the main figure just above; repeated here it would not fit the card.
    v === null ? t(locale, 'cards.card.noFigure') : formatValue(v, p.unit, p.decimals, locale)
  // A hidden figure is shown in words, never as 0.
  const main =
    p.value === null ? formatReason(p.reason ?? 'no-data', locale) : formatValue(p.value, p.unit, p.decimals, locale)
  // "%" is part of the number; a plain count needs no unit word.
  const unit = p.unit !== '%' && p.unit !== 'aantal' && p.value !== null ? formatUnit(p.unit, locale) : null
  const risk = p.isRisk === true
  // Why it is a risk: the administrator's threshold for an own indicator, else the catalogue's rule.
  const riskText = p.riskThreshold
    ? t(locale, p.riskThreshold.direction === 'higher' ? 'cards.card.riskAbove' : 'cards.card.riskBelow', {
        threshold: formatValue(p.riskThreshold.value, p.unit, p.decimals, locale),
      })
    : t(locale, 'cards.card.risk', { gemeente: p.gemeenteName })
  const label = p.label[locale]

  if (compact) {
    return (
      <CardFrame kind="indicator" risk={risk} compact data-indicator={p.indicatorCode}>
        <p className="wk-card__label">{label}</p>
        <p className={p.value === null ? 'wk-card__reason' : 'wk-card__value'} data-testid="card-value">
          {main}
        </p>
        {unit ? <p className="wk-card__meta">{unit}</p> : null}
        {risk ? <p className="wk-card__risk">▲ {riskText}</p> : null}
      </CardFrame>
    )
  }

  const period = p.period ? formatPeriod(p.period, locale) : (p.periodLabel ?? '–')
  return (
    <CardFrame kind="indicator" risk={risk} compact={false} data-indicator={p.indicatorCode}>
      <p className="wk-card__label">{label}</p>
      <p className="wk-card__meta">
        {t(locale, 'cards.card.wijk', { name: p.wijkName })} · {t(locale, 'cards.card.period', { period })}
      </p>
      {p.level === 'gemeente' ? <p className="wk-card__meta">{t(locale, 'cards.card.gemeenteLevel')}</p> : null}
      <p className="wk-card__main">
        <span className={p.value === null ? 'wk-card__reason' : 'wk-card__value'} data-testid="card-value">
          {main}
        </span>
        {unit ? <span className="wk-card__unit"> {unit}</span> : null}
      </p>
      {risk ? <p className="wk-card__risk">▲ {riskText}</p> : null}
      <dl className="wk-card__refs">
        {p.level === 'wijk' ? (
          <div>
            <dt>{t(locale, 'cards.card.gemeente', { name: p.gemeenteName })}</dt>
            <dd data-testid="card-gemeente">{figure(p.gemeenteValue)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t(locale, 'cards.card.national')}</dt>
          <dd data-testid="card-national">{figure(p.nationalValue)}</dd>
        </div>
      </dl>
      <p className="wk-card__source">
        {p.sourceTable && p.sourceColumn
          ? p.sourceOrganisation
            ? t(locale, 'cards.card.sourceOwn', {
                organisation: p.sourceOrganisation,
                table: p.sourceTable,
                column: p.sourceColumn,
                period,
              })
            : t(locale, 'cards.card.source', { table: p.sourceTable, column: p.sourceColumn, period })
          : t(locale, 'cards.card.sourceUnknown')}
      </p>
      <UpdateNotice onRefresh={refresh} />
    </CardFrame>
  )
}
