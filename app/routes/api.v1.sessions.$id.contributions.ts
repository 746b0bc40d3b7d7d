import type { ActionFunctionArgs } from '@remix-run/node'
import { failed, jsonBody, methodNotAllowed } from '~/api/responses.server'
import { viewerForApi } from '~/api/session-access.server'
import { db } from '~/db.server'
import { addContribution } from '~/facilitation/facilitation.server'

/**
 * `{text, source?}` → 201 `{shapeId, private}`: a note in the current step's frame, or in the
 * sender's private room while private mode is on (anyone in the session).
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed('POST')
  const viewer = await viewerForApi(db(), request, params.id)
  if (viewer instanceof Response) return viewer
  const body = await jsonBody(request)
  if (body instanceof Response) return body
  const result = await addContribution(db(), context.collab, viewer, body)
  return result.ok ? Response.json(result.value, { status: 201 }) : failed(result)
}

export const loader = () => methodNotAllowed('POST')
