import { useT } from '~/i18n/use-t'
import { formatPeriod, formatUnit, formatWithUnit } from '~/wijken/format-view'
import type { OwnCatalogueEntry } from '~/wijken/profile-types'

/** The id of the section on /indicatoren, for its table of contents. */
export const OWN_CATALOGUE_ID = 'eigen-cijfers'

/**
 * The own indicators on /indicatoren (app/wijken/own): like a catalogue entry, but their source is
 * an organisation's table, their definition and cocktail setting an administrator's.
 */
export function OwnCatalogue({ entries, marginPct }: { entries: OwnCatalogueEntry[]; marginPct: number }) {
  const { t, locale } = useT()
  const cocktail = (i: OwnCatalogueEntry) => {
    if (!i.inCocktail || !i.riskDirection) return t('own.catalogue.cocktail.no')
    if (i.threshold === null) return t('own.catalogue.cocktail.rule', { margin: marginPct })
    const threshold = formatWithUnit(i.threshold, i.unit, i.decimals, locale)
    return t(i.riskDirection === 'higher' ? 'own.catalogue.cocktail.higher' : 'own.catalogue.cocktail.lower', {
      threshold,
    })
  }
  const small = ({ smallNumbers: s }: OwnCatalogueEntry) =>
    s.kind === 'count'
      ? t('own.catalogue.small.count', { n: s.min })
      : s.kind === 'base-column'
        ? t('own.catalogue.small.base', { column: s.column, n: s.min })
        : t('own.catalogue.small.inhabitants', { n: s.min })
  return (
    <section id={OWN_CATALOGUE_ID} aria-labelledby={`${OWN_CATALOGUE_ID}-title`}>
      <h2 id={`${OWN_CATALOGUE_ID}-title`}>{t('own.catalogue.title')}</h2>
      <p>{t('own.catalogue.lead')}</p>
      {entries.length === 0 ? <p>{t('own.catalogue.empty')}</p> : null}
      {entries.map((i) => (
        <section
          key={i.code}
          id={i.code}
          className="card wk-indicator"
          aria-labelledby={`${i.code}-title`}
          data-testid="own-catalogue-entry"
        >
          <h3 id={`${i.code}-title`}>
            {i.label[locale]}
            {i.inCocktail ? <span className="wk-risk-tag">{t('wijken.catalogue.inCocktail')}</span> : null}
          </h3>
          <dl className="wk-dl">
            <dt>{t('wijken.catalogue.code')}</dt>
            <dd>
              <code>{i.code}</code>
            </dd>
            <dt>{t('own.catalogue.table')}</dt>
            <dd>{t('own.catalogue.table.value', { organisation: i.organisation, title: i.title })}</dd>
            <dt>{t('own.catalogue.column')}</dt>
            <dd>
              <code>{i.sourceColumn}</code>
            </dd>
            <dt>{t('wijken.catalogue.unit')}</dt>
            <dd>{formatUnit(i.unit, locale)}</dd>
            <dt>{t('own.catalogue.periods')}</dt>
            <dd>
              {i.periods.length
                ? i.periods.map((p) => formatPeriod(p, locale)).join(', ')
                : t('own.catalogue.noPeriods')}
            </dd>
            <dt>{t('wijken.catalogue.definition')}</dt>
            <dd>{i.definition || t('own.catalogue.noDefinition')}</dd>
            <dt>{t('wijken.catalogue.direction')}</dt>
            <dd>{t(i.riskDirection ? `wijken.direction.${i.riskDirection}` : 'wijken.direction.none')}</dd>
            <dt>{t('wijken.catalogue.rule')}</dt>
            <dd>{cocktail(i)}</dd>
            <dt>{t('own.catalogue.small')}</dt>
            <dd>{small(i)}</dd>
          </dl>
        </section>
      ))}
    </section>
  )
}
