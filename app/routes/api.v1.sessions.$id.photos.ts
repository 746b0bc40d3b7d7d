import type { ActionFunctionArgs } from '@remix-run/node'
import { errorJson, methodNotAllowed } from '~/api/responses.server'
import { viewerForApi } from '~/api/session-access.server'
import { db } from '~/db.server'
import { addPhoto, MAX_PHOTO_BYTES, TOO_LARGE } from '~/photos/photos.server'

/**
 * The raw JPEG (`Content-Type: image/jpeg`), optional `?note=<shapeId>` (an idea of the sender's
 * own) or `?shape=none` (the canvas places it itself) → 201 `{assetId, shapeId, private, src}`:
 * stored without its metadata and placed beside the idea, or at the step's next free spot
 * (anyone in the session; participants while the facilitator allows photos).
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed('POST')
  const viewer = await viewerForApi(db(), request, params.id)
  if (viewer instanceof Response) return viewer
  // The edge refuses a larger declared body before it is read (server/body-limits.ts); this is
  // for whoever calls the route without it.
  if (Number(request.headers.get('Content-Length') ?? 0) > MAX_PHOTO_BYTES) return errorJson(413, TOO_LARGE)
  const bytes = new Uint8Array(await request.arrayBuffer())
  const url = new URL(request.url)
  const result = await addPhoto(db(), context.collab, viewer, {
    bytes,
    contentType: request.headers.get('Content-Type'),
    note: url.searchParams.get('note'),
    shape: url.searchParams.get('shape'),
  })
  return result.ok ? Response.json(result.value, { status: 201 }) : errorJson(result.status, result.errors)
}

export const loader = () => methodNotAllowed('POST')
