import type { ActionFunctionArgs } from '@remix-run/node'
import { failed, jsonBody, methodNotAllowed } from '~/api/responses.server'
import { facilitatorForApi } from '~/api/session-access.server'
import { db } from '~/db.server'
import { inviteCoFacilitator } from '~/sessions/facilitators.server'
import { recordEvent } from '~/sessions/session-state.server'

/**
 * `{email}`: the owner invites an existing account as co-facilitator → 201 `{id, name, email}`;
 * 403 for a co-facilitator (only the owner invites), 404 no such account, 409 already invited.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed('POST')
  const facilitator = await facilitatorForApi(db(), request, params.id)
  if (facilitator instanceof Response) return facilitator
  const body = await jsonBody(request)
  if (body instanceof Response) return body
  const { user, session, identity } = facilitator
  const result = inviteCoFacilitator(db(), user, session, body)
  if (!result.ok) return failed(result)
  recordEvent(db(), session.id, 'facilitator-invited', { userId: result.value.id }, identity.subject)
  return Response.json(result.value, { status: 201 })
}

export const loader = () => methodNotAllowed('POST')
