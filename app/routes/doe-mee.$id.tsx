import { redirect, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { db } from '~/db.server'
import { invariantResponse } from '~/http/invariant.server'
import { dataTitle } from '~/i18n/meta'
import { listOwnContributions } from '~/participant/contributions.server'
import { ParticipantPage } from '~/participant/ParticipantPage'
import participantStylesHref from '~/styles/participant.css?url'
import stateStylesHref from '~/styles/session-state.css?url'
import { sessionState } from '~/sessions/session-state.server'
import { sessionViewer } from '~/sessions/session-viewer.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => dataTitle(data?.session.title)

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stateStylesHref },
  { rel: 'stylesheet', href: participantStylesHref },
]

/**
 * The phone page of a werksessie: the step, the timer, one's own ideas, the vote, without the
 * canvas (no tldraw, no Yjs). For anyone in the session; someone who has not joined is sent to
 * the join page.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await sessionViewer(db(), request.headers.get('Cookie'), params.id)
  if (!viewer.ok) {
    if (viewer.error === 'error.session.joinFirst' || viewer.error === 'error.api.joinOrLogin')
      throw redirect('/meedoen')
    invariantResponse(false, viewer.error, { status: viewer.status })
  }
  const { session, identity } = viewer
  return {
    session: { id: session.id, title: session.title },
    you: { name: identity.name, role: identity.role },
    state: sessionState(db(), session),
    contributions: await listOwnContributions(db(), context.collab, viewer),
  }
}

export default function DoeMee() {
  const data = useLoaderData<typeof loader>()
  return <ParticipantPage {...data} />
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
