import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { useT } from '~/i18n/use-t'

/** The one error view every route's ErrorBoundary renders. */
export function ErrorPage() {
  const error = useRouteError()
  const { t, tx } = useT()
  let title = t('error.title')
  let detail = t('error.text')
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) title = t('error.notFound')
    if (error.status === 403) title = t('error.forbidden')
    // Loaders throw a message (invariantResponse), shown here in the reader's language.
    if (typeof error.data === 'string' && error.data) detail = tx(error.data) ?? detail
  } else {
    console.error(error)
  }
  return (
    <main id="inhoud" className="page narrow">
      <h1>{title}</h1>
      <p>{detail}</p>
      <p>
        <Link to="/">{t('error.home')}</Link>
      </p>
    </main>
  )
}
