import crypto from 'node:crypto'
import { redirect, type Cookie } from '@remix-run/node'
import { and, eq, gt, lt } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { authSessions, users, type User } from '../../db/schema'
import { signedCookie } from './signed-cookie.server'

const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000

let cookie: Cookie | undefined
/** The facilitator's login cookie: a random session id, signed; the database keeps its hash. */
export function sessionCookie() {
  cookie ??= signedCookie('wa_session', SESSION_TTL_MS / 1000)
  return cookie
}

const hashId = (id: string) => crypto.createHash('sha256').update(id).digest('hex')

/** Starts a login session and returns the Set-Cookie header value. */
export async function startSession(db: Db, userId: string): Promise<string> {
  const id = crypto.randomBytes(32).toString('base64url')
  const now = Date.now()
  db.delete(authSessions)
    .where(lt(authSessions.expiresAt, new Date(now)))
    .run()
  db.insert(authSessions)
    .values({ idHash: hashId(id), userId, expiresAt: new Date(now + SESSION_TTL_MS) })
    .run()
  return sessionCookie().serialize(id)
}

/**
 * The logged-in facilitator for a Cookie header, if the session is valid, with the login's id
 * (the stored hash of the session id): collab tokens and connections are bound to it, so they
 * end when this login ends.
 */
export async function loginFromCookieHeader(
  db: Db,
  cookieHeader: string | null | undefined,
): Promise<{ user: User; loginId: string } | null> {
  if (!cookieHeader) return null
  const id: unknown = await sessionCookie().parse(cookieHeader)
  if (typeof id !== 'string') return null
  const loginId = hashId(id)
  const user = userOfLogin(db, loginId)
  return user ? { user, loginId } : null
}

/** The user of a login that has not ended (logged out) or expired. */
export function userOfLogin(db: Db, loginId: string): User | null {
  const row = db
    .select({ user: users })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(and(eq(authSessions.idHash, loginId), gt(authSessions.expiresAt, new Date())))
    .get()
  return row?.user ?? null
}

/** The logged-in facilitator for a Cookie header, if the session is valid. */
export async function userFromCookieHeader(db: Db, cookieHeader: string | null | undefined): Promise<User | null> {
  return (await loginFromCookieHeader(db, cookieHeader))?.user ?? null
}

export function getUser(db: Db, request: Request) {
  return userFromCookieHeader(db, request.headers.get('Cookie'))
}

/** The facilitator, or a redirect to the login page that comes back here afterwards. */
export async function requireUser(db: Db, request: Request): Promise<User> {
  const user = await getUser(db, request)
  if (user) return user
  const url = new URL(request.url)
  throw redirect(`/inloggen?terug=${encodeURIComponent(url.pathname + url.search)}`)
}

/**
 * Ends the session: returns the Set-Cookie header value that clears the cookie, and the id of
 * the login that ended (null if there was none), whose collab connections are to be closed.
 */
export async function endSession(db: Db, request: Request): Promise<{ setCookie: string; loginId: string | null }> {
  const id: unknown = await sessionCookie().parse(request.headers.get('Cookie'))
  const loginId = typeof id === 'string' ? hashId(id) : null
  if (loginId) db.delete(authSessions).where(eq(authSessions.idHash, loginId)).run()
  return { setCookie: await sessionCookie().serialize('', { maxAge: 0 }), loginId }
}
