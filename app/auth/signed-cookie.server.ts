import { createCookie } from '@remix-run/node'
import { getEnv } from '~/env.server'

/**
 * A signed, httpOnly, SameSite=Lax cookie for the whole site: the one place where the security
 * flags of the app's cookies are set (login session, participant ids).
 */
export function signedCookie(name: string, maxAgeSeconds: number) {
  const env = getEnv()
  return createCookie(name, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: env.COOKIE_SECURE,
    secrets: [env.SESSION_SECRET],
    maxAge: maxAgeSeconds,
  })
}
