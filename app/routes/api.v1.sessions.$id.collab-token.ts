import type { LoaderFunctionArgs } from '@remix-run/node'
import { errorJson, failed } from '~/api/responses.server'
import { viewerForApi } from '~/api/session-access.server'
import { signCollabToken } from '~/auth/collab-token.server'
import { db } from '~/db.server'
import { getEnv } from '~/env.server'
import { roomToOpen } from '~/facilitation/private-mode.server'
import { loginSubject, resolveSubject } from '~/sessions/access.server'

/**
 * A short-lived room credential for the session's facilitators and participants:
 * `?room=main` (default), `?room=private` (a participant's own private room, made on first
 * use) or `?room=<roomId>` (a room of the session); `?mode=read` gives one that cannot edit.
 * Answers `{roomId, token, mode, presenceId}`; the room's access rule decides (403 for someone
 * else's private room), the same rule the websocket upgrade asks.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await viewerForApi(db(), request, params.id)
  if (viewer instanceof Response) return viewer
  const { session, identity } = viewer
  const url = new URL(request.url)
  const modeParam = url.searchParams.get('mode') ?? 'edit'
  if (modeParam !== 'edit' && modeParam !== 'read') return errorJson(400, { mode: 'error.api.mode' })
  const room = roomToOpen(db(), session, identity, url.searchParams.get('room') ?? 'main')
  if (!room.ok) return failed(room)
  const { roomId } = room.value
  // A facilitator's token names the login it was made in: it stops working when that login ends.
  const subject = identity.role === 'facilitator' && identity.login ? loginSubject(identity.login) : identity.subject
  const access = resolveSubject(db(), subject, roomId, modeParam)
  if (!access.ok) return errorJson(access.status === 401 ? 401 : 403, { _form: 'error.api.noAccess' })
  const { mode, presenceId } = access.identity
  const token = signCollabToken(getEnv().SESSION_SECRET, { roomId, subject, mode })
  return Response.json({ roomId, token, mode, presenceId }, { headers: { 'Cache-Control': 'no-store' } })
}
