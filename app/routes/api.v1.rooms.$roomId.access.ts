import type { LoaderFunctionArgs } from '@remix-run/node'
import { errorJson } from '~/api/responses.server'
import { db } from '~/db.server'
import { resolveCookies } from '~/sessions/access.server'
import { findSessionByRoom } from '~/sessions/sessions.server'

/**
 * Whether this browser may still open a room. The websocket upgrade is refused with a bare
 * HTTP status the browser cannot read, so the canvas asks here after failed reconnects: 404 the
 * werksessie was deleted, 401 no (valid) credential, 403 someone else's room.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const roomId = params.roomId ?? ''
  if (!findSessionByRoom(db(), roomId)) return errorJson(404, { _form: 'error.session.gone' })
  const access = await resolveCookies(db(), request.headers.get('Cookie'), roomId)
  if (!access) return errorJson(401, { _form: 'error.api.notSignedIn' })
  if (!access.ok) return errorJson(access.status, { _form: 'error.api.noAccess' })
  return Response.json({ mode: access.identity.mode, role: access.identity.role })
}
