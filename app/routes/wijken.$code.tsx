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
import { CocktailVisual } from '~/wijken/components/CocktailVisual'
import { isCocktailFactor } from '~/wijken/cocktail'
import { listGemeentenWithWijken } from '~/wijken/gemeenten-view.server'
import { IndicatorTable } from '~/wijken/components/IndicatorTable'
import { SourceFootnotes } from '~/wijken/components/SourceFootnotes'
import { TrendTables } from '~/wijken/components/TrendTables'
import { choroplethForRequest } from '~/wijken/map.server'
import { getWijkProfile } from '~/wijken/profile.server'
import { indicatorLabels, mapOptions, tableTitles } from '~/wijken/profile-view.server'
import { isWijkCode } from '~/wijken/regions'
import { dataTitle } from '~/i18n/meta'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesHref }]

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  dataTitle(data ? `${data.profile.name} (${data.profile.gemeente.name})` : null)

export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = await getLocale(request)
  const code = (params.code ?? '').toUpperCase()
  const profile = isWijkCode(code) ? getWijkProfile(db(), code) : null
  invariantResponse(profile, message('wijken.profile.notFound', { code: (params.code ?? '').slice(0, 20) }), {
    status: 404,
  })
  const gemeenten = listGemeentenWithWijken(db())
  const coverage = gemeenten.find((g) => g.code === profile.gemeente.code) ?? null
  const requested = new URL(request.url).searchParams.get('indicator')
  const map = choroplethForRequest(db(), profile.gemeente.code, requested, coverage?.withFigures)
  const user = await getUser(db(), request)
  return {
    userName: user?.name ?? null,
    profile,
    coverage,
    others: gemeenten.filter((g) => g.code !== profile.gemeente.code),
    labels: indicatorLabels(locale),
    map,
    options: mapOptions(locale, coverage?.withFigures, (coverage?.assessable.length ?? 0) > 0, coverage?.ownIndicators),
    tableTitles: tableTitles(),
  }
}

export default function WijkProfilePage() {
  const { userName, profile, coverage, others, labels, map, options, tableTitles } = useLoaderData<typeof loader>()
  const { t, locale } = useT()
  const footnotes = Object.fromEntries(profile.indicators.map((r, i) => [r.code, i + 1]))
  const wijkRows = profile.indicators.filter((r) => r.level === 'wijk')
  const gemeenteRows = profile.indicators.filter((r) => r.level === 'gemeente')
  const trendRows = profile.indicators.filter((r) => r.trend.length > 1)
  const chips = profile.indicators
    .filter(isCocktailFactor)
    .map((r) => ({ code: r.code, label: r.label[locale], isRisk: r.isRisk }))
  const gemeente = profile.gemeente.name
  return (
    <>
      <PageHeader userName={userName} />
      <main id="inhoud" className="page wk-page">
        <nav aria-label={t('wijken.nav.breadcrumb')} className="wk-crumbs">
          <Link to="/wijken">{t('wijken.nav.index')}</Link> ›{' '}
          <Link to={`/gemeenten/${profile.gemeente.code}`}>{t('wijken.profile.back', { gemeente })}</Link>
        </nav>
        <h1>{profile.name}</h1>
        <p className="lead">{t('wijken.profile.subtitle', { gemeente, code: profile.code })}</p>

        <section className="card" aria-labelledby="cocktail-title">
          <h2 id="cocktail-title">{t('wijken.profile.cocktail.title')}</h2>
          <CocktailVisual cocktail={profile.cocktail} chips={chips} wijkName={profile.name} gemeenteName={gemeente} />
          {coverage ? (
            <CocktailComparability coverage={coverage} others={others} labelOf={(c) => labels[c] ?? c} />
          ) : null}
        </section>

        <section aria-labelledby="figures-title">
          <h2 id="figures-title">{t('wijken.profile.figures.title')}</h2>
          <IndicatorTable rows={wijkRows} footnotes={footnotes} gemeenteName={gemeente} level="wijk" />
        </section>

        {gemeenteRows.length ? (
          <section aria-labelledby="gemeente-figures-title">
            <h2 id="gemeente-figures-title">{t('wijken.profile.figures.gemeente.title')}</h2>
            <p>{t('wijken.profile.figures.gemeente.lead', { gemeente })}</p>
            <IndicatorTable
              rows={gemeenteRows}
              footnotes={footnotes}
              gemeenteName={gemeente}
              level="gemeente"
              related={profile.indicators}
            />
          </section>
        ) : null}

        {map ? (
          <section className="card" aria-labelledby="map-title" id="kaart">
            <h2 id="map-title">{t('wijken.map.title')}</h2>
            <ChoroplethMap map={map} options={options} highlight={profile.code} />
          </section>
        ) : null}

        {trendRows.length ? (
          <section aria-labelledby="trends-title">
            <h2 id="trends-title">{t('wijken.profile.trends.title')}</h2>
            <p>{t('wijken.profile.trends.lead')}</p>
            <TrendTables rows={trendRows} gemeenteName={gemeente} />
          </section>
        ) : null}

        <section aria-labelledby="sources-title">
          <h2 id="sources-title">{t('wijken.profile.sources.title')}</h2>
          <p>{t('wijken.profile.sources.lead')}</p>
          <SourceFootnotes rows={profile.indicators} footnotes={footnotes} tableTitles={tableTitles} />
          <Attribution map />
          <p>
            <Link to="/indicatoren">{t('wijken.nav.catalogue')}</Link> ·{' '}
            <Link to="/risicococktail">{t('wijken.nav.cocktail')}</Link>
          </p>
        </section>
      </main>
    </>
  )
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
