import { describe, expect, it } from 'vitest'
import { signCollabToken, verifyCollabToken } from './collab-token.server'

const secret = 'test-secret-test-secret-test-secret-0123'
const claims = { roomId: 'room-abcdefgh', subject: 'p:1', mode: 'read' as const }

describe('collab tokens', () => {
  it('verifies what it signed until it expires', () => {
    const token = signCollabToken(secret, claims, 1_000, 60_000)
    expect(verifyCollabToken(secret, token, 60_999)).toEqual({
      ok: true,
      payload: { r: 'room-abcdefgh', s: 'p:1', m: 'read', x: 61_000 },
    })
    expect(verifyCollabToken(secret, token, 61_000)).toEqual({ ok: false, reason: 'expired' })
  })

  it('refuses a token signed with another secret, changed, or not a token at all', () => {
    const token = signCollabToken(secret, claims, 1_000, 60_000)
    expect(verifyCollabToken('another-secret-another-secret-0123456', token, 2_000)).toEqual({
      ok: false,
      reason: 'bad-signature',
    })
    expect(verifyCollabToken(secret, `${token}x`, 2_000)).toEqual({ ok: false, reason: 'bad-signature' })
    const [, signature] = token.split('.')
    const forged = Buffer.from(JSON.stringify({ r: 'room-abcdefgh', s: 'u:boss', m: 'edit', x: 61_000 }))
    expect(verifyCollabToken(secret, `${forged.toString('base64url')}.${signature}`, 2_000)).toMatchObject({
      ok: false,
    })
    for (const bad of ['', 'abc', 'a.b.c']) expect(verifyCollabToken(secret, bad, 2_000)).toMatchObject({ ok: false })
  })
})
