import type { Db } from '../../db/client'
import crypto from 'node:crypto'
import type { Participant, User, WorkshopSession } from '../../db/schema'
import { loginFromCookieHeader, userFromCookieHeader, userOfLogin } from '~/auth/session.server'
import { participantLabel } from '~/i18n/roles'
import { isCoFacilitator, isSessionOwner } from './facilitators.server'
import type { AccessResult, CollabIdentity } from './identity'
import { readParticipantIds } from './participant-cookie.server'
import { findRoom, mainRoomId } from '~/rooms/rooms.server'
import type { RoomRecord } from '../../db/schema'
import { getParticipant } from './sessions.server'

/**
 * Who may open which werksessie, in one place: the facilitators who run it (its owner and the
 * co-facilitators she invited), and the participants who joined it and were not removed. Pages,
 * the API and the collaboration server all ask here.
 */
export function facilitatorIdentity(
  user: User,
  roomId: string,
  mode: 'edit' | 'read' = 'edit',
  login?: string,
): CollabIdentity {
  const subject = `u:${user.id}`
  return { subject, role: 'facilitator', name: user.name, mode, presenceId: presenceIdFor(roomId, subject), login }
}

/**
 * The subject a facilitator's collab token names: the login it was made in (`l:<loginId>`),
 * not the account, so the token ends when that login ends (logout, expiry).
 */
export const loginSubject = (loginId: string) => `l:${loginId}`

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

/**
 * The one rule for who runs a werksessie: its owner or a co-facilitator the owner invited
 * (app/sessions/facilitators.server.ts). Pages, the API and the collab access all ask here.
 */
export function mayFacilitate(db: Db, user: User | null, session: WorkshopSession): user is User {
  if (!user) return false
  return isSessionOwner(user, session) || isCoFacilitator(db, user.id, session.id)
}

/**
 * A participant's access: none once a facilitator removed them; only looking while the session
 * is closed (their connections are then read-only, so the server refuses their edits).
 */
function participantAccess(participant: Participant, session: WorkshopSession): 'edit' | 'read' | null {
  if (participant.removedAt || participant.workshopSessionId !== session.id) return null
  return session.closedAt ? 'read' : 'edit'
}

/** The identity behind a Cookie header for one werksessie, or null when the cookies give none. */
export async function identityFromCookies(
  db: Db,
  cookieHeader: string | null | undefined,
  session: WorkshopSession,
): Promise<CollabIdentity | null> {
  return identityInRoom(db, cookieHeader, session, mainRoomId(db, session.id))
}

/**
 * Who may open a room of the session besides its main canvas: a private room only its owner
 * (edit), and the facilitators read-only when the session lets them see private notes.
 * `identity` is who they are in the session; null when this room is not for them.
 */
function narrowToRoom(identity: CollabIdentity, room: RoomRecord, session: WorkshopSession) {
  if (room.kind === 'main') return identity
  if (identity.subject === room.ownerSubject) return identity
  if (identity.role === 'facilitator' && session.privateFacilitatorSees) return { ...identity, mode: 'read' as const }
  return null
}

async function identityInRoom(
  db: Db,
  cookieHeader: string | null | undefined,
  session: WorkshopSession,
  roomId: string,
): Promise<CollabIdentity | null> {
  const login = await loginFromCookieHeader(db, cookieHeader)
  if (login && mayFacilitate(db, login.user, session))
    return facilitatorIdentity(login.user, roomId, 'edit', login.loginId)
  const participantId = (await readParticipantIds(cookieHeader))[session.id]
  const participant = participantId ? getParticipant(db, participantId) : undefined
  const access = participant ? participantAccess(participant, session) : null
  if (participant && access) return participantIdentity(participant, roomId, access)
  return null
}

/** Resolves the subject of a verified collab token for a room: a facilitator's login or a participant. */
export function resolveSubject(db: Db, subject: string, roomId: string, mode: 'edit' | 'read'): AccessResult {
  const [kind, id] = subject.split(':')
  const found = findRoom(db, roomId)
  const session = found?.session
  const inRoom = (identity: CollabIdentity): AccessResult => {
    const narrowed = found ? narrowToRoom(identity, found.room, found.session) : null
    return narrowed ? { ok: true, identity: narrowed } : { ok: false, status: 403, reason: 'not this room' }
  }
  if (kind === 'l' && id) {
    const user = userOfLogin(db, id)
    if (!user) return { ok: false, status: 401, reason: 'logged out' }
    if (!session || !mayFacilitate(db, user, session)) return { ok: false, status: 403, reason: 'not this room' }
    return inRoom(facilitatorIdentity(user, roomId, mode, id))
  }
  if (kind === 'p' && id) {
    const participant = getParticipant(db, id)
    if (!participant) return { ok: false, status: 401, reason: 'unknown participant' }
    const access = session ? participantAccess(participant, session) : null
    if (!access) return { ok: false, status: 403, reason: 'not this room' }
    // `mode` may only narrow what the session allows (a closed session is read-only for them).
    return inRoom(participantIdentity(participant, roomId, access === 'read' ? 'read' : mode))
  }
  return { ok: false, status: 401, reason: 'malformed subject' }
}

/** Resolves the cookies of a websocket upgrade for a room; null when they carry no credential. */
export async function resolveCookies(
  db: Db,
  cookieHeader: string | null | undefined,
  roomId: string,
): Promise<AccessResult | null> {
  const found = findRoom(db, roomId)
  if (!found) {
    // A logged-in facilitator asking for a room that is not theirs (or not there) is forbidden.
    return (await userFromCookieHeader(db, cookieHeader)) ? { ok: false, status: 403, reason: 'no such room' } : null
  }
  const { session, room } = found
  const person = await identityInRoom(db, cookieHeader, session, roomId)
  const identity = person && narrowToRoom(person, room, session)
  if (identity) return { ok: true, identity }
  if (person) return { ok: false, status: 403, reason: 'not this room' }
  const user = await userFromCookieHeader(db, cookieHeader)
  const joinedOther = Object.keys(await readParticipantIds(cookieHeader)).length > 0
  return user || joinedOther ? { ok: false, status: 403, reason: 'not this room' } : null
}
