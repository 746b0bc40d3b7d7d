import type { LoaderFunctionArgs } from '@remix-run/node'
import { viewerForApi } from '~/api/session-access.server'
import { db } from '~/db.server'
import { sessionState } from '~/sessions/session-state.server'

/** `{phase, timer, vote, privateMode, locked, closed, serverNow}` for the session's facilitators and participants. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await viewerForApi(db(), request, params.id)
  if (viewer instanceof Response) return viewer
  return Response.json(sessionState(db(), viewer.session), { headers: { 'Cache-Control': 'no-store' } })
}
