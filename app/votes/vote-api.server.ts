import type { ActionFunctionArgs } from '@remix-run/node'
import type { Db } from '../../db/client'
import type { CommandResult } from '~/auth/commands.server'
import { errorJson, failed, jsonBody, methodNotAllowed } from '~/api/responses.server'
import { viewerForApi } from '~/api/session-access.server'
import type { ViewerResult } from '~/sessions/session-viewer.server'

type Viewer = Extract<ViewerResult, { ok: true }>

/**
 * The ballot routes' shared shape: the method, anyone in the session who may edit (a facilitator
 * or a participant; a participant of a closed session can only look, 403), and for POST a JSON
 * body. The voter is the person's collab subject, as the server established it.
 */
export async function voterAction<T>(
  database: Db,
  { request, params }: Pick<ActionFunctionArgs, 'request' | 'params'>,
  method: 'POST' | 'DELETE',
  run: (viewer: Viewer, body: Record<string, unknown>) => Promise<CommandResult<T>>,
  status = 200,
): Promise<Response> {
  if (request.method !== method) return methodNotAllowed(method)
  const viewer = await viewerForApi(database, request, params.id)
  if (viewer instanceof Response) return viewer
  if (viewer.identity.mode === 'read') return errorJson(403, { _form: 'vote.error.readOnly' })
  let body: Record<string, unknown> = {}
  if (method === 'POST') {
    const parsed = await jsonBody(request)
    if (parsed instanceof Response) return parsed
    body = parsed
  }
  const result = await run(viewer, body)
  return result.ok ? Response.json(result.value, { status }) : failed(result)
}
