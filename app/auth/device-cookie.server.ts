import crypto from 'node:crypto'
import type { Cookie } from '@remix-run/node'
import { z } from 'zod'
import { signedCookie } from './signed-cookie.server'

const cookieValue = z.object({ d: z.string().min(16).max(64), e: z.string().length(64) })

let cookie: Cookie | undefined
/**
 * A browser that has logged in as an e-mail address before: a random device id and a hash of
 * that address (the cookie never names it), signed. Its failed logins are counted in a lane of
 * their own (LoginThrottle), so someone guessing that account's password elsewhere, or on the
 * same Wi-Fi, never makes its owner wait.
 */
function deviceCookie() {
  cookie ??= signedCookie('wa_device', 365 * 24 * 60 * 60)
  return cookie
}

const emailHash = (email: string) => crypto.createHash('sha256').update(`device|${email}`).digest('hex')

async function read(cookieHeader: string | null | undefined) {
  if (!cookieHeader) return null
  const parsed = cookieValue.safeParse(await deviceCookie().parse(cookieHeader))
  return parsed.success ? parsed.data : null
}

/** The device id, if this browser has logged in as this (normalised) e-mail address before. */
export async function knownDevice(cookieHeader: string | null | undefined, email: string): Promise<string | undefined> {
  const value = await read(cookieHeader)
  return value && value.e === emailHash(email) ? value.d : undefined
}

/** Set-Cookie value after a successful login as `email` (keeping the device id it had). */
export async function rememberDevice(cookieHeader: string | null | undefined, email: string): Promise<string> {
  const d = (await read(cookieHeader))?.d ?? crypto.randomBytes(16).toString('base64url')
  return deviceCookie().serialize({ d, e: emailHash(email) })
}
