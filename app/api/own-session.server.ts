import type { Db } from '../../db/client'
import type { User, WorkshopSession } from '../../db/schema'
import { getUser } from '~/auth/session.server'
import { findOwnSession } from '~/sessions/own-session.server'
import { errorJson } from './responses.server'

/**
 * For JSON API routes of one werksessie: the logged-in facilitator and her session, or the
 * error to answer with (401 without a login, 404 unknown, 403 someone else's), in the API's
 * `{ message, errors }` shape. The rule itself is findOwnSession's.
 */
export async function ownSessionForApi(
  db: Db,
  request: Request,
  id: string | undefined,
): Promise<{ user: User; session: WorkshopSession } | Response> {
  const user = await getUser(db, request)
  if (!user) return errorJson(401, { _form: 'error.api.loginFirst' })
  const own = findOwnSession(db, user, id)
  if (!own.ok)
    return errorJson(own.status, { _form: own.status === 404 ? 'error.api.sessionNotFound' : 'error.session.notYours' })
  return { user, session: own.session }
}
