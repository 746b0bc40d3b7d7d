import type { LoaderFunctionArgs } from '@remix-run/node'
import { ownSessionForApi } from '~/api/own-session.server'
import { db } from '~/db.server'
import { listMoments } from '~/sessions/history.server'
import { mainRoomId } from '~/rooms/rooms.server'

/** The canvas's kept moments, newest first (facilitator of the session only). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const own = await ownSessionForApi(db(), request, params.id)
  if (own instanceof Response) return own
  return Response.json({ moments: listMoments(context.collab, mainRoomId(db(), own.session.id)) })
}
