import type { LoaderFunctionArgs } from '@remix-run/node'
import { errorJson } from '~/api/responses.server'
import { signCollabToken } from '~/auth/collab-token.server'
import { loginFromCookieHeader } from '~/auth/session.server'
import { db } from '~/db.server'
import { getEnv } from '~/env.server'
import { loginSubject } from '~/sessions/access.server'
import { findOwnSession } from '~/sessions/own-session.server'
import { mainRoomId } from '~/rooms/rooms.server'

/** A short-lived room credential; `?mode=read` gives one for a projector that cannot edit. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const login = await loginFromCookieHeader(db(), request.headers.get('Cookie'))
  if (!login) return errorJson(401, { _form: 'error.api.loginFirst' })
  const { user } = login
  const own = findOwnSession(db(), user, params.id)
  if (!own.ok)
    return errorJson(own.status, { _form: own.status === 404 ? 'error.api.sessionNotFound' : 'error.session.notYours' })
  const { session } = own
  const roomId = mainRoomId(db(), session.id)
  const modeParam = new URL(request.url).searchParams.get('mode') ?? 'edit'
  if (modeParam !== 'edit' && modeParam !== 'read') return errorJson(400, { mode: 'error.api.mode' })
  const token = signCollabToken(getEnv().SESSION_SECRET, {
    roomId,
    // Bound to this login: the token stops working when it ends (logout), not 10 minutes later.
    subject: loginSubject(login.loginId),
    mode: modeParam,
  })
  return Response.json({ roomId, token, mode: modeParam })
}
