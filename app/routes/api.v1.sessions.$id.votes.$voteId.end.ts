import type { ActionFunctionArgs } from '@remix-run/node'
import { failed, methodNotAllowed } from '~/api/responses.server'
import { facilitatorForApi } from '~/api/session-access.server'
import { db } from '~/db.server'
import { endVote } from '~/votes/votes.server'

/** → `{results: [{shapeId, count}]}`, highest first: a facilitator ends the vote. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed('POST')
  const facilitator = await facilitatorForApi(db(), request, params.id)
  if (facilitator instanceof Response) return facilitator
  const result = await endVote(db(), context.collab, facilitator.session, params.voteId, facilitator.identity.subject)
  return result.ok ? Response.json(result.value) : failed(result)
}

export const loader = () => methodNotAllowed('POST')
