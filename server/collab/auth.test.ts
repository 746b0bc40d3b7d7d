import type { IncomingMessage } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { createAuthenticator, parseRoomPath, type Authenticate } from './auth'
import {
  connect,
  loadStoredDoc,
  newRoomId,
  resolveTestSubject,
  roomUpdateCount,
  startServer,
  tempDbFile,
  testAuthenticate,
  token,
  upgradeStatus,
  type TestIdentity,
  verifyTestToken,
  waitFor,
  waitSynced,
} from './test-support'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

async function server(options: Parameters<typeof startServer>[1] = {}) {
  const s = await startServer(tempDbFile('auth'), options)
  cleanups.push(() => s.close())
  return s
}

const req = (cookie?: string) => ({ headers: cookie ? { cookie } : {} }) as IncomingMessage

describe('parseRoomPath', () => {
  it('accepts only /collab/<8-64 safe characters>', () => {
    expect(parseRoomPath('/collab/abcDEF12_-')).toBe('abcDEF12_-')
    for (const bad of [
      '/collab/short',
      '/collab/',
      '/collab',
      '/collab/abc/defghijk',
      '/collab/..%2F..%2Fetc',
      '/other/abcdefgh',
      `/collab/${'a'.repeat(65)}`,
    ]) {
      expect(parseRoomPath(bad)).toBeNull()
    }
  })
})

describe('createAuthenticator', () => {
  const roomId = 'room-auth-1'
  it('accepts a valid token for the room and resolves its subject', async () => {
    const result = await testAuthenticate(req(), roomId, token(roomId, 'u:anna'))
    expect(result).toEqual({
      ok: true,
      identity: {
        subject: 'u:anna',
        role: 'facilitator',
        name: 'Begeleider anna',
        mode: 'edit',
        presenceId: 'pid-u:anna',
      },
    })
  })
  it('refuses: other room 403, expired 401, tampered 401, nothing 401, subject not in room 403', async () => {
    expect(await testAuthenticate(req(), roomId, token('room-auth-2'))).toMatchObject({ ok: false, status: 403 })
    expect(
      await testAuthenticate(req(), roomId, token(roomId, 'p:1', 'edit', Date.now() - 60_000, 1000)),
    ).toMatchObject({ ok: false, status: 401 })
    expect(await testAuthenticate(req(), roomId, token(roomId) + 'x')).toMatchObject({ ok: false, status: 401 })
    expect(await testAuthenticate(req(), roomId, null)).toMatchObject({ ok: false, status: 401 })
    expect(await testAuthenticate(req(), roomId, token(roomId, 'p:outsider'))).toMatchObject({ ok: false, status: 403 })
  })
  it('never upgrades a read-only token, even if the subject could edit', async () => {
    const auth = createAuthenticator({
      verifyToken: verifyTestToken,
      resolveSubject: (s, r) => resolveTestSubject(s, r, 'edit'),
      resolveCookies: async () => null,
    })
    expect(await auth(req(), roomId, token(roomId, 'p:1', 'read'))).toMatchObject({
      ok: true,
      identity: { mode: 'read' },
    })
  })
  it('falls back to cookies when the token does not grant access', async () => {
    expect(await testAuthenticate(req('a=1; test_subject=p%3A7'), roomId, null)).toMatchObject({
      ok: true,
      identity: { name: 'Ouder 7' },
    })
    expect(await testAuthenticate(req('test_subject=p%3A7'), roomId, token(roomId, 'p:1', 'edit', 0, 1))).toMatchObject(
      { ok: true },
    )
    expect(await testAuthenticate(req('unrelated=1'), roomId, null)).toMatchObject({ ok: false, status: 401 })
    // a credential that is valid for another room still says 403 when the cookies have nothing
    expect(await testAuthenticate(req('unrelated=1'), roomId, token('room-auth-2'))).toMatchObject({
      ok: false,
      status: 403,
    })
  })
})

