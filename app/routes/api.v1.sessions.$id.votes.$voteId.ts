import type { LoaderFunctionArgs } from '@remix-run/node'
import { failed, methodNotAllowed } from '~/api/responses.server'
import { viewerForApi } from '~/api/session-access.server'
import { db } from '~/db.server'
import { voteView } from '~/votes/votes.server'

/** `{vote, myBallots, votesLeft, notes, results}` for the person asking: only their own dots. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await viewerForApi(db(), request, params.id)
  if (viewer instanceof Response) return viewer
  const result = await voteView(db(), context.collab, viewer.session, params.voteId, viewer.identity.subject)
  return result.ok ? Response.json(result.value, { headers: { 'Cache-Control': 'no-store' } }) : failed(result)
}

export const action = () => methodNotAllowed('GET')
