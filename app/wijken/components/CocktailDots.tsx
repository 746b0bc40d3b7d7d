import type { CocktailFacts } from '~/wijken/cocktail-text'

/**
 * One dot per factor of the cocktail: filled for a risk, open for assessed and not a risk,
 * dashed for a factor that could not be assessed. Decorative: the text beside it says the same.
 */
export function CocktailDots({ cocktail }: { cocktail: CocktailFacts }) {
  const missing = Math.max(0, cocktail.factors - cocktail.assessed)
  return (
    <span className="wk-dots" aria-hidden="true">
      {Array.from({ length: cocktail.assessed }, (_, i) => (
        <span key={`a${i}`} className={i < cocktail.count ? 'wk-dot is-risk' : 'wk-dot'} />
      ))}
      {Array.from({ length: missing }, (_, i) => (
        <span key={`n${i}`} className="wk-dot is-unknown" />
      ))}
    </span>
  )
}
