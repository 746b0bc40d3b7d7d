import type { LoaderFunctionArgs } from '@remix-run/node'
import { errorJson, methodNotAllowed } from '~/api/responses.server'
import { db } from '~/db.server'
import { PHOTO_CACHE_SECONDS, readPhoto } from '~/photos/photos.server'

/**
 * A photo of the session, as stored (the JPEG without its metadata), for people in the session
 * who may open its room. Everyone else gets 404, whatever the reason, so photo ids cannot be probed.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const photo = await readPhoto(db(), request.headers.get('Cookie'), params.id, params.assetId)
  if (!photo) return errorJson(404, { _form: 'photos.error.notFound' })
  return new Response(new Uint8Array(photo.bytes), {
    headers: {
      'Content-Type': photo.mimeType,
      'Content-Length': String(photo.bytes.length),
      'X-Content-Type-Options': 'nosniff',
      // Only this browser keeps it, for a while: access ends when someone is removed or the session is deleted.
      'Cache-Control': `private, max-age=${PHOTO_CACHE_SECONDS}`,
      'Content-Disposition': 'inline',
    },
  })
}

export const action = () => methodNotAllowed('GET')
