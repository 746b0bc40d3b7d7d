import { Link } from '@remix-run/react'
import { useT } from '~/i18n/use-t'
import type { Cocktail } from '~/wijken/cocktail'
import { cocktailCountText, cocktailSummary, notAssessedReasonText } from '~/wijken/cocktail-text'

export interface CocktailChip {
  code: string
  label: string
  isRisk: boolean | null
}

/**
 * The risk cocktail at a glance: how many of the assessed factors are unfavourable ("1 van 2
 * beoordeelde factoren"), how many of all factors could not be assessed, one chip per factor —
 * risk ones highlighted, not-assessed ones dashed with their reason — and the summary, made
 * here in the reader's language.
 */
export function CocktailVisual({
  cocktail,
  chips,
  wijkName,
  gemeenteName,
}: {
  cocktail: Cocktail
  chips: CocktailChip[]
  wijkName: string
  gemeenteName: string
}) {
  const { t, locale } = useT()
  const state = (c: CocktailChip) => (c.isRisk === true ? 'risk' : c.isRisk === false ? 'ok' : 'unknown')
  const why = new Map(cocktail.notAssessed.map((n) => [n.code, n.reason]))
  const labels = new Map(chips.map((c) => [c.code, c.label]))
  const missing = cocktail.notAssessed.length
  const summary = cocktailSummary(
    cocktail,
    { wijk: wijkName, gemeente: gemeenteName, labelOf: (code) => labels.get(code) ?? code },
    locale,
  )
  return (
    <div className="wk-cocktail" data-testid="cocktail">
      {cocktail.assessed > 0 ? (
        <p className="wk-cocktail-count">
          <strong data-testid="cocktail-count">{cocktailCountText(cocktail, locale)}</strong>{' '}
          <span>
            {t(cocktail.count === 1 ? 'wijken.profile.cocktail.countTextOne' : 'wijken.profile.cocktail.countText', {
              gemeente: gemeenteName,
            })}
          </span>
        </p>
      ) : (
        <p className="wk-cocktail-count" data-testid="cocktail-count">
          {t('wijken.profile.cocktail.none', { factors: cocktail.factors })}
        </p>
      )}
      {missing > 0 && cocktail.assessed > 0 ? (
        <p className="wk-cocktail-missing" data-testid="cocktail-not-assessed">
          {t(
            missing === 1 ? 'wijken.profile.cocktail.notAssessedCountOne' : 'wijken.profile.cocktail.notAssessedCount',
            {
              n: missing,
              factors: cocktail.factors,
            },
          )}
        </p>
      ) : null}
      <ul className="wk-chips">
        {chips.map((c) => {
          const reason = why.get(c.code)
          return (
            <li key={c.code} className={`wk-chip wk-chip-${state(c)}`} data-state={state(c)} data-indicator={c.code}>
              <span className="wk-chip-mark" aria-hidden="true">
                {state(c) === 'risk' ? '!' : state(c) === 'ok' ? '✓' : '?'}
              </span>
              <span className="wk-chip-label">{c.label}</span>
              <span className="wk-chip-state">
                {state(c) === 'risk'
                  ? t('wijken.profile.cocktail.risk')
                  : state(c) === 'ok'
                    ? t('wijken.profile.cocktail.noRisk')
                    : reason
                      ? t('wijken.profile.cocktail.notAssessedWhy', { reason: notAssessedReasonText(reason, locale) })
                      : t('wijken.profile.cocktail.notAssessed')}
              </span>
            </li>
          )
        })}
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
