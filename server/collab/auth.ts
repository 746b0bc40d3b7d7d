/**
 * Who may open a collaboration room, decided before the websocket exists.
 * Credentials: a `token` query parameter or the request's cookies. The app verifies its tokens
 * and resolves who a subject or a cookie is (it knows users, participants and sessions); this
 * module only combines the answers.
 */
import type { IncomingMessage } from 'node:http'
import type { AccessResult, CollabPeer } from './peer'

export const COLLAB_PATH_PREFIX = '/collab/'
export const ROOM_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/

/** The room id of `/collab/<roomId>`, or null if the path is anything else. */
export function parseRoomPath(pathname: string): string | null {
  if (!pathname.startsWith(COLLAB_PATH_PREFIX)) return null
  const roomId = pathname.slice(COLLAB_PATH_PREFIX.length)
  return ROOM_ID_PATTERN.test(roomId) ? roomId : null
}

/** Decides access to a room for an upgrade request; `token` is the `token` query parameter. */
export type Authenticate<P extends CollabPeer = CollabPeer> = (
  req: IncomingMessage,
  roomId: string,
  token: string | null,
) => Promise<AccessResult<P>>

/** What a token says, once its signature and expiry were checked. */
export interface TokenClaims {
  roomId: string
  subject: string
  mode: 'edit' | 'read'
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'expired' | 'invalid' }

export interface AuthenticatorDeps<P extends CollabPeer = CollabPeer> {
  /** Checks a token's signature and expiry at `now` (ms since epoch). */
  verifyToken(token: string, now: number): TokenCheck
  /** Who a token's subject is in this room (e.g. "p:123" -> Ouder 3); 403 if not part of it. */
  resolveSubject(subject: string, roomId: string, mode: 'edit' | 'read'): AccessResult<P> | Promise<AccessResult<P>>
  /** Access from a Cookie header (facilitator login, participant join); null if none applies. */
  resolveCookies(cookieHeader: string, roomId: string): AccessResult<P> | null | Promise<AccessResult<P> | null>
  now?: () => number
}

const noCredential = { ok: false, status: 401, reason: 'Niet aangemeld' } as const

/**
 * Tries the token first, then the cookies. The first success wins; otherwise 403 beats 401
 * (someone who proved who they are but may not enter hears "forbidden", not "log in").
 * A read-only token yields a read-only identity whatever the subject could do otherwise.
 */
export function createAuthenticator<P extends CollabPeer>(deps: AuthenticatorDeps<P>): Authenticate<P> {
  const now = deps.now ?? Date.now
  return async (req, roomId, token) => {
    const failures: AccessResult<P>[] = []
    if (token) {
      const verified = deps.verifyToken(token, now())
      if (!verified.ok) {
        failures.push({
          ok: false,
          status: 401,
          reason: verified.reason === 'expired' ? 'Toegang verlopen' : 'Ongeldige toegang',
        })
      } else if (verified.claims.roomId !== roomId) {
        failures.push({ ok: false, status: 403, reason: 'Geen toegang tot deze ruimte' })
      } else {
        const result = await deps.resolveSubject(verified.claims.subject, roomId, verified.claims.mode)
        if (result.ok) {
          const mode = verified.claims.mode === 'read' ? 'read' : result.identity.mode
          return { ok: true, identity: { ...result.identity, mode } }
        }
        failures.push(result)
      }
    }
    const cookieHeader = req.headers.cookie
    if (cookieHeader) {
      const result = await deps.resolveCookies(cookieHeader, roomId)
      if (result?.ok) return result
      if (result) failures.push(result)
    }
    return failures.find((f) => !f.ok && f.status === 403) ?? failures[0] ?? noCredential
  }
}
