import { t } from '~/i18n'
import { cocktailCountText, notAssessedCount, notAssessedReasonText } from '~/wijken/cocktail-text'
import { formatPeriod } from '~/wijken/format-view'
import { CardShapeUtil, NO_WIJK } from './card-util'
import { CardFrame, UpdateNotice, useCard } from './card-parts'
import { cocktailCardMigrations } from './migrations'
import { COCKTAIL_CARD, COCKTAIL_CARD_SIZE, cocktailCardProps, type CocktailCardShape } from './shape-types'
import { cocktailUpdate } from './snapshot'
import './cards.css'

/**
 * The wijk's risk cocktail: how many of the assessed factors are unfavourable, which, which
 * factors could not be assessed and why, and what that does not mean.
 */
export class CocktailCardUtil extends CardShapeUtil<CocktailCardShape> {
  static override type = COCKTAIL_CARD
  static override props = cocktailCardProps
  static override migrations = cocktailCardMigrations

  override getDefaultProps(): CocktailCardShape['props'] {
    return {
      ...COCKTAIL_CARD_SIZE,
      ...NO_WIJK,
      factors: 0,
      assessed: 0,
      count: 0,
      riskCodes: [],
      riskLabels: [],
      notAssessed: [],
      sources: [],
      version: '',
    }
  }

  override renderCard(shape: CocktailCardShape) {
    return <CocktailCard shape={shape} />
  }
}

function CocktailCard({ shape }: { shape: CocktailCardShape }) {
  const { locale, compact, refresh } = useCard(shape, cocktailUpdate)
  const p = shape.props
  const facts = { ...p, riskIndicators: p.riskCodes }
  const risk = p.count > 0
  const missing = notAssessedCount(facts)
  const title = `${t(locale, 'cards.cocktail.title')} · ${p.wijkName}`
  const count = (
    <p className="wk-card__main">
      <span className="wk-card__value wk-card__value--text" data-testid="card-value">
        {p.assessed > 0
          ? cocktailCountText(facts, locale)
          : t(locale, 'wijken.cocktailText.noneAssessed', { factors: p.factors })}
      </span>
    </p>
  )
  const missingLine =
    missing > 0 ? (
      <p className="wk-card__meta" data-testid="card-not-assessed">
        {t(locale, p.notAssessed ? 'cards.cocktail.notAssessed' : 'cards.cocktail.notAssessedUnknown', {
          n: missing,
          factors: p.factors,
        })}
      </p>
    ) : null

  if (compact) {
    return (
      <CardFrame kind="cocktail" risk={risk} compact data-wijk={p.wijkCode}>
        <p className="wk-card__label">{title}</p>
        {count}
        {missing > 0 && p.assessed > 0 ? (
          <p className="wk-card__meta">{t(locale, 'wijken.cocktailText.notAssessed', { n: missing })}</p>
        ) : null}
      </CardFrame>
    )
  }

  return (
    <CardFrame kind="cocktail" risk={risk} compact={false} data-wijk={p.wijkCode}>
      <p className="wk-card__label">{title}</p>
      {count}
      {p.assessed > 0 ? (
        <>
          <p className="wk-card__meta">
            {t(locale, p.count === 1 ? 'cards.cocktail.countTextOne' : 'cards.cocktail.countText', {
              gemeente: p.gemeenteName,
            })}
          </p>
          {p.riskLabels.length > 0 ? (
            <ul className="wk-card__risks">
              {p.riskLabels.map((l, i) => (
                <li key={p.riskCodes[i] ?? i}>▲ {l[locale]}</li>
              ))}
            </ul>
          ) : (
            <p className="wk-card__meta">{t(locale, 'cards.cocktail.none')}</p>
          )}
        </>
      ) : null}
      {missingLine}
      {p.notAssessed && p.notAssessed.length > 0 ? (
        <ul className="wk-card__missing">
          {p.notAssessed.map((f) => (
            <li key={f.code}>
              ? {f.label[locale]}: {notAssessedReasonText(f.reason, locale)}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="wk-card__summary">{t(locale, 'wijken.cocktailText.summary.closing')}</p>
      <p className="wk-card__source">
        {p.sources.length > 0
          ? t(locale, 'cards.cocktail.source', {
              sources: p.sources
                .map((s) =>
                  t(locale, 'cards.cocktail.sourceItem', {
                    table: s.table,
                    column: s.column,
                    period: formatPeriod(s.period, locale),
                  }),
                )
                .join('; '),
            })
          : t(locale, 'cards.cocktail.sourceNone')}
      </p>
      <UpdateNotice onRefresh={refresh} />
    </CardFrame>
  )
}
