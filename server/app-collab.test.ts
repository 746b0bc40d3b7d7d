import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { openDb, type Db } from '../db/client'
import { signCollabToken } from '../app/auth/collab-token.server'
import { createAccount, login } from '../app/auth/commands.server'
import { endSession, loginFromCookieHeader } from '../app/auth/session.server'
import { loginSubject, presenceOf } from '../app/sessions/access.server'
import { createSession } from '../app/sessions/commands.server'
import type { CollabIdentity } from '../app/sessions/identity'
import { appAuthenticator, endLogin } from './app-collab'
import { attachCollabServer, type CollabServer } from './collab'
import { silentLogger, tempDbFile, upgradeStatus } from './collab/test-support'

const secret = 'app-collab-test-secret-app-collab-test-secret'

let db: Db
let server: http.Server
let collab: CollabServer<CollabIdentity>
let url = ''
beforeAll(async () => {
  db = openDb(tempDbFile('app-collab'))
  server = http.createServer((_req, res) => res.writeHead(404).end())
  collab = attachCollabServer<CollabIdentity>(server, {
    db,
    authenticate: appAuthenticator(db, secret),
    presence: presenceOf,
    logger: silentLogger,
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/collab`
})
afterAll(async () => {
  await collab.close()
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

async function facilitator(email: string) {
  const made = await createAccount(
    db,
    { email, password: 'een lang wachtwoord', name: 'Fien' },
    { startSession: false },
  )
  if (!made.ok) throw new Error('account')
  const loggedIn = await login(db, { email, password: 'een lang wachtwoord' }, '127.0.0.1')
  if (!loggedIn.ok) throw new Error('login')
  const cookie = loggedIn.setCookie!.split(';')[0]
  const { loginId } = (await loginFromCookieHeader(db, cookie))!
  const session = createSession(db, made.value, { title: 'Ouderavond' })
  if (!session.ok) throw new Error('session')
  return { cookie, loginId, roomId: session.value.roomId }
}

function open(target: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(target, { headers })
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)))
  })
}

const closed = (ws: WebSocket) =>
  new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )

describe('collab access ends with the login', () => {
  it('closes the open connections of a login at logout, and its token and cookie no longer open the room', async () => {
    const fien = await facilitator('fien@example.nl')
    const other = await facilitator('joost@example.nl')
    const token = signCollabToken(secret, { roomId: fien.roomId, subject: loginSubject(fien.loginId), mode: 'edit' })
    const byToken = await open(`${url}/${fien.roomId}?token=${token}`)
    const byCookie = await open(`${url}/${fien.roomId}`, { cookie: fien.cookie })
    const othersLogin = await open(`${url}/${other.roomId}`, { cookie: other.cookie })
    const tokenClosed = closed(byToken)
    const cookieClosed = closed(byCookie)

    const ended = await endSession(db, new Request('http://localhost/uitloggen', { headers: { cookie: fien.cookie } }))
    expect(ended.loginId).toBe(fien.loginId)
    expect(endLogin(collab, fien.loginId)).toBe(2)
    expect(await tokenClosed).toEqual({ code: 4401, reason: 'Uitgelogd' })
    expect(await cookieClosed).toEqual({ code: 4401, reason: 'Uitgelogd' })
    expect(othersLogin.readyState).toBe(WebSocket.OPEN)

    // The token has minutes left, but its login is gone.
    expect(await upgradeStatus(`${url}/${fien.roomId}?token=${token}`)).toBe(401)
    expect(await upgradeStatus(`${url}/${fien.roomId}`, { cookie: fien.cookie })).toBe(401)
    othersLogin.close()
  })

  it('does not take an account-wide token (the old `u:` subject) any more', async () => {
    const joost = await facilitator('joost2@example.nl')
    const row = await loginFromCookieHeader(db, joost.cookie)
    const token = signCollabToken(secret, { roomId: joost.roomId, subject: `u:${row!.user.id}`, mode: 'edit' })
    expect(await upgradeStatus(`${url}/${joost.roomId}?token=${token}`)).toBe(401)
  })
})
