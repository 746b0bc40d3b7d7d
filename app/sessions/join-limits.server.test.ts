import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { openDb, type Db } from '../../db/client'
import { workshopSessions, type User } from '../../db/schema'
import { createAccount } from '~/auth/commands.server'
import { translate } from '~/i18n'
import { createSession, joinSession, lookUpJoinCode } from './commands.server'
import { joinCodeState } from './join-code'
import { markSessionActive } from './sessions.server'

let db: Db
let user: User
beforeAll(async () => {
  db = openDb(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wa-join-')), 'test.db'))
  const made = await createAccount(
    db,
    { email: 'fien@example.nl', password: 'een lang wachtwoord', name: 'Fien' },
    { startSession: false },
  )
  if (!made.ok) throw new Error('account')
  user = made.value
})

function newSession() {
  const made = createSession(db, user, { title: 'Ouderavond' })
  if (!made.ok) throw new Error('session')
  return made.value
}

const DAY = 24 * 60 * 60 * 1000

describe('join codes', () => {
  it('count one wrong code once, however often it is looked up (a form post runs action and loader)', () => {
    const address = '198.51.100.1'
    for (let i = 0; i < 50; i++) expect(lookUpJoinCode(db, 'ZZZZZZ', address)).toMatchObject({ status: 404 })
    // 19 more distinct wrong codes reach the limit of 20.
    for (let i = 0; i < 19; i++) lookUpJoinCode(db, `QQQQ${'ABCDEFGHJKMNPQRSTUV'[i]}Q`, address)
    expect(lookUpJoinCode(db, 'WWWWWW', address)).toMatchObject({ status: 429 })
  })

  it('let a class of 30 on one school Wi-Fi in twice over, and no more than 60 joins a minute from one address', async () => {
    const session = newSession()
    const now = new Date()
    const join = (address: string) =>
      joinSession(db, { joinCode: session.joinCode, role: 'ouder' }, null, address, { now })
    for (let i = 0; i < 60; i++) expect(await join('198.51.100.2')).toMatchObject({ ok: true })
    const refused = await join('198.51.100.2')
    expect(refused).toMatchObject({ ok: false, status: 429 })
    if (!refused.ok) {
      expect(refused.retryAfter).toBeGreaterThan(0)
      expect(translate('nl', refused.errors._form)).toMatch(/heel veel mensen binnen via dit netwerk/)
    }
    expect(await join('198.51.100.3')).toMatchObject({ ok: true })
    // A minute later the school's network may join again.
    const later = await joinSession(db, { joinCode: session.joinCode, role: 'ouder' }, null, '198.51.100.2', {
      now: new Date(now.getTime() + 60_000),
    })
    expect(later).toMatchObject({ ok: true })
  })

  it('stop working when the session is closed (410)', async () => {
    const session = newSession()
    db.update(workshopSessions).set({ closedAt: new Date() }).where(eq(workshopSessions.id, session.id)).run()
    const result = await joinSession(db, { joinCode: session.joinCode, role: 'ouder' }, null, '198.51.100.4')
    expect(result).toMatchObject({ ok: false, status: 410, errors: { joinCode: 'error.joinCode.closed' } })
    expect(lookUpJoinCode(db, session.joinCode, '198.51.100.4')).toMatchObject({ status: 410 })
  })

  it('stop working after the idle period, and work again once the facilitator opens the session', async () => {
    const session = newSession()
    const joinAt = (now: Date) =>
      joinSession(db, { joinCode: session.joinCode, role: 'ouder' }, null, '198.51.100.5', { now, idleDays: 30 })
    const created = session.lastActivityAt!
    // A join keeps the code alive: 20 days, then another 20 days after that join.
    expect(await joinAt(new Date(created.getTime() + 20 * DAY))).toMatchObject({ ok: true })
    expect(await joinAt(new Date(created.getTime() + 40 * DAY))).toMatchObject({ ok: true })
    const idle = await joinAt(new Date(created.getTime() + 71 * DAY))
    expect(idle).toMatchObject({ ok: false, status: 410, errors: { joinCode: 'error.joinCode.expired' } })
    markSessionActive(db, session.id, new Date(created.getTime() + 71 * DAY))
    expect(await joinAt(new Date(created.getTime() + 72 * DAY))).toMatchObject({ ok: true })
  })

  it('state: closed wins, idle counts from the last activity or else the creation', () => {
    const createdAt = new Date(0)
    expect(joinCodeState({ closedAt: null, lastActivityAt: null, createdAt }, new Date(30 * DAY), 30)).toBe('open')
    expect(joinCodeState({ closedAt: null, lastActivityAt: null, createdAt }, new Date(30 * DAY + 1), 30)).toBe('idle')
    expect(joinCodeState({ closedAt: new Date(1), lastActivityAt: new Date(2), createdAt }, new Date(3), 30)).toBe(
      'closed',
    )
  })
})

describe('joining as a professional', () => {
  it('keeps the kind of organisation when one is chosen, none for an empty choice, and refuses others per field', async () => {
    const session = newSession()
    const join = (organisationType: unknown) =>
      joinSession(db, { joinCode: session.joinCode, role: 'professional', organisationType }, null, '198.51.100.9')
    const school = await join('school')
    expect(school).toMatchObject({ ok: true, value: { participant: { organisationType: 'school' } } })
    expect(await join('')).toMatchObject({ ok: true, value: { participant: { organisationType: null } } })
    const wrong = await join('De Boomgaard')
    expect(wrong.ok).toBe(false)
    if (wrong.ok) return
    expect(wrong.status).toBe(400)
    expect(translate('nl', wrong.errors.organisationType)).toMatch(/^Kies school, welzijn/)
  })
})
