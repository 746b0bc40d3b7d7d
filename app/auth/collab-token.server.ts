import crypto from 'node:crypto'
import { z } from 'zod'

/**
 * Short-lived credential for one collaboration room, for clients that cannot send the
 * cookie (integrations, a projector screen, tests). Format: base64url(JSON).base64url(HMAC).
 */
export const collabTokenPayload = z.object({
  /** room id */
  r: z.string(),
  /** subject: `u:<userId>` for a facilitator, `p:<participantId>` for a participant */
  s: z.string(),
  /** mode */
  m: z.enum(['edit', 'read']),
  /** expiry, ms since epoch */
  x: z.number(),
})
export type CollabTokenPayload = z.infer<typeof collabTokenPayload>

export const COLLAB_TOKEN_TTL_MS = 10 * 60 * 1000

function mac(secret: string, body: string) {
  return crypto.createHmac('sha256', secret).update(`collab:${body}`).digest('base64url')
}

export function signCollabToken(
  secret: string,
  claims: { roomId: string; subject: string; mode: 'edit' | 'read' },
  now = Date.now(),
  ttlMs = COLLAB_TOKEN_TTL_MS,
): string {
  const payload: CollabTokenPayload = { r: claims.roomId, s: claims.subject, m: claims.mode, x: now + ttlMs }
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url')
  return `${body}.${mac(secret, body)}`
}

export type CollabTokenResult =
  { ok: true; payload: CollabTokenPayload } | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' }

export function verifyCollabToken(secret: string, token: string, now = Date.now()): CollabTokenResult {
  const [body, signature, extra] = token.split('.')
  if (!body || !signature || extra !== undefined) return { ok: false, reason: 'malformed' }
  const expected = Buffer.from(mac(secret, body))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'bad-signature' }
  }
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  const parsed = collabTokenPayload.safeParse(json)
  if (!parsed.success) return { ok: false, reason: 'malformed' }
  if (parsed.data.x <= now) return { ok: false, reason: 'expired' }
  return { ok: true, payload: parsed.data }
}
