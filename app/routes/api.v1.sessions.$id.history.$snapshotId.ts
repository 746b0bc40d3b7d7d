import type { LoaderFunctionArgs } from '@remix-run/node'
import { ownSessionForApi } from '~/api/own-session.server'
import { errorJson } from '~/api/responses.server'
import { db } from '~/db.server'
import { getMoment, parseMomentId } from '~/sessions/history.server'
import { mainRoomId } from '~/rooms/rooms.server'

/** One kept moment with its tldraw records and their schema, to look at (facilitator only). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const own = await ownSessionForApi(db(), request, params.id)
  if (own instanceof Response) return own
  const id = parseMomentId(params.snapshotId)
  const moment = id === null ? undefined : getMoment(context.collab, mainRoomId(db(), own.session.id), id)
  if (!moment) return errorJson(404, { _form: 'history.error.notFound' })
  return Response.json(moment)
}
