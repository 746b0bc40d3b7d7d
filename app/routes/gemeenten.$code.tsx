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
import { formatReason, formatValue, valueOrReason } from '~/wijken/format-view'
import { choroplethForRequest } from '~/wijken/map.server'
import { listGemeenteWijken } from '~/wijken/profile.server'
import { mapOptions } from '~/wijken/profile-view.server'
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
  const map = choroplethForRequest(db(), gemeente.code, new URL(request.url).searchParams.get('indicator'))
  const user = await getUser(db(), request)
  return { userName: user?.name ?? null, gemeente, map, options: mapOptions(locale) }
}

export default function GemeentePage() {
  const { userName, gemeente, map, options } = useLoaderData<typeof loader>()
  const { t, locale } = useT()
  const mapValue = new Map(map?.shapes.map((s) => [s.code, s]) ?? [])
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

        <table className="wk-table wk-list" data-testid="wijk-list">
          <caption className="skip-link">{t('wijken.gemeente.title', { name: gemeente.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('wijken.gemeente.col.wijk')}</th>
              <th scope="col">{t('wijken.gemeente.col.inhabitants')}</th>
              <th scope="col">{t('wijken.gemeente.col.cocktail')}</th>
              {map ? <th scope="col">{map.indicator.label[locale]}</th> : null}
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
                  <td data-label={t('wijken.gemeente.col.cocktail')}>
                    {w.cocktailAssessed > 0 ? (
                      <span className="wk-mini-cocktail">
                        <span className="wk-dots" aria-hidden="true">
                          {Array.from({ length: w.cocktailAssessed }, (_, i) => (
                            <span key={i} className={i < w.cocktailCount ? 'wk-dot is-risk' : 'wk-dot'} />
                          ))}
                        </span>
                        {t('wijken.gemeente.cocktail', { count: w.cocktailCount, assessed: w.cocktailAssessed })}
                      </span>
                    ) : (
                      <span className="wk-reason">{t('wijken.gemeente.cocktail.none')}</span>
                    )}
                  </td>
                  {map ? (
                    <td data-label={map.indicator.label[locale]}>
                      {m && m.value !== null ? (
                        formatValue(m.value, map.indicator.unit, map.indicator.decimals, locale)
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
