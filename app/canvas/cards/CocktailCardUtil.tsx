import { t } from '~/i18n'
import { CardShapeUtil, NO_WIJK } from './card-util'
import { CardFrame, UpdateNotice, useCard } from './card-parts'
import { COCKTAIL_CARD, COCKTAIL_CARD_SIZE, cocktailCardProps, type CocktailCardShape } from './shape-types'
import { cocktailUpdate } from './snapshot'
import './cards.css'

/** The wijk's risk cocktail: how many risk factors pile up, which, and what that does not mean. */
export class CocktailCardUtil extends CardShapeUtil<CocktailCardShape> {
  static override type = COCKTAIL_CARD
  static override props = cocktailCardProps

  override getDefaultProps(): CocktailCardShape['props'] {
    return {
      ...COCKTAIL_CARD_SIZE,
      ...NO_WIJK,
      count: 0,
      assessed: 0,
      riskCodes: [],
      riskLabels: [],
      summary: '',
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
  const risk = p.count > 0
  const title = `${t(locale, 'cards.cocktail.title')} · ${p.wijkName}`
  const count = (
    <p className="wk-card__main">
      <span className="wk-card__value" data-testid="card-value">
        {t(locale, 'cards.cocktail.count', { count: p.count, assessed: p.assessed })}
      </span>
    </p>
  )

  if (compact) {
    return (
      <CardFrame kind="cocktail" risk={risk} compact data-wijk={p.wijkCode}>
        <p className="wk-card__label">{title}</p>
        {count}
      </CardFrame>
    )
  }

  return (
    <CardFrame kind="cocktail" risk={risk} compact={false} data-wijk={p.wijkCode}>
      <p className="wk-card__label">{title}</p>
      {count}
      <p className="wk-card__meta">{t(locale, 'cards.cocktail.countText', { gemeente: p.gemeenteName })}</p>
      {p.riskLabels.length > 0 ? (
        <ul className="wk-card__risks">
          {p.riskLabels.map((l, i) => (
            <li key={p.riskCodes[i] ?? i}>▲ {l[locale]}</li>
          ))}
        </ul>
      ) : (
        <p className="wk-card__meta">{t(locale, 'cards.cocktail.none')}</p>
      )}
      {/* The profile's plain-Dutch summary, which also says what the figures do not mean. */}
      <p className="wk-card__summary" lang="nl">
        {p.summary}
      </p>
      <p className="wk-card__source">{t(locale, 'cards.cocktail.source')}</p>
      <UpdateNotice onRefresh={refresh} />
    </CardFrame>
  )
}
