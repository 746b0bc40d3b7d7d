import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDb, type Db } from '../../db/client'
import { requireAdmin } from './admin.server'
import { startSession } from './session.server'
import { createUser, setAdmin } from './users.server'

let dir: string
let db: Db
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijk-admin-'))
  db = openDb(path.join(dir, 'test.db'))
})
afterEach(() => {
  db.$client.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const account = (n: number) => ({ email: `b${n}@example.org`, password: 'een lang wachtwoord', name: `B${n}` })

async function requestAs(userId: string): Promise<Request> {
  const setCookie = await startSession(db, userId)
  return new Request('http://localhost/beheer/import', { headers: { Cookie: setCookie.split(';')[0]! } })
}

async function status(run: () => Promise<unknown>): Promise<number> {
  try {
    await run()
    return 200
  } catch (error) {
    if (error instanceof Response) return error.status
    throw error
  }
}

describe('administrators', () => {
  it('the first account is one, later accounts are not until appointed', async () => {
    const first = await createUser(db, account(1))
    const second = await createUser(db, account(2))
    expect([first.isAdmin, second.isAdmin]).toEqual([true, false])

    expect(await status(async () => requireAdmin(db, await requestAs(first.id)))).toBe(200)
    const refused = await requestAs(second.id)
    expect(await status(() => requireAdmin(db, refused))).toBe(403)

    expect(setAdmin(db, ' B2@example.org ')?.isAdmin).toBe(true)
    expect(await status(() => requireAdmin(db, refused))).toBe(200)
    expect(setAdmin(db, 'b2@example.org', false)?.isAdmin).toBe(false)
    expect(setAdmin(db, 'niemand@example.org')).toBeNull()
  })

  it('nobody logged in is sent to the login page', async () => {
    expect(await status(() => requireAdmin(db, new Request('http://localhost/beheer/import')))).toBe(302)
  })
})
