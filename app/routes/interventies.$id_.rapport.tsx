import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { PageHeader } from '~/components/PageHeader'
import { t as translate } from '~/i18n'
import { dataTitle, metaLocale } from '~/i18n/meta'
import { requireInterventionPage } from '~/interventions/pages/page.server'
import { ReportPage } from '~/interventions/pages/ReportPage'
import stylesHref from '~/styles/interventions.css?url'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  dataTitle(translate(metaLocale(matches), 'intervention-pages.report.link'), data?.view.title)
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesHref }]

/** The report on A4: print it, or save it as PDF from the browser's print dialog. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, view } = await requireInterventionPage(request, params.id)
  return { userName: viewer.user?.name ?? null, view, printedAt: new Date().toISOString() }
}

export default function Report() {
  const { userName, view, printedAt } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader userName={userName} />
      <main id="inhoud" className="page iv-page iv-report-page">
        <ReportPage view={view} printedAt={printedAt} />
      </main>
    </>
  )
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
