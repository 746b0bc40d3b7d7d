import type { ActionFunctionArgs } from '@remix-run/node'
import { failed, jsonBody, methodNotAllowed } from '~/api/responses.server'
import { facilitatorForApi } from '~/api/session-access.server'
import { db } from '~/db.server'
import { revealPrivateNotes } from '~/facilitation/private-mode.server'

/**
 * "Laat zien" (facilitators), with `{}`: every private note moves into the current step's frame
 * on the main canvas and private writing ends. Answers `{revealed, state}`: how many notes moved
 * now (0 the second time) and the session state.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed('POST')
  const facilitator = await facilitatorForApi(db(), request, params.id)
  if (facilitator instanceof Response) return facilitator
  const body = await jsonBody(request)
  if (body instanceof Response) return body
  const result = await revealPrivateNotes(db(), context.collab, facilitator.session, facilitator.identity.subject)
  return result.ok ? Response.json(result.value) : failed(result)
}

export const loader = () => methodNotAllowed('POST')
