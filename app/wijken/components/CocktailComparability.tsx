import { useT } from '~/i18n/use-t'
import { joinList } from '~/wijken/cocktail-text'
import type { GemeenteCoverage } from '~/wijken/profile-types'

type Coverage = Pick<GemeenteCoverage, 'code' | 'name' | 'factors' | 'assessable' | 'sameInEveryWijk'>

/**
 * Says which cocktail factors can be assessed in this gemeente, and warns when its wijken, or the
 * wijken of other gemeenten, had other factors assessed: their cocktails are not comparable.
 */
export function CocktailComparability({
  coverage,
  others,
  labelOf,
}: {
  coverage: Coverage
  others: Coverage[]
  labelOf: (code: string) => string
}) {
  const { t, locale } = useT()
  const differing = others.filter((o) => o.assessable.join(',') !== coverage.assessable.join(','))
  const lower = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s)
  return (
    <aside className="wk-note" aria-labelledby={`comparable-${coverage.code}`} data-testid="cocktail-comparability">
      <p id={`comparable-${coverage.code}`} className="wk-note-title">
        <strong>{t('wijken.gemeente.comparable.title')}</strong>
      </p>
      <p>
        {coverage.assessable.length > 0
          ? t('wijken.gemeente.comparable.here', {
              gemeente: coverage.name,
              n: coverage.assessable.length,
              factors: coverage.factors,
              names: joinList(
                coverage.assessable.map((c) => lower(labelOf(c))),
                locale,
              ),
            })
          : t('wijken.gemeente.comparable.hereNone', { gemeente: coverage.name, factors: coverage.factors })}
      </p>
      {!coverage.sameInEveryWijk ? <p>{t('wijken.gemeente.comparable.within')}</p> : null}
      {differing.length > 0 ? (
        <p>
          {t('wijken.gemeente.comparable.others', {
            others: differing
              .map((o) =>
                t('wijken.gemeente.comparable.other', { name: o.name, n: o.assessable.length, factors: o.factors }),
              )
              .join(', '),
          })}
        </p>
      ) : null}
    </aside>
  )
}
