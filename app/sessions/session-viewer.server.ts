import type { Db } from '../../db/client'
import type { User, WorkshopSession } from '../../db/schema'
import { loginFromCookieHeader } from '~/auth/session.server'
import type { MessageKey } from '~/i18n'
import { identityFromCookies } from './access.server'
import type { CollabIdentity } from './identity'
import { readParticipantIds } from './participant-cookie.server'
import { getParticipant, getWorkshopSession } from './sessions.server'

export type ViewerResult =
  | { ok: true; session: WorkshopSession; identity: CollabIdentity }
  | { ok: false; status: 401 | 403 | 404; error: MessageKey }

/**
 * Who is asking about a werksessie's shared state (its facilitators and its participants), as
 * access.server.ts decides it, with the reason when nobody is: no credential at all (401), an
 * unknown session (404), a removed participant, someone else's session (403).
 */
export async function sessionViewer(
  db: Db,
  cookieHeader: string | null,
  id: string | undefined,
): Promise<ViewerResult> {
  const login = await loginFromCookieHeader(db, cookieHeader)
  const joined = await readParticipantIds(cookieHeader)
  if (!login && Object.keys(joined).length === 0) return { ok: false, status: 401, error: 'error.api.joinOrLogin' }
  const session = getWorkshopSession(db, id ?? '')
  if (!session) return { ok: false, status: 404, error: 'error.api.sessionNotFound' }
  const identity = await identityFromCookies(db, cookieHeader, session)
  if (identity) return { ok: true, session, identity }
  const participant = joined[session.id] ? getParticipant(db, joined[session.id]) : undefined
  if (participant?.removedAt) return { ok: false, status: 403, error: 'error.session.removed' }
  return { ok: false, status: 403, error: login ? 'error.session.otherFacilitator' : 'error.session.joinFirst' }
}

export type FacilitatorResult =
  | { ok: true; session: WorkshopSession; identity: CollabIdentity; user: User }
  | { ok: false; status: 401 | 403 | 404; error: MessageKey }

/** A facilitator of the session (owner or co-facilitator); a participant of it gets 403. */
export async function sessionFacilitator(
  db: Db,
  cookieHeader: string | null,
  id: string | undefined,
): Promise<FacilitatorResult> {
  const viewer = await sessionViewer(db, cookieHeader, id)
  if (!viewer.ok) return viewer
  const login = viewer.identity.role === 'facilitator' ? await loginFromCookieHeader(db, cookieHeader) : null
  if (!login) return { ok: false, status: 403, error: 'error.api.facilitatorOnly' }
  return { ...viewer, user: login.user }
}
