import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { PageHeader } from '~/components/PageHeader'
import { t as translate } from '~/i18n'
import { dataTitle, metaLocale } from '~/i18n/meta'
import { requireInterventionPage } from '~/interventions/pages/page.server'
import { TimelinePage } from '~/interventions/pages/TimelinePage'
import stylesHref from '~/styles/interventions.css?url'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  dataTitle(translate(metaLocale(matches), 'intervention-pages.timeline.link'), data?.view.title)
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesHref }]

/** The timeline, newest first; `?volgorde=oud` turns it round. Participants of a linked werksessie may read it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, view } = await requireInterventionPage(request, params.id)
  const order = new URL(request.url).searchParams.get('volgorde') === 'oud' ? ('oldest' as const) : ('newest' as const)
  return { userName: viewer.user?.name ?? null, view, order }
}

export default function Timeline() {
  const { userName, view, order } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader userName={userName} />
      <main id="inhoud" className="page iv-page">
        <TimelinePage view={view} order={order} />
      </main>
    </>
  )
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
