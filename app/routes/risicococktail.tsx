import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getUser } from '~/auth/session.server'
import { PageHeader } from '~/components/PageHeader'
import { db } from '~/db.server'
import { useT } from '~/i18n/use-t'
import stylesHref from '~/styles/wijken.css?url'
import { Attribution } from '~/wijken/components/Attribution'
import { indicatorCatalogue, RISK_MARGIN, sourcesOf, tablesOf } from '~/wijken/indicators'
import { DEFAULT_MIN_BASE } from '~/wijken/privacy'
import { pageTitle } from '~/i18n/meta'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesHref }]
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'wijken.cocktail.title')

/** "85984NED: InBezitWoningcorporatie, Woningvoorraad" — the newest edition of each table family. */
function sourcesByTable(def: (typeof indicatorCatalogue)[number]): string[] {
  const byTable = new Map<string, string[]>()
  for (const s of sourcesOf(def)) {
    const table = tablesOf(s)[0] ?? s.family
    byTable.set(table, [...new Set([...(byTable.get(table) ?? []), s.column])])
  }
  return [...byTable].map(([table, columns]) => `${table}: ${columns.join(', ')}`)
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(db(), request)
  // Everything on this page that is a number or a list comes from the code that does the work.
  return {
    userName: user?.name ?? null,
    margin: RISK_MARGIN,
    minBase: DEFAULT_MIN_BASE,
    inputs: indicatorCatalogue
      .filter((d) => d.inCocktail)
      .map((d) => ({
        code: d.code,
        label: d.label,
        riskDirection: d.riskDirection,
        sources: sourcesByTable(d),
      })),
  }
}

export default function RiskCocktailExplained() {
  const { userName, margin, minBase, inputs } = useLoaderData<typeof loader>()
  const { t, locale } = useT()
  const pct = Math.round(margin * 100)
  const example = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: 1 }).format(
    3 * (1 + margin),
  )
  return (
    <>
      <PageHeader userName={userName} />
      <main id="inhoud" className="page wk-page wk-prose">
        <nav aria-label={t('wijken.nav.breadcrumb')} className="wk-crumbs">
          <Link to="/wijken">{t('wijken.nav.index')}</Link>
        </nav>
        <h1>{t('wijken.cocktail.title')}</h1>
        <p className="lead">{t('wijken.cocktail.lead')}</p>

        <h2>{t('wijken.cocktail.purpose.title')}</h2>
        <p>{t('wijken.cocktail.purpose.text')}</p>

        <h2>{t('wijken.cocktail.type.title')}</h2>
        <p>{t('wijken.cocktail.type.text')}</p>

        <h2>{t('wijken.cocktail.inputs.title')}</h2>
        <p>{t('wijken.cocktail.inputs.text', { count: inputs.length })}</p>
        <table className="wk-table" data-testid="cocktail-inputs">
          <caption className="skip-link">{t('wijken.cocktail.inputs.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('wijken.cocktail.col.indicator')}</th>
              <th scope="col">{t('wijken.cocktail.col.direction')}</th>
              <th scope="col">{t('wijken.cocktail.col.source')}</th>
            </tr>
          </thead>
          <tbody>
            {inputs.map((i) => (
              <tr key={i.code}>
                <th scope="row" data-label={t('wijken.cocktail.col.indicator')}>
                  <Link to={`/indicatoren#${i.code}`}>{i.label[locale]}</Link>
                </th>
                <td data-label={t('wijken.cocktail.col.direction')}>
                  {t(i.riskDirection ? `wijken.direction.${i.riskDirection}` : 'wijken.direction.none')}
                </td>
                <td data-label={t('wijken.cocktail.col.source')}>
                  {i.sources.map((s) => (
                    <code key={s} className="wk-source-code">
                      {s}
                    </code>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <Link to="/indicatoren">{t('wijken.cocktail.inputs.more')}</Link>
        </p>

        <h2>{t('wijken.cocktail.rule.title')}</h2>
        <p>{t('wijken.cocktail.rule.text')}</p>
        <ol data-testid="cocktail-rule">
          <li>{t('wijken.cocktail.rule.one', { margin: pct, example })}</li>
          <li>{t('wijken.cocktail.rule.two')}</li>
        </ol>
        <p>{t('wijken.cocktail.rule.direction')}</p>
        <p>{t('wijken.cocktail.rule.count')}</p>

        <section aria-labelledby="missing-title" data-testid="cocktail-missing">
          <h2 id="missing-title">{t('wijken.cocktail.missing.title')}</h2>
          <ul>
            <li>{t('wijken.cocktail.missing.notCounted')}</li>
            <li>{t('wijken.cocktail.missing.reasons')}</li>
            <li>{t('wijken.cocktail.missing.compare')}</li>
            <li>{t('wijken.cocktail.missing.older')}</li>
          </ul>
        </section>

        <h2>{t('wijken.cocktail.why.title')}</h2>
        <ul>
          <li>{t('wijken.cocktail.why.gemeente')}</li>
          <li>{t('wijken.cocktail.why.margin', { margin: pct })}</li>
          <li>{t('wijken.cocktail.why.once')}</li>
        </ul>

        <h2>{t('wijken.cocktail.privacy.title')}</h2>
        <ul>
          <li>{t('wijken.cocktail.privacy.base', { minBase })}</li>
          <li>{t('wijken.cocktail.privacy.empty')}</li>
          <li>{t('wijken.cocktail.privacy.cbs')}</li>
        </ul>

        <section className="card wk-not" aria-labelledby="not-title">
          <h2 id="not-title">{t('wijken.cocktail.not.title')}</h2>
          <ul>
            <li>{t('wijken.cocktail.not.family')}</li>
            <li>{t('wijken.cocktail.not.prediction')}</li>
            <li>{t('wijken.cocktail.not.zero')}</li>
            <li>{t('wijken.cocktail.not.start')}</li>
          </ul>
        </section>

        <h2>{t('wijken.cocktail.who.title')}</h2>
        <p>{t('wijken.cocktail.who.text')}</p>

        <h2>{t('wijken.cocktail.licence.title')}</h2>
        <p>{t('wijken.cocktail.licence.text')}</p>
        <Attribution />
      </main>
    </>
  )
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
