import { Link } from '@remix-run/react'
import { useT } from '~/i18n/use-t'

export interface CocktailChip {
  code: string
  label: string
  isRisk: boolean | null
}

/**
 * The risk cocktail at a glance: the count ("1 van 2") and one chip per cocktail indicator —
 * risk ones highlighted, not-assessed ones dashed — followed by the plain-Dutch summary.
 */
export function CocktailVisual({
  count,
  assessed,
  chips,
  summary,
  gemeenteName,
}: {
  count: number
  assessed: number
  chips: CocktailChip[]
  summary: string
  gemeenteName: string
}) {
  const { t } = useT()
  const state = (c: CocktailChip) => (c.isRisk === true ? 'risk' : c.isRisk === false ? 'ok' : 'unknown')
  return (
    <div className="wk-cocktail" data-testid="cocktail">
      {assessed > 0 ? (
        <p className="wk-cocktail-count">
          <strong data-testid="cocktail-count">{t('wijken.profile.cocktail.count', { count, assessed })}</strong>{' '}
          <span>{t('wijken.profile.cocktail.countText', { gemeente: gemeenteName })}</span>
        </p>
      ) : (
        <p className="wk-cocktail-count">{t('wijken.profile.cocktail.none')}</p>
      )}
      <ul className="wk-chips">
        {chips.map((c) => (
          <li key={c.code} className={`wk-chip wk-chip-${state(c)}`} data-state={state(c)}>
            <span className="wk-chip-mark" aria-hidden="true">
              {state(c) === 'risk' ? '!' : state(c) === 'ok' ? '✓' : '?'}
            </span>
            <span className="wk-chip-label">{c.label}</span>
            <span className="wk-chip-state">
              {state(c) === 'risk'
                ? t('wijken.profile.cocktail.risk')
                : state(c) === 'ok'
                  ? t('wijken.profile.cocktail.noRisk')
                  : t('wijken.profile.cocktail.notAssessed')}
            </span>
          </li>
        ))}
      </ul>
      <p className="wk-summary" data-testid="cocktail-summary">
        {summary}
      </p>
      <p>
        <Link to="/risicococktail">{t('wijken.profile.cocktail.how')}</Link>
      </p>
    </div>
  )
}
