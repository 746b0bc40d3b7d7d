import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { failed, jsonBody, methodNotAllowed } from '~/api/responses.server'
import { facilitatorForApi, viewerForApi } from '~/api/session-access.server'
import { db } from '~/db.server'
import { sessionVotes, startVote } from '~/votes/votes.server'

/** `{votesPerPerson, frameId?}` → 201 `{voteId}`: a facilitator starts a dot vote (409 while one runs). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed('POST')
  const facilitator = await facilitatorForApi(db(), request, params.id)
  if (facilitator instanceof Response) return facilitator
  const body = await jsonBody(request)
  if (body instanceof Response) return body
  const result = await startVote(db(), context.collab, facilitator.session, body, facilitator.identity.subject)
  return result.ok ? Response.json(result.value, { status: 201 }) : failed(result)
}

/** `{votes}`: the session's votes, newest first, with the ranked results of the ended ones. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await viewerForApi(db(), request, params.id)
  if (viewer instanceof Response) return viewer
  return Response.json({ votes: sessionVotes(db(), viewer.session.id) }, { headers: { 'Cache-Control': 'no-store' } })
}
