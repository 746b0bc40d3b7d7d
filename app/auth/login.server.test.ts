import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { openDb, type Db } from '../../db/client'
import { translate } from '~/i18n'
import { createAccount, login } from './commands.server'

let db: Db
const password = 'een lang wachtwoord'
beforeAll(async () => {
  db = openDb(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wa-login-')), 'test.db'))
  for (const email of ['fien@example.nl', 'joost@example.nl']) {
    const made = await createAccount(db, { email, password, name: 'Fien' }, { startSession: false })
    if (!made.ok) throw new Error('account')
  }
})

const cookieOf = (setCookie: string | undefined) => setCookie!.split(';')[0]

describe('login throttling (real scrypt, real SQLite)', () => {
  it('refuses quickly while the wait runs, the right password too, and says how long, with Retry-After', async () => {
    const address = '192.0.2.1'
    // Each wrong password makes the next wait longer; a slow machine may outlast the first waits.
    let refused = false
    for (let i = 0; i < 10 && !refused; i++) {
      const wrong = await login(db, { email: 'joost@example.nl', password: `fout ${i}` }, address)
      refused = !wrong.ok && wrong.status === 429
    }
    expect(refused).toBe(true)
    // Refusals cost no hashing, so the wait is still running.
    const waiting = await login(db, { email: 'joost@example.nl', password }, address)
    expect(waiting).toMatchObject({ ok: false, status: 429 })
    if (waiting.ok) return
    expect(waiting.retryAfter).toBeGreaterThanOrEqual(1)
    expect(translate('nl', waiting.errors._form)).toMatch(/^Te veel mislukte pogingen\. Probeer het over \d+ seconden/)
  })

  it('lets a browser that logged in before in with the right password while someone on its Wi-Fi guesses', async () => {
    const wifi = '192.0.2.50'
    const first = await login(db, { email: 'fien@example.nl', password }, wifi)
    if (!first.ok) throw new Error('first login failed')
    expect(first.deviceCookie).toMatch(/^wa_device=.*HttpOnly/i)
    // Someone on the same network guesses her password until the account makes them wait.
    let refused = false
    for (let i = 0; i < 10 && !refused; i++) {
      const guess = await login(db, { email: 'Fien@example.nl', password: `gok ${i}` }, wifi)
      refused = !guess.ok && guess.status === 429
    }
    expect(refused).toBe(true)
    const again = await login(db, { email: 'fien@example.nl', password }, wifi, cookieOf(first.deviceCookie))
    expect(again).toMatchObject({ ok: true })
  })
})
