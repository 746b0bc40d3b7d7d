import type { ActionFunctionArgs } from '@remix-run/node'
import { failed, jsonBody, methodNotAllowed } from '~/api/responses.server'
import { viewerForApi } from '~/api/session-access.server'
import { db } from '~/db.server'
import { deleteOwnContribution, editOwnContribution } from '~/participant/contributions.server'

/**
 * One's own idea: `PATCH {text}` → 200 the contribution with its new text; `DELETE` → 204, off
 * the canvas. 404 when it is not the caller's or no longer on a canvas; 403 in a locked frame or
 * a closed session.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await viewerForApi(db(), request, params.id)
  if (viewer instanceof Response) return viewer
  const shapeId = params.shapeId ?? ''
  if (request.method === 'DELETE') {
    const result = await deleteOwnContribution(db(), context.collab, viewer, shapeId)
    return result.ok ? new Response(null, { status: 204 }) : failed(result)
  }
  if (request.method !== 'PATCH') return methodNotAllowed('PATCH, DELETE')
  const body = await jsonBody(request)
  if (body instanceof Response) return body
  const result = await editOwnContribution(db(), context.collab, viewer, shapeId, body)
  return result.ok ? Response.json(result.value) : failed(result)
}

export const loader = () => methodNotAllowed('PATCH, DELETE')
