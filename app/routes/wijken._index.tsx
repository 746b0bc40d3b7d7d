import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getUser } from '~/auth/session.server'
import { PageHeader } from '~/components/PageHeader'
import { db } from '~/db.server'
import { useT } from '~/i18n/use-t'
import stylesHref from '~/styles/wijken.css?url'
import { Attribution } from '~/wijken/components/Attribution'
import { joinList } from '~/wijken/cocktail-text'
import { differInFactors } from '~/wijken/cocktail'
import { listGemeentenWithWijken } from '~/wijken/gemeenten-view.server'
import { getLocale } from '~/i18n/locale.server'
import { indicatorLabels } from '~/wijken/profile-view.server'
import { pageTitle } from '~/i18n/meta'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesHref }]
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'wijken.index.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request)
  const user = await getUser(db(), request)
  return { userName: user?.name ?? null, gemeenten: listGemeentenWithWijken(db()), labels: indicatorLabels(locale) }
}

export default function WijkenIndex() {
  const { userName, gemeenten, labels } = useLoaderData<typeof loader>()
  const { t, locale } = useT()
  const lower = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s)
  const names = (codes: string[]) =>
    joinList(
      codes.map((c) => lower(labels[c] ?? c)),
      locale,
    )
  return (
    <>
      <PageHeader userName={userName} />
      <main id="inhoud" className="page wk-page">
        <h1>{t('wijken.index.title')}</h1>
        <p className="lead">{t('wijken.index.lead')}</p>
        <h2>{t('wijken.index.gemeenten')}</h2>
        {gemeenten.length === 0 ? (
          <p>{t('wijken.index.empty')}</p>
        ) : (
          <>
            {differInFactors(gemeenten) ? (
              <p className="wk-note" data-testid="gemeenten-comparable">
                {t('wijken.index.comparable')}
              </p>
            ) : null}
            <ul className="wk-gemeenten">
              {gemeenten.map((g) => (
                <li key={g.code} className="card" data-gemeente={g.code}>
                  <h3>
                    <Link to={`/gemeenten/${g.code}`}>{t('wijken.index.open', { name: g.name })}</Link>
                  </h3>
                  <p className="meta">
                    {t('wijken.index.wijken', { count: g.wijken })} · {g.code}
                  </p>
                  <p data-testid="gemeente-cocktail">
                    {g.assessable.length > 0
                      ? t('wijken.index.cocktail', { n: g.assessable.length, factors: g.factors })
                      : t('wijken.index.cocktailNone', { factors: g.factors })}
                  </p>
                  {g.thin ? (
                    <p className="wk-note" data-testid="thin-data">
                      {t('wijken.index.thin', {
                        name: g.name,
                        names: names(g.wijkFigures),
                      })}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        )}
        <section aria-labelledby="about-title">
          <h2 id="about-title">{t('wijken.index.about')}</h2>
          <p>{t('wijken.index.privacy')}</p>
          <ul>
            <li>
              <Link to="/risicococktail">{t('wijken.nav.cocktail')}</Link>
            </li>
            <li>
              <Link to="/indicatoren">{t('wijken.nav.catalogue')}</Link>
            </li>
          </ul>
          <Attribution />
        </section>
      </main>
    </>
  )
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
