import type { Db } from '../../db/client'
import type { User, WorkshopSession } from '../../db/schema'
import { requireUser } from '~/auth/session.server'
import { invariantResponse } from '~/http/invariant.server'
import { mayFacilitate } from './access.server'
import { getWorkshopSession } from './sessions.server'

export type OwnSessionResult = { ok: true; session: WorkshopSession } | { ok: false; status: 404 | 403 }

/**
 * The one rule for a facilitator's own werksessie: it exists (else 404) and she runs it (else
 * 403). Pages go through `requireOwnSession`; the JSON API turns a refusal into its error shape.
 */
export function findOwnSession(db: Db, user: User, id: string | undefined): OwnSessionResult {
  const session = getWorkshopSession(db, id ?? '')
  if (!session) return { ok: false, status: 404 }
  if (!mayFacilitate(db, user, session)) return { ok: false, status: 403 }
  return { ok: true, session }
}

/** For page loaders: the werksessie, or a 404 that the error page shows. */
export function requireSession(db: Db, id: string | undefined): WorkshopSession {
  const session = getWorkshopSession(db, id ?? '')
  invariantResponse(session, 'error.session.gone', { status: 404 })
  return session
}

/**
 * For page loaders and actions: the logged-in facilitator (others are sent to the login page)
 * and her werksessie, or a 404/403 that the error page shows.
 */
export async function requireOwnSession(
  db: Db,
  request: Request,
  id: string | undefined,
): Promise<{ user: User; session: WorkshopSession }> {
  const user = await requireUser(db, request)
  const own = findOwnSession(db, user, id)
  invariantResponse(own.ok || own.status !== 404, 'error.session.gone', { status: 404 })
  invariantResponse(own.ok, 'error.session.notYours', { status: 403 })
  return { user, session: own.session }
}
