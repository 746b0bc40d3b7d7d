import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { failed, jsonBody, methodNotAllowed } from '~/api/responses.server'
import { viewerForApi } from '~/api/session-access.server'
import { db } from '~/db.server'
import { addContribution } from '~/facilitation/facilitation.server'
import { listOwnContributions } from '~/participant/contributions.server'

/**
 * `{text, source?, clientKey?}` → 201 `{shapeId, private, again: false}`: a note in the current
 * step's frame, or in the sender's private room while private mode is on (anyone in the session).
 * The same `clientKey` again → 200 with the note made the first time (`again: true`).
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed('GET, POST')
  const viewer = await viewerForApi(db(), request, params.id)
  if (viewer instanceof Response) return viewer
  const body = await jsonBody(request)
  if (body instanceof Response) return body
  const result = await addContribution(db(), context.collab, viewer, body)
  if (!result.ok) return failed(result)
  return Response.json(result.value, { status: result.value.again ? 200 : 201 })
}

/** `GET` → `{contributions: [{shapeId, text, phase, private, createdAt}]}`: the caller's own, newest first. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await viewerForApi(db(), request, params.id)
  if (viewer instanceof Response) return viewer
  return Response.json({ contributions: await listOwnContributions(db(), context.collab, viewer) })
}