describe('websocket upgrade', () => {
  it('answers with HTTP statuses before any websocket exists', async () => {
    let calls = 0
    const counting: Authenticate<TestIdentity> = (r, id, t) => {
      calls++
      return testAuthenticate(r, id, t)
    }
    const s = await server({ authenticate: counting })
    const roomId = newRoomId()
    const base = `${s.url}/${roomId}`
    expect(await upgradeStatus(`${s.url}/bad`)).toBe(404)
    expect(await upgradeStatus(`ws://127.0.0.1:${s.port}/elders/${roomId}`)).toBe(404)
    expect(calls).toBe(0) // bad paths never reach authentication
    expect(await upgradeStatus(base)).toBe(401)
    expect(await upgradeStatus(`${base}?token=${token(newRoomId())}`)).toBe(403)
    expect(await upgradeStatus(`${base}?token=${token(roomId, 'p:1', 'edit', Date.now() - 60_000, 1000)}`)).toBe(401)
    expect(await upgradeStatus(`${base}?token=${token(roomId, 'p:outsider')}`)).toBe(403)
    expect(await upgradeStatus(`${base}?token=${token(roomId)}`)).toBe(101)
    // a valid credential from a page on another site is still refused
    expect(await upgradeStatus(`${base}?token=${token(roomId)}`, { origin: 'https://evil.example' })).toBe(403)
    expect(await upgradeStatus(`${base}?token=${token(roomId)}`, { origin: `http://127.0.0.1:${s.port}` })).toBe(101)
    expect(await upgradeStatus(base, { cookie: 'test_subject=u%3Aanna' })).toBe(101)
  })

  it('refuses connections beyond the per-room limit with 503', async () => {
    const s = await server({ maxConnectionsPerRoom: 2 })
    const roomId = newRoomId()
    const a = connect(s.url, roomId, token(roomId))
    const b = connect(s.url, roomId, token(roomId))
    cleanups.push(
      () => a.destroy(),
      () => b.destroy(),
    )
    await Promise.all([waitSynced(a), waitSynced(b)])
    expect(await upgradeStatus(`${s.url}/${roomId}?token=${token(roomId)}`)).toBe(503)
    expect(await upgradeStatus(`${s.url}/${newRoomId()}?token=${token('x')}`)).toBe(403) // other rooms unaffected
  })

  for (const variant of ['read-only token', 'mode=read on an edit token'] as const) {
    it(`never applies, stores or relays updates from a ${variant}`, async () => {
      const s = await server()
      const roomId = newRoomId()
      const editor = connect(s.url, roomId, token(roomId, 'p:1'))
      const projector =
        variant === 'read-only token'
          ? connect(s.url, roomId, token(roomId, 'u:beamer', 'read'))
          : connect(s.url, roomId, token(roomId, 'u:beamer'), undefined, { mode: 'read' })
      cleanups.push(
        () => editor.destroy(),
        () => projector.destroy(),
      )
      await Promise.all([waitSynced(editor), waitSynced(projector)])
      editor.doc.getMap('m').set('fromEditor', 1)
      await waitFor(() => projector.doc.getMap('m').get('fromEditor') === 1, 'projector receives edits')

      projector.doc.getMap('m').set('fromProjector', 1)
      // Frames of one connection are handled in order: once its later awareness change is
      // visible to the editor, the server has dealt with the edit before it.
      projector.awareness.setLocalStateField('marker', 'after-edit')
      await waitFor(
        () => [...editor.awareness.getStates().values()].some((st) => st.marker === 'after-edit'),
        'marker seen',
      )
      expect(editor.doc.getMap('m').has('fromProjector')).toBe(false)
      expect(s.collab.registry.get(roomId)!.doc.getMap('m').has('fromProjector')).toBe(false)
      expect((await loadStoredDoc(s.db, roomId)).getMap('m').toJSON()).toEqual({ fromEditor: 1 })
      expect(roomUpdateCount(s.db, roomId)).toBe(1)
      const projectorState = [...editor.awareness.getStates().values()].find((st) => st.marker === 'after-edit')!
      expect(projectorState.user).toMatchObject({ name: 'Begeleider beamer', mode: 'read' })
    })
  }
})

describe('limits', () => {
  function rawClient(url: string, options: { autoPong?: boolean } = {}) {
    const ws = new WebSocket(url, options)
    cleanups.push(() => ws.terminate())
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    )
    const opened = new Promise<void>((resolve, reject) => {
      ws.on('open', () => resolve())
      ws.on('error', reject)
    })
    return { ws, opened, closed }
  }

  it('closes a connection that floods messages with 1008', async () => {
    const s = await server({ rateLimit: { perSecond: 1, burst: 20 } })
    const roomId = newRoomId()
    const c = rawClient(`${s.url}/${roomId}?token=${token(roomId)}`)
    await c.opened
    const queryAwareness = new Uint8Array([3])
    for (let i = 0; i < 100; i++) c.ws.send(queryAwareness)
    expect(await c.closed).toMatchObject({ code: 1008 })
  })

  it('closes a connection that sends a frame over maxPayload with 1009', async () => {
    const s = await server({ maxPayload: 4096 })
    const roomId = newRoomId()
    const c = rawClient(`${s.url}/${roomId}?token=${token(roomId)}`)
    await c.opened
    c.ws.send(new Uint8Array(10_000))
    expect((await c.closed).code).toBe(1009)
    // the server is fine
    const p = connect(s.url, roomId, token(roomId))
    cleanups.push(() => p.destroy())
    await waitSynced(p)
  })

  it('terminates a socket that stops answering pings, and keeps one that answers', async () => {
    const s = await server({ heartbeatMs: 250 })
    const roomId = newRoomId()
    const alive = connect(s.url, roomId, token(roomId, 'p:1'))
    cleanups.push(() => alive.destroy())
    const dead = rawClient(`${s.url}/${roomId}?token=${token(roomId, 'p:2')}`, { autoPong: false })
    await Promise.all([dead.opened, waitSynced(alive)])
    expect((await dead.closed).code).toBe(1006) // terminated, no closing handshake
    await waitFor(() => s.collab.registry.get(roomId)!.connectionCount === 1, 'dead connection detached')
    expect(alive.wsconnected).toBe(true)
  })
})
