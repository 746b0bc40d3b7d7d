import type { ActionFunctionArgs } from '@remix-run/node'
import { failed, methodNotAllowed } from '~/api/responses.server'
import { facilitatorForApi } from '~/api/session-access.server'
import { db } from '~/db.server'
import { removeParticipant } from '~/sessions/session-settings.server'

/**
 * DELETE removes a participant (facilitators only): their connections close and their cookie no
 * longer gives access; what they made stays. 404 for someone who is not in this session.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  if (request.method !== 'DELETE') return methodNotAllowed('DELETE')
  const facilitator = await facilitatorForApi(db(), request, params.id)
  if (facilitator instanceof Response) return facilitator
  const { session, identity } = facilitator
  const result = removeParticipant(db(), context.collab, session, params.participantId, identity.subject)
  return result.ok ? Response.json({ removed: result.value.id }) : failed(result)
}

export const loader = () => methodNotAllowed('DELETE')
