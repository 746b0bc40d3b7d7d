import type { Db } from '../../db/client'
import { sessionFacilitator, sessionViewer } from '~/sessions/session-viewer.server'
import { errorJson } from './responses.server'

/** For the session-state API routes: anyone in the session, or the JSON error to answer with. */
export async function viewerForApi(db: Db, request: Request, id: string | undefined) {
  const viewer = await sessionViewer(db, request.headers.get('Cookie'), id)
  return viewer.ok ? viewer : errorJson(viewer.status, { _form: viewer.error })
}

/** For the routes that run a session: a facilitator of it (owner or co-facilitator). */
export async function facilitatorForApi(db: Db, request: Request, id: string | undefined) {
  const facilitator = await sessionFacilitator(db, request.headers.get('Cookie'), id)
  return facilitator.ok ? facilitator : errorJson(facilitator.status, { _form: facilitator.error })
}
