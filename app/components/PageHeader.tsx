import { Form, Link, useLocation, useRouteLoaderData } from '@remix-run/react'
import type { loader as rootLoader } from '~/root'
import { useT } from '~/i18n/use-t'

/** Top bar of the ordinary pages: brand, the facilitator's links, the language switch. */
export function PageHeader({ userName }: { userName?: string | null }) {
  const { t } = useT()
  const isAdmin = useRouteLoaderData<typeof rootLoader>('root')?.isAdmin === true
  return (
    <>
      <a className="skip-link" href="#inhoud">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label="Menu">
          <Link to="/wijken">{t('nav.wijken')}</Link>
          {userName ? (
            <>
              <Link to="/sessies">{t('nav.sessions')}</Link>
              <Link to="/interventies">{t('intervention-pages.nav')}</Link>
              {isAdmin ? <Link to="/beheer/import">{t('nav.import')}</Link> : null}
              <Form method="post" action="/uitloggen">
                <button type="submit" className="link-button">
                  {t('nav.logout')}
                </button>
              </Form>
            </>
          ) : null}
          <LanguageSwitch />
        </nav>
      </header>
    </>
  )
}

/** The switch to the other language: a form, so it works before the page's script has loaded. */
export function LanguageSwitch() {
  const { t, locale } = useT()
  const location = useLocation()
  return (
    <Form method="post" action="/taal">
      <input type="hidden" name="locale" value={locale === 'nl' ? 'en' : 'nl'} />
      <input type="hidden" name="terug" value={location.pathname + location.search} />
      <button
        type="submit"
        className="link-button"
        lang={locale === 'nl' ? 'en' : 'nl'}
        aria-label={t('lang.switchLabel')}
      >
        {t('lang.switch')}
      </button>
    </Form>
  )
}
