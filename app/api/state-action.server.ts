import type { ActionFunctionArgs } from '@remix-run/node'
import type { Db } from '../../db/client'
import type { CommandResult } from '~/auth/commands.server'
import type { SessionState } from '~/sessions/session-state.server'
import type { FacilitatorResult } from '~/sessions/session-viewer.server'
import { failed, jsonBody, methodNotAllowed } from './responses.server'
import { facilitatorForApi } from './session-access.server'

type Facilitator = Extract<FacilitatorResult, { ok: true }>

/**
 * The shape every state-changing route of a session shares: POST only, a facilitator of the
 * session, a JSON body; answers the new state (200) or the command's refusal.
 */
export async function stateAction(
  database: Db,
  { request, params }: Pick<ActionFunctionArgs, 'request' | 'params'>,
  run: (facilitator: Facilitator, body: Record<string, unknown>) => CommandResult<SessionState>,
): Promise<Response> {
  if (request.method !== 'POST') return methodNotAllowed('POST')
  const facilitator = await facilitatorForApi(database, request, params.id)
  if (facilitator instanceof Response) return facilitator
  // Every API POST is JSON (server/body-limits.ts); close and reopen take `{}`.
  const body = await jsonBody(request)
  if (body instanceof Response) return body
  const result = run(facilitator, body)
  return result.ok ? Response.json(result.value) : failed(result)
}
