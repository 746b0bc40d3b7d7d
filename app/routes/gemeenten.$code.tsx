import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getUser } from '~/auth/session.server'
import { PageHeader } from '~/components/PageHeader'
import { db } from '~/db.server'
import { invariantResponse } from '~/http/invariant.server'
import { message } from '~/i18n'
import { getLocale } from '~/i18n/locale.server'
import { useT } from '~/i18n/use-t'
import stylesHref from '~/styles/wijken.css?url'
import { Attribution } from '~/wijken/components/Attribution'
import { ChoroplethMap } from '~/wijken/components/ChoroplethMap'
import { CocktailComparability } from '~/wijken/components/CocktailComparability'
import { CocktailDots } from '~/wijken/components/CocktailDots'
import { cocktailCountText, cocktailLine, notAssessedLine } from '~/wijken/cocktail-text'
import { formatReason, formatUnit, formatWithUnit, valueOrReason } from '~/wijken/format-view'
import { coverageOf, listGemeentenWithWijken } from '~/wijken/gemeenten-view.server'
import { choroplethForRequest } from '~/wijken/map.server'
import { listGemeenteWijken } from '~/wijken/profile.server'
import { indicatorLabels, mapOptions } from '~/wijken/profile-view.server'
import { isGemeenteCode } from '~/wijken/regions'
import { dataTitle, pageTitle } from '~/i18n/meta'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesHref }]

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageTitle(matches, 'wijken.gemeente.title', { name: data.gemeente.name }) : dataTitle()

export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = await getLocale(request)
  const code = (params.code ?? '').toUpperCase()
  const gemeente = isGemeenteCode(code) ? listGemeenteWijken(db(), code) : null
  invariantResponse(
    gemeente && gemeente.wijken.length > 0,
    message('wijken.gemeente.notFound', { code: (params.code ?? '').slice(0, 20) }),
    { status: 404 },
  )
  const requested = new URL(request.url).searchParams.get('indicator')
  const map = choroplethForRequest(db(), gemeente.code, requested, gemeente.withFigures)
  const coverage = coverageOf(gemeente)
  const user = await getUser(db(), request)
  return {
    userName: user?.name ?? null,
    gemeente,
    coverage,
    others: listGemeentenWithWijken(db()).filter((g) => g.code !== gemeente.code),
    labels: indicatorLabels(locale),
    map,
    options: mapOptions(locale, gemeente.withFigures, coverage.assessable.length > 0, gemeente.ownIndicators),
  }
}

export default function GemeentePage() {
  const { userName, gemeente, coverage, others, labels, map, options } = useLoaderData<typeof loader>()
  const { t, locale } = useT()
  const labelOf = (code: string) => labels[code] ?? code
  const inhabitantsUnit = formatUnit(gemeente.inhabitantsIndicator.unit, locale)
  // The list's last column shows the map's indicator; the cocktail layer is the cocktail column already.
  const column = map && !map.cocktail ? map : null
  const mapValue = new Map(column?.shapes.map((s) => [s.code, s]) ?? [])
  return (
    <>
      <PageHeader userName={userName} />
      <main id="inhoud" className="page wk-page">
        <nav aria-label={t('wijken.nav.breadcrumb')} className="wk-crumbs">
          <Link to="/wijken">{t('wijken.gemeente.back')}</Link>
        </nav>
        <h1>{t('wijken.gemeente.title', { name: gemeente.name })}</h1>
        <p className="lead">{t('wijken.gemeente.lead')}</p>

        {map ? (
          <section className="card" aria-labelledby="map-title" id="kaart">
            <h2 id="map-title">{t('wijken.map.title')}</h2>
            <ChoroplethMap map={map} options={options} />
          </section>
        ) : (
          <p>{t('wijken.map.none')}</p>
        )}

        <CocktailComparability coverage={coverage} others={others} labelOf={labelOf} />

        <table className="wk-table wk-list" data-testid="wijk-list">
          <caption className="skip-link">{t('wijken.gemeente.title', { name: gemeente.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('wijken.gemeente.col.wijk')}</th>
              <th scope="col">
                {t('wijken.gemeente.col.inhabitants')} <span className="meta">({inhabitantsUnit})</span>
              </th>
              <th scope="col">{t('wijken.gemeente.col.cocktail')}</th>
              {column ? (
                <th scope="col">
                  {column.indicator.label[locale]}{' '}
                  <span className="meta">({formatUnit(column.indicator.unit, locale)})</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {gemeente.wijken.map((w) => {
              const m = mapValue.get(w.code)
              return (
                <tr key={w.code}>
                  <th scope="row" data-label={t('wijken.gemeente.col.wijk')}>
                    <Link to={`/wijken/${w.code}`}>{w.name}</Link>
                    <span className="meta">{w.code}</span>
                  </th>
                  <td data-label={t('wijken.gemeente.col.inhabitants')}>
                    {valueOrReason(
                      w.inhabitants,
                      w.inhabitantsReason,
                      gemeente.inhabitantsIndicator.unit,
                      gemeente.inhabitantsIndicator.decimals,
                      locale,
                    )}
                  </td>
                  <td data-label={t('wijken.gemeente.col.cocktail')} data-testid="list-cocktail">
                    {w.cocktail.assessed > 0 ? (
                      <span className="wk-mini-cocktail" title={cocktailLine(w.cocktail, locale)}>
                        <CocktailDots cocktail={w.cocktail} />
                        <span>{cocktailCountText(w.cocktail, locale)}</span>
                      </span>
                    ) : null}
                    <span className="wk-reason wk-mini-missing">
                      {w.cocktail.assessed > 0 ? notAssessedLine(w.cocktail, locale) : cocktailLine(w.cocktail, locale)}
                    </span>
                  </td>
                  {column ? (
                    <td data-label={column.indicator.label[locale]}>
                      {m && m.value !== null ? (
                        formatWithUnit(m.value, column.indicator.unit, column.indicator.decimals, locale)
                      ) : (
                        <span className="wk-reason">{formatReason(m?.reason ?? 'no-data', locale)}</span>
                      )}
                    </td>
                  ) : null}
                </tr>
              )
            })}
          </tbody>
        </table>
        <Attribution map />
        <p>
          <Link to="/risicococktail">{t('wijken.nav.cocktail')}</Link> ·{' '}
          <Link to="/indicatoren">{t('wijken.nav.catalogue')}</Link>
        </p>
      </main>
    </>
  )
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
