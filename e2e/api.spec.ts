import { request as playwrightRequest } from '@playwright/test'
import WebSocket from 'ws'
import { createFacilitatorWithCli } from './support/app-process'
import { expect, facilitatorAccount, test, startAppForThisFile } from './support/fixtures'

const app = startAppForThisFile()

/** Opens a websocket upgrade and reports the HTTP status it was refused with (or 101). */
function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers })
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      ws.terminate()
    })
    ws.on('open', () => {
      resolve(101)
      ws.close()
    })
    ws.on('error', () => resolve(0))
  })
}

test.describe.serial('JSON API', () => {
  test.beforeAll(async () => {
    await createFacilitatorWithCli(app, facilitatorAccount)
  })

  test('login, sessions, join and collab tokens with their error answers', async () => {
    const api = await playwrightRequest.newContext({ baseURL: app.url })

    const notJson = await api.post('/api/v1/auth/login', {
      data: Buffer.from('{geen json'),
      headers: { 'content-type': 'application/json' },
    })
    expect(notJson.status()).toBe(400)
    expect((await notJson.json()).message).toBe('De inhoud is geen geldige JSON.')

    const empty = await api.post('/api/v1/auth/login', { data: {} })
    expect(empty.status()).toBe(400)
    expect((await empty.json()).errors).toEqual({ email: 'Vul je e-mailadres in.', password: 'Vul je wachtwoord in.' })

    const wrong = await api.post('/api/v1/auth/login', { data: { email: facilitatorAccount.email, password: 'fout' } })
    expect(wrong.status()).toBe(401)

    expect((await api.post('/api/v1/sessions', { data: { title: 'x' } })).status()).toBe(401)

    const ok = await api.post('/api/v1/auth/login', {
      data: { email: facilitatorAccount.email, password: facilitatorAccount.password },
    })
    expect(ok.status()).toBe(200)
    expect(ok.headers()['set-cookie']).toMatch(/wa_session=.*HttpOnly.*SameSite=Lax/i)

    const bad = await api.post('/api/v1/sessions', { data: { title: '', wijkCode: 'Breda' } })
    expect(bad.status()).toBe(400)
    expect(Object.keys((await bad.json()).errors).sort()).toEqual(['title', 'wijkCode'])

    const created = await api.post('/api/v1/sessions', {
      data: { title: 'Startbijeenkomst Hambaken', wijkCode: 'WK079601' },
    })
    expect(created.status()).toBe(201)
    const session = await created.json()
    expect(session.joinCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/)
    expect(session.roomId).toBeTruthy()

    const list = await (await api.get('/api/v1/sessions')).json()
    expect(list.sessions.map((s: { id: string }) => s.id)).toContain(session.id)

    const token = await api.get(`/api/v1/sessions/${session.id}/collab-token`)
    expect(token.status()).toBe(200)
    expect((await token.json()).roomId).toBe(session.roomId)
    expect((await api.get('/api/v1/sessions/onbekend/collab-token')).status()).toBe(404)

    const parent = await playwrightRequest.newContext({ baseURL: app.url })
    expect((await parent.post('/api/v1/join', { data: { joinCode: 'ZZZZZZ', role: 'ouder' } })).status()).toBe(404)
    const badJoin = await parent.post('/api/v1/join', { data: { joinCode: session.joinCode, role: 'buurman' } })
    expect(badJoin.status()).toBe(400)
    expect((await badJoin.json()).errors.role).toMatch(/Kies wie je bent/)
    const joined = await parent.post('/api/v1/join', {
      data: { joinCode: session.joinCode.toLowerCase(), role: 'ouder' },
    })
    expect(joined.status()).toBe(200)
    const joinBody = await joined.json()
    expect(joinBody).toMatchObject({ sessionId: session.id, roomId: session.roomId, participant: { label: 'Ouder 1' } })
    // A participant gets a token for the main canvas (and in private mode for their own room only).
    const parentToken = await parent.get(`/api/v1/sessions/${session.id}/collab-token`)
    expect(parentToken.status()).toBe(200)
    expect((await parentToken.json()).roomId).toBe(session.roomId)

    // The websocket upgrade: refused before it exists without a valid credential for the room.
    const ws = app.url.replace('http', 'ws')
    expect(await upgradeStatus(`${ws}/collab/${session.roomId}`)).toBe(401)
    expect(await upgradeStatus(`${ws}/collab/${session.roomId}?token=vervalst.token`)).toBe(401)
    expect(await upgradeStatus(`${ws}/collab/${session.roomId}?token=${encodeURIComponent(joinBody.token)}`)).toBe(101)
    const cookie = (joined.headers()['set-cookie'] ?? '').split(';')[0]
    expect(await upgradeStatus(`${ws}/collab/${session.roomId}`, { cookie })).toBe(101)

    const other = await (await api.post('/api/v1/sessions', { data: { title: 'Andere sessie' } })).json()

    // Why a room is refused, for a canvas whose reconnects keep failing.
    expect((await parent.get(`/api/v1/rooms/${session.roomId}/access`)).status()).toBe(200)
    expect((await parent.get(`/api/v1/rooms/${other.roomId}/access`)).status()).toBe(403)
    expect((await parent.get('/api/v1/rooms/bestaatniet123/access')).status()).toBe(404)
    const stranger = await playwrightRequest.newContext({ baseURL: app.url })
    expect((await stranger.get(`/api/v1/rooms/${session.roomId}/access`)).status()).toBe(401)
    expect(await upgradeStatus(`${ws}/collab/${other.roomId}?token=${encodeURIComponent(joinBody.token)}`)).toBe(403)
    expect(await upgradeStatus(`${ws}/collab/${other.roomId}`, { cookie })).toBe(403)

    // Guessing passwords is slowed down: after three free failures for one address, a wait (429).
    for (let i = 0; i < 3; i++) {
      const guess = await api.post('/api/v1/auth/login', { data: { email: 'raden@example.nl', password: `gok-${i}` } })
      expect(guess.status()).toBe(401)
    }
    const throttled = await api.post('/api/v1/auth/login', {
      data: { email: 'Raden@example.nl', password: 'nog een gok' },
    })
    expect(throttled.status()).toBe(429)
    expect(Number(throttled.headers()['retry-after'])).toBeGreaterThan(0)
    expect((await throttled.json()).message).toMatch(/^Te veel mislukte pogingen/)

    const huge = await api.post('/api/v1/join', { data: { joinCode: 'x'.repeat(2 * 1024 * 1024) } })
    expect(huge.status()).toBe(413)
    expect((await huge.json()).message).toBe('De inhoud is te groot (hoogstens 1 MB).')

    // Requests from other sites, and bodies that are not JSON, are refused before any work.
    const crossSite = await api.post('/api/v1/sessions', {
      data: { title: 'x' },
      headers: { origin: 'https://evil.example' },
    })
    expect(crossSite.status()).toBe(403)
    const formPost = await api.post('/api/v1/auth/login', {
      data: 'email=a&password=b',
      headers: { 'content-type': 'text/plain' },
    })
    expect(formPost.status()).toBe(415)

    // Guessing join codes is slowed down per client address: after 20 different wrong codes (the
    // same wrong code again is not another guess) a code new to the address answers 429, a right
    // one too, or the answer would give it away. The code already used from here keeps working,
    // and this device comes back as itself.
    for (let i = 0; i < 21; i++) {
      const joinCode = `QQQQ${'ABCDEFGHJKMNPQRSTUVWXYZ'[i]}Q`
      const wrongCode = await parent.post('/api/v1/join', { data: { joinCode, role: 'ouder' } })
      if (wrongCode.status() === 429) break
      expect(wrongCode.status()).toBe(404)
    }
    const tooMany = await parent.post('/api/v1/join', { data: { joinCode: other.joinCode, role: 'ouder' } })
    expect(tooMany.status()).toBe(429)
    expect(Number(tooMany.headers()['retry-after'])).toBeGreaterThan(0)
    expect((await tooMany.json()).message).toMatch(/^Via dit netwerk zijn te veel verkeerde codes geprobeerd\./)
    const back = await parent.post('/api/v1/join', { data: { joinCode: session.joinCode, role: 'ouder' } })
    expect(back.status()).toBe(200)
    expect(await back.json()).toMatchObject({ participant: { label: 'Ouder 1' }, returning: true })

    // The server is still healthy after all of that.
    expect((await api.get('/healthz')).status()).toBe(200)
  })
})
