import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getUser } from '~/auth/session.server'
import { PageHeader } from '~/components/PageHeader'
import { db } from '~/db.server'
import { useT } from '~/i18n/use-t'
import stylesHref from '~/styles/wijken.css?url'
import { Attribution } from '~/wijken/components/Attribution'
import { OWN_CATALOGUE_ID, OwnCatalogue } from '~/wijken/components/OwnCatalogue'
import { indicatorCatalogue, RISK_MARGIN, sourcesOf, tablesOf } from '~/wijken/indicators'
import { pageTitle } from '~/i18n/meta'
import { ownCatalogue } from '~/wijken/own/own-catalogue.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesHref }]
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'wijken.catalogue.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(db(), request)
  // The catalogue in code is the source of truth (it is also seeded into the indicators table).
  const indicators = indicatorCatalogue.map((d) => ({
    code: d.code,
    label: d.label,
    definition: d.definition,
    unit: d.unit,
    sources: sourcesOf(d).map((s) => ({ tables: tablesOf(s), column: s.column, category: s.category ?? null })),
    computation: d.computationText,
    riskDirection: d.riskDirection,
    inCocktail: d.inCocktail,
    reference: d.reference,
    thresholdRule: d.thresholdRule,
    minBase: d.minBase,
    level: d.level,
  }))
  // an organisation's own figures, as readers see them in the profiles (app/wijken/own)
  return { userName: user?.name ?? null, indicators, own: ownCatalogue(db()), marginPct: Math.round(RISK_MARGIN * 100) }
}

export default function IndicatorCatalogue() {
  const { userName, indicators, own, marginPct } = useLoaderData<typeof loader>()
  const { t, locale } = useT()
  return (
    <>
      <PageHeader userName={userName} />
      <main id="inhoud" className="page wk-page">
        <nav aria-label={t('wijken.nav.breadcrumb')} className="wk-crumbs">
          <Link to="/wijken">{t('wijken.nav.index')}</Link>
        </nav>
        <h1>{t('wijken.catalogue.title')}</h1>
        <p className="lead">{t('wijken.catalogue.lead')}</p>
        <nav aria-labelledby="toc-title" className="wk-toc">
          <h2 id="toc-title">{t('wijken.catalogue.contents')}</h2>
          <ul>
            {indicators.map((i) => (
              <li key={i.code}>
                <a href={`#${i.code}`}>{i.label[locale]}</a>
              </li>
            ))}
            <li>
              <a href={`#${OWN_CATALOGUE_ID}`}>{t('own.catalogue.title')}</a>
            </li>
          </ul>
        </nav>
        {indicators.map((i) => (
          <section
            key={i.code}
            id={i.code}
            className="card wk-indicator"
            aria-labelledby={`${i.code}-title`}
            data-testid="catalogue-entry"
          >
            <h2 id={`${i.code}-title`}>
              {i.label[locale]}
              {i.inCocktail ? <span className="wk-risk-tag">{t('wijken.catalogue.inCocktail')}</span> : null}
              {i.level === 'gemeente' ? <span className="wk-level-tag">{t('wijken.level.gemeente')}</span> : null}
            </h2>
            <dl className="wk-dl">
              <dt>{t('wijken.catalogue.code')}</dt>
              <dd>
                <code>{i.code}</code>
              </dd>
              <dt>{t('wijken.catalogue.definition')}</dt>
              <dd>{i.definition}</dd>
              <dt>{t('wijken.catalogue.unit')}</dt>
              <dd>{i.unit}</dd>
              <dt>{t('wijken.catalogue.source')}</dt>
              <dd>
                <ul className="wk-plain">
                  {i.sources.map((s, n) => (
                    <li key={n}>
                      <code>{s.column}</code> — CBS {s.tables.join(', ')}
                      {s.category ? ` (${t('wijken.profile.sources.category', { category: s.category })})` : ''}
                    </li>
                  ))}
                </ul>
              </dd>
              <dt>{t('wijken.catalogue.computation')}</dt>
              <dd>{i.computation}</dd>
              <dt>{t('wijken.catalogue.direction')}</dt>
              <dd>{t(i.riskDirection ? `wijken.direction.${i.riskDirection}` : 'wijken.direction.none')}</dd>
              <dt>{t('wijken.catalogue.reference')}</dt>
              <dd>{i.reference}</dd>
              <dt>{t('wijken.catalogue.rule')}</dt>
              <dd>{i.thresholdRule}</dd>
              <dt>{t('wijken.catalogue.minBase')}</dt>
              <dd>{t('wijken.catalogue.minBase.value', { n: i.minBase })}</dd>
              <dt>{t('wijken.catalogue.level')}</dt>
              <dd>{t(i.level === 'wijk' ? 'wijken.catalogue.level.wijk' : 'wijken.catalogue.level.gemeente')}</dd>
            </dl>
          </section>
        ))}
        <Attribution />
        <OwnCatalogue entries={own} marginPct={marginPct} />
      </main>
    </>
  )
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
