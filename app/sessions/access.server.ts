import type { Db } from '../../db/client'
import crypto from 'node:crypto'
import type { Participant, User, WorkshopSession } from '../../db/schema'
import { getUserById } from '~/auth/users.server'
import { userFromCookieHeader } from '~/auth/session.server'
import { participantLabel } from '~/i18n/roles'
import type { AccessResult, CollabIdentity } from './identity'
import { readParticipantIds } from './participant-cookie.server'
import { findSessionByRoom, getParticipant } from './sessions.server'

/**
 * Who may open which werksessie, in one place: the facilitator who owns it, and the
 * participants who joined it. Pages, the API and the collaboration server all ask here.
 */
export function facilitatorIdentity(user: User, roomId: string, mode: 'edit' | 'read' = 'edit'): CollabIdentity {
  const subject = `u:${user.id}`
  return { subject, role: 'facilitator', name: user.name, mode, presenceId: presenceIdFor(roomId, subject) }
}

function participantIdentity(participant: Participant, roomId: string, mode: 'edit' | 'read'): CollabIdentity {
  const subject = `p:${participant.id}`
  return {
    subject,
    role: participant.role,
    name: participantLabel('nl', participant),
    mode,
    presenceId: presenceIdFor(roomId, subject),
  }
}

/**
 * What others in a room see of a person besides their presence pseudonym: the collaboration
 * server stamps it into every awareness state they send, over whatever their browser claims.
 */
export function presenceOf(identity: CollabIdentity): { name: string; role: CollabIdentity['role'] } {
  return { name: identity.name, role: identity.role }
}

/** A stable pseudonym of a person in one room. */
export function presenceIdFor(roomId: string, subject: string): string {
  return crypto.createHash('sha256').update(`${roomId}|${subject}`).digest('base64url').slice(0, 16)
}

export function mayFacilitate(user: User | null, session: WorkshopSession): user is User {
  return !!user && user.id === session.facilitatorId
}

/** The identity behind a Cookie header for one werksessie, or null when the cookies give none. */
export async function identityFromCookies(
  db: Db,
  cookieHeader: string | null | undefined,
  session: WorkshopSession,
): Promise<CollabIdentity | null> {
  const user = await userFromCookieHeader(db, cookieHeader)
  if (mayFacilitate(user, session)) return facilitatorIdentity(user, session.roomId)
  const participantId = (await readParticipantIds(cookieHeader))[session.id]
  const participant = participantId ? getParticipant(db, participantId) : undefined
  if (participant && participant.workshopSessionId === session.id)
    return participantIdentity(participant, session.roomId, 'edit')
  return null
}

/** Resolves the subject of a verified collab token for a room. */
export function resolveSubject(db: Db, subject: string, roomId: string, mode: 'edit' | 'read'): AccessResult {
  const [kind, id] = subject.split(':')
  const session = findSessionByRoom(db, roomId)
  if (kind === 'u' && id) {
    const user = getUserById(db, id)
    if (!user) return { ok: false, status: 401, reason: 'unknown user' }
    if (!session || !mayFacilitate(user, session)) return { ok: false, status: 403, reason: 'not this room' }
    return { ok: true, identity: facilitatorIdentity(user, roomId, mode) }
  }
  if (kind === 'p' && id) {
    const participant = getParticipant(db, id)
    if (!participant) return { ok: false, status: 401, reason: 'unknown participant' }
    if (!session || participant.workshopSessionId !== session.id) {
      return { ok: false, status: 403, reason: 'not this room' }
    }
    return { ok: true, identity: participantIdentity(participant, roomId, mode) }
  }
  return { ok: false, status: 401, reason: 'malformed subject' }
}

/** Resolves the cookies of a websocket upgrade for a room; null when they carry no credential. */
export async function resolveCookies(
  db: Db,
  cookieHeader: string | null | undefined,
  roomId: string,
): Promise<AccessResult | null> {
  const session = findSessionByRoom(db, roomId)
  if (!session) {
    // A logged-in facilitator asking for a room that is not theirs (or not there) is forbidden.
    return (await userFromCookieHeader(db, cookieHeader)) ? { ok: false, status: 403, reason: 'no such room' } : null
  }
  const identity = await identityFromCookies(db, cookieHeader, session)
  if (identity) return { ok: true, identity }
  const user = await userFromCookieHeader(db, cookieHeader)
  const joinedOther = Object.keys(await readParticipantIds(cookieHeader)).length > 0
  return user || joinedOther ? { ok: false, status: 403, reason: 'not this room' } : null
}
