import type { ActionFunctionArgs } from '@remix-run/node'
import { failed, jsonBody, methodNotAllowed } from '~/api/responses.server'
import { facilitatorForApi } from '~/api/session-access.server'
import { db } from '~/db.server'
import { setLock } from '~/rooms/locks.server'
import { publishSessionState } from '~/sessions/session-state.server'

/**
 * `POST` locks, `DELETE` unlocks, with `{frameId}` or `{all: true}` (facilitators of the session).
 * Answers `{all, frames}`: what is locked now. Every open canvas hears it on the live channel.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  if (request.method !== 'POST' && request.method !== 'DELETE') return methodNotAllowed('POST, DELETE')
  const facilitator = await facilitatorForApi(db(), request, params.id)
  if (facilitator instanceof Response) return facilitator
  const body = await jsonBody(request)
  if (body instanceof Response) return body
  const result = await setLock(db(), context.collab, facilitator.session, body, request.method === 'POST')
  if (!result.ok) return failed(result)
  publishSessionState(db(), facilitator.session.id)
  return Response.json(result.value)
}

export const loader = () => methodNotAllowed('POST, DELETE')
