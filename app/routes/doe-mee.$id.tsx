import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { db } from '~/db.server'
import { addContribution } from '~/facilitation/facilitation.server'
import { invariantResponse } from '~/http/invariant.server'
import { dataTitle } from '~/i18n/meta'
import { listOwnContributions } from '~/participant/contributions.server'
import { newClientKey } from '~/participant/outbox'
import { ParticipantPage } from '~/participant/ParticipantPage'
import { sessionState } from '~/sessions/session-state.server'
import { sessionViewer } from '~/sessions/session-viewer.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => dataTitle(data?.session.title)

/** Anyone in the session; someone who has not joined is sent to the join page. */
async function viewerOrLeave(request: Request, id: string | undefined) {
  const viewer = await sessionViewer(db(), request.headers.get('Cookie'), id)
  if (!viewer.ok) {
    if (viewer.error === 'error.session.joinFirst' || viewer.error === 'error.api.joinOrLogin')
      throw redirect('/meedoen')
    invariantResponse(false, viewer.error, { status: viewer.status })
  }
  return viewer
}

/** What an idea sent without the page's script came to (`?klaar=`): only this page's own words. */
const doneNotices = ['participant.idea.sent', 'participant.idea.sentPrivate'] as const

/**
 * The phone page of a werksessie: the step, the timer, one's own ideas, the vote, without the
 * canvas (no tldraw, no Yjs).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await viewerOrLeave(request, params.id)
  const { session, identity } = viewer
  const done = new URL(request.url).searchParams.get('klaar')
  return {
    session: { id: session.id, title: session.title },
    you: { name: identity.name, role: identity.role },
    state: sessionState(db(), session),
    contributions: await listOwnContributions(db(), context.collab, viewer),
    /** the key the idea form sends without script: posting the same form twice makes one note */
    clientKey: newClientKey((bytes) => crypto.getRandomValues(bytes)),
    done: doneNotices.find((key) => key === done) ?? null,
  }
}

/**
 * The idea form before (or without) the page's script: a plain post, answered with the page
 * again (post, then redirect). With the script, the form goes through the outbox instead.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await viewerOrLeave(request, params.id)
  const form = await request.formData()
  const result = await addContribution(db(), context.collab, viewer, {
    text: form.get('text'),
    source: 'phone',
    clientKey: form.get('clientKey') ?? undefined,
  })
  if (!result.ok) return data({ errors: result.errors }, { status: result.status })
  const done = result.value.private ? 'participant.idea.sentPrivate' : 'participant.idea.sent'
  return redirect(`/doe-mee/${viewer.session.id}?klaar=${done}`)
}

export default function DoeMee() {
  const page = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  return <ParticipantPage {...page} formErrors={answer?.errors ?? null} />
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
