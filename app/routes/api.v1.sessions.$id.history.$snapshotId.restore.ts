import type { ActionFunctionArgs } from '@remix-run/node'
import { ownSessionForApi } from '~/api/own-session.server'
import { errorJson, methodNotAllowed } from '~/api/responses.server'
import { db } from '~/db.server'
import { parseMomentId, restoreMoment } from '~/sessions/history.server'
import { mainRoomId } from '~/rooms/rooms.server'

export const loader = () => methodNotAllowed('POST')

/**
 * Puts the canvas back as it was at a kept moment, as a new change everyone receives; the canvas
 * as it was just before is kept as a 'restore' moment (facilitator only).
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed('POST')
  const own = await ownSessionForApi(db(), request, params.id)
  if (own instanceof Response) return own
  const id = parseMomentId(params.snapshotId)
  const restored = id === null ? undefined : await restoreMoment(context.collab, mainRoomId(db(), own.session.id), id)
  if (!restored) return errorJson(404, { _form: 'history.error.notFound' })
  return Response.json(restored)
}
