import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { PageHeader } from '~/components/PageHeader'
import { getUser } from '~/auth/session.server'
import { countUsers } from '~/auth/users.server'
import { db } from '~/db.server'
import { useT } from '~/i18n/use-t'

export async function loader({ request }: LoaderFunctionArgs) {
  if (countUsers(db()) === 0) throw redirect('/welkom')
  const user = await getUser(db(), request)
  return { userName: user?.name ?? null }
}

export default function Home() {
  const { userName } = useLoaderData<typeof loader>()
  const { t } = useT()
  return (
    <>
      <PageHeader userName={userName} />
      <main id="inhoud" className="page">
        <h1>{t('app.name')}</h1>
        <p className="lead">{t('app.tagline')}</p>
        <div className="cards">
          <section className="card" aria-labelledby="join-title">
            <h2 id="join-title">{t('home.join.title')}</h2>
            <p>{t('home.join.text')}</p>
            <Form method="get" action="/meedoen">
              <div className="field">
                <label htmlFor="home-code">{t('field.joinCode')}</label>
                <input
                  id="home-code"
                  name="code"
                  className="code-input"
                  autoComplete="off"
                  autoCapitalize="characters"
                  maxLength={12}
                  required
                />
              </div>
              <button type="submit" className="button wide">
                {t('join.next')}
              </button>
            </Form>
          </section>
          <section className="card" aria-labelledby="wijken-title">
            <h2 id="wijken-title">{t('home.wijken.title')}</h2>
            <p>{t('home.wijken.text')}</p>
            <Link to="/wijken" className="button secondary">
              {t('nav.wijken')}
            </Link>
          </section>
          <section className="card" aria-labelledby="fac-title">
            <h2 id="fac-title">{t('home.facilitator.title')}</h2>
            <p>{t('home.facilitator.text')}</p>
            {userName ? (
              <Link to="/sessies" className="button secondary">
                {t('nav.sessions')}
              </Link>
            ) : (
              <Link to="/inloggen" className="button secondary">
                {t('nav.login')}
              </Link>
            )}
          </section>
        </div>
      </main>
    </>
  )
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
