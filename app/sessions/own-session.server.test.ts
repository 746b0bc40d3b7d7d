import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { openDb, type Db } from '../../db/client'
import { startSession } from '~/auth/session.server'
import { createUser } from '~/auth/users.server'
import { createSession } from './commands.server'
import { findOwnSession, requireOwnSession, requireSession } from './own-session.server'

let db: Db
beforeAll(() => {
  db = openDb(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wa-own-')), 'test.db'))
})

/** A facilitator and a request carrying her login cookie. */
async function facilitator(email: string) {
  const user = await createUser(db, { email, password: 'een lang wachtwoord', name: 'Fien' })
  const cookie = (await startSession(db, user.id)).split(';')[0]
  return { user, request: new Request('http://localhost/sessies/x', { headers: { Cookie: cookie } }) }
}

/** What a loader throws: a Response (404/403, or the redirect to the login page). */
async function thrown(run: () => unknown): Promise<Response> {
  try {
    await run()
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
  throw new Error('nothing was thrown')
}

describe("a facilitator's own werksessie", () => {
  it('is found for its facilitator, 403 for another one and 404 when it does not exist', async () => {
    const fien = await facilitator('own-a@example.nl')
    const other = await facilitator('own-b@example.nl')
    const created = createSession(db, fien.user, { title: 'Wijkavond' })
    if (!created.ok) throw new Error('no session')
    const id = created.value.id

    expect(findOwnSession(db, fien.user, id)).toMatchObject({ ok: true, session: { id } })
    expect(findOwnSession(db, other.user, id)).toEqual({ ok: false, status: 403 })
    expect(findOwnSession(db, fien.user, 'no-such-id')).toEqual({ ok: false, status: 404 })
    expect(findOwnSession(db, fien.user, undefined)).toEqual({ ok: false, status: 404 })

    await expect(requireOwnSession(db, fien.request, id)).resolves.toMatchObject({ user: { id: fien.user.id } })
    const forbidden = await thrown(() => requireOwnSession(db, other.request, id))
    expect([forbidden.status, await forbidden.text()]).toEqual([403, 'error.session.notYours'])
    const missing = await thrown(() => requireOwnSession(db, fien.request, 'no-such-id'))
    expect([missing.status, await missing.text()]).toEqual([404, 'error.session.gone'])
  })

  it('sends someone who is not logged in to the login page first', async () => {
    const response = await thrown(() => requireOwnSession(db, new Request('http://localhost/sessies/x'), 'any'))
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/inloggen?terug=%2Fsessies%2Fx')
  })

  it('requireSession throws the 404 a page shows when the werksessie is gone', async () => {
    const response = await thrown(() => requireSession(db, 'no-such-id'))
    expect([response.status, await response.text()]).toEqual([404, 'error.session.gone'])
  })
})
