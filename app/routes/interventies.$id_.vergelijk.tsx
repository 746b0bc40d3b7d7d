import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { PageHeader } from '~/components/PageHeader'
import { db } from '~/db.server'
import { invariantResponse } from '~/http/invariant.server'
import { t as translate } from '~/i18n'
import { dataTitle, metaLocale } from '~/i18n/meta'
import { ComparePage } from '~/interventions/pages/ComparePage'
import { requireInterventionPage } from '~/interventions/pages/page.server'
import { compareVersions, parseVersionNumber } from '~/interventions/versions.server'
import stylesHref from '~/styles/interventions.css?url'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  dataTitle(
    data
      ? translate(metaLocale(matches), 'intervention-pages.compare.title', {
          from: data.from.number,
          to: data.to.number,
        })
      : null,
    data?.view.title,
  )
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesHref }]

/** `?van=N&met=M`; without them the last two versions. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, view } = await requireInterventionPage(request, params.id)
  const search = new URL(request.url).searchParams
  const last = Math.max(0, ...view.versions.map((v) => v.number))
  const fromNumber = search.has('van') ? parseVersionNumber(search.get('van')) : last - 1
  const toNumber = search.has('met') ? parseVersionNumber(search.get('met')) : last
  const from = view.versions.find((v) => v.number === fromNumber)
  const to = view.versions.find((v) => v.number === toNumber)
  invariantResponse(from && to, 'interventions.error.noVersion', { status: 404 })
  const diff = compareVersions(db(), view.id, from.number, to.number)
  invariantResponse(diff, 'interventions.error.noVersion', { status: 404 })
  return { userName: viewer.user?.name ?? null, view, from, to, diff }
}

export default function CompareVersions() {
  const { userName, view, from, to, diff } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader userName={userName} />
      <main id="inhoud" className="page wide iv-page">
        <ComparePage view={view} from={from} to={to} diff={diff} />
      </main>
    </>
  )
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
