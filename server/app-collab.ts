/**
 * How the app plugs its people into the generic collab core: its token, who a subject or a
 * cookie is (app/sessions/access.server.ts), and what ends with a login.
 */
import type { Db } from '../db/client'
import type { AppLoadContext } from '@remix-run/node'
import { verifyCollabToken } from '../app/auth/collab-token.server'
import { resolveCookies, resolveSubject } from '../app/sessions/access.server'
import type { CollabIdentity } from '../app/sessions/identity'
import { CloseCode, createAuthenticator, type CollabServer, type TokenCheck } from './collab'

/** The app's collab token, in the collab core's terms. */
function checkCollabToken(secret: string, token: string, now: number): TokenCheck {
  const verified = verifyCollabToken(secret, token, now)
  if (!verified.ok) return { ok: false, reason: verified.reason === 'expired' ? 'expired' : 'invalid' }
  const { r: roomId, s: subject, m: mode } = verified.payload
  return { ok: true, claims: { roomId, subject, mode } }
}

/** Tokens first, then cookies; a facilitator's token names its login, which must not have ended. */
export function appAuthenticator(db: Db, secret: string) {
  return createAuthenticator<CollabIdentity>({
    verifyToken: (token, now) => checkCollabToken(secret, token, now),
    resolveSubject: async (subject, roomId, mode) => resolveSubject(db, subject, roomId, mode),
    resolveCookies: (cookieHeader, roomId) => resolveCookies(db, cookieHeader, roomId),
  })
}

/**
 * After a logout: the connections opened with that login (by its cookie or its token) close
 * with 4401, and cannot come back, since both credentials ended with the login.
 */
export function endLogin(collab: CollabServer<CollabIdentity>, loginId: string): number {
  return collab.closeWhere((peer) => peer.login === loginId, CloseCode.notAuthenticated, 'Uitgelogd')
}

/**
 * The collab control's view of who is in a room, for the app's session pages (connected now,
 * remove a participant): subjects only, and closing one subject's connections to one room.
 */
export function subjectControl(collab: CollabServer<CollabIdentity>) {
  return {
    connectedSubjects: (roomId: string) => [...new Set(collab.connectedPeers(roomId).map((peer) => peer.subject))],
    closeSubject: (roomId: string, subject: string, code: number, reason: string) =>
      collab.closeWhere((peer, room) => room === roomId && peer.subject === subject, code, reason),
  }
}

/** What routes get as context.collab (app/load-context.ts): the app's handle on the room server. */
export function collabControl(collab: CollabServer<CollabIdentity>): AppLoadContext['collab'] {
  return {
    deleteRoom: (roomId, alongside) => collab.deleteRoom(roomId, alongside),
    endLogin: (loginId) => void endLogin(collab, loginId),
    ...subjectControl(collab),
    history: collab.history,
    transact: (roomId, fn, options) => collab.transact(roomId, fn, options),
  }
}
