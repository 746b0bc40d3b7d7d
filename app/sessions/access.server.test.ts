import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { openDb, type Db } from '../../db/client'
import { createAccount, login } from '~/auth/commands.server'
import { loginFromCookieHeader } from '~/auth/session.server'
import { translate } from '~/i18n'
import { loginSubject, presenceIdFor, resolveCookies, resolveSubject } from './access.server'
import { createSession, joinSession } from './commands.server'
import { findSessionByJoinCode } from './sessions.server'

/** `Set-Cookie` values as the `Cookie` header a browser would send back. */
const asCookieHeader = (...setCookies: (string | undefined)[]) =>
  setCookies
    .filter((c): c is string => !!c)
    .map((c) => c.split(';')[0])
    .join('; ')

let db: Db
beforeAll(() => {
  db = openDb(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wa-access-')), 'test.db'))
})

async function facilitator(email: string) {
  const created = await createAccount(
    db,
    { email, password: 'een lang wachtwoord', name: 'Fien' },
    { startSession: false },
  )
  if (!created.ok) throw new Error(JSON.stringify(created.errors))
  const loggedIn = await login(db, { email, password: 'een lang wachtwoord' }, '127.0.0.1')
  if (!loggedIn.ok) throw new Error('login failed')
  const cookie = asCookieHeader(loggedIn.setCookie)
  return { user: created.value, cookie, loginId: (await loginFromCookieHeader(db, cookie))!.loginId }
}

describe('sessions, joining and room access', () => {
  it('creates a session with a join code that finds it, and rejects bad input per field', async () => {
    const { user } = await facilitator('a@example.nl')
    const bad = createSession(db, user, { title: '  ', wijkCode: 'GM0796' })
    expect(bad).toMatchObject({ ok: false, status: 400 })
    if (!bad.ok) {
      expect(bad.errors.title).toBe('v.title.required')
      expect(translate('nl', bad.errors.wijkCode)).toMatch(/WK gevolgd door 6 cijfers/)
    }
    const made = createSession(db, user, { title: 'Ouders in de Hambaken', wijkCode: 'wk079601' })
    if (!made.ok) throw new Error('create failed')
    expect(made.value.wijkCode).toBe('WK079601')
    expect(findSessionByJoinCode(db, made.value.joinCode)?.id).toBe(made.value.id)
  })

  it('numbers anonymous participants per role and remembers them in a cookie', async () => {
    const { user } = await facilitator('b@example.nl')
    const made = createSession(db, user, { title: 'Consultatiebureau Noord' })
    if (!made.ok) throw new Error('create failed')
    const code = made.value.joinCode.toLowerCase()
    const first = await joinSession(db, { joinCode: code, role: 'ouder' }, null, '127.0.0.1')
    const second = await joinSession(db, { joinCode: code, role: 'ouder', displayName: 'Samira' }, null, '127.0.0.1')
    const pro = await joinSession(db, { joinCode: code, role: 'professional' }, null, '127.0.0.1')
    if (!first.ok || !second.ok || !pro.ok) throw new Error('join failed')
    expect([first.value.participant.number, second.value.participant.number, pro.value.participant.number]).toEqual([
      1, 2, 1,
    ])
    expect(second.value.participant.displayName).toBe('Samira')

    const access = await resolveCookies(db, asCookieHeader(first.setCookie), made.value.roomId)
    expect(access).toMatchObject({ ok: true, identity: { role: 'ouder', name: 'Ouder 1', mode: 'edit' } })
  })

  it('answers 404 for an unknown code and 400 per field for bad input', async () => {
    expect(await joinSession(db, { joinCode: 'ZZZZZZ', role: 'ouder' }, null, '127.0.0.1')).toMatchObject({
      ok: false,
      status: 404,
    })
    const bad = await joinSession(
      db,
      { joinCode: 'abc', role: 'wethouder', displayName: 'x'.repeat(41) },
      null,
      '127.0.0.1',
    )
    expect(bad).toMatchObject({ ok: false, status: 400 })
    if (!bad.ok) expect(Object.keys(bad.errors).sort()).toEqual(['displayName', 'joinCode', 'role'])
  })

  it('gives room access only to the owner and the participants of that session', async () => {
    const owner = await facilitator('c@example.nl')
    const other = await facilitator('d@example.nl')
    const mine = createSession(db, owner.user, { title: 'Mijn sessie' })
    const theirs = createSession(db, other.user, { title: 'Hun sessie' })
    if (!mine.ok || !theirs.ok) throw new Error('create failed')

    expect(await resolveCookies(db, owner.cookie, mine.value.roomId)).toMatchObject({
      ok: true,
      identity: { role: 'facilitator', name: 'Fien', subject: `u:${owner.user.id}` },
    })
    expect(await resolveCookies(db, owner.cookie, theirs.value.roomId)).toMatchObject({ ok: false, status: 403 })

    // Presence shows a per-room pseudonym, never the account id.
    const own = await resolveCookies(db, owner.cookie, mine.value.roomId)
    const again = resolveSubject(db, loginSubject(owner.loginId), mine.value.roomId, 'edit')
    if (!own?.ok || !again.ok) throw new Error('no access')
    expect(own.identity.presenceId).toBe(again.identity.presenceId)
    expect(own.identity.presenceId).not.toContain(owner.user.id)
    expect(presenceIdFor(theirs.value.roomId, `u:${owner.user.id}`)).not.toBe(own.identity.presenceId)
    expect(await resolveCookies(db, '', mine.value.roomId)).toBeNull()
    expect(await resolveCookies(db, 'wa_session=forged', mine.value.roomId)).toBeNull()

    const joined = await joinSession(
      db,
      { joinCode: theirs.value.joinCode, role: 'consultatiebureau' },
      null,
      '127.0.0.1',
    )
    if (!joined.ok) throw new Error('join failed')
    const participantCookie = asCookieHeader(joined.setCookie)
    expect(await resolveCookies(db, participantCookie, theirs.value.roomId)).toMatchObject({ ok: true })
    expect(await resolveCookies(db, participantCookie, mine.value.roomId)).toMatchObject({ ok: false, status: 403 })

    const subject = `p:${joined.value.participant.id}`
    expect(resolveSubject(db, subject, theirs.value.roomId, 'read')).toMatchObject({
      ok: true,
      identity: { mode: 'read' },
    })
    expect(resolveSubject(db, subject, mine.value.roomId, 'edit')).toMatchObject({ ok: false, status: 403 })
    expect(resolveSubject(db, 'p:nobody', mine.value.roomId, 'edit')).toMatchObject({ ok: false, status: 401 })
  })

  it('refuses a wrong password and a second first account', async () => {
    await facilitator('e@example.nl')
    expect(await login(db, { email: 'E@example.nl', password: 'fout wachtwoord' }, '127.0.0.1')).toMatchObject({
      ok: false,
      status: 401,
    })
    expect(await login(db, { email: 'nobody@example.nl', password: 'fout wachtwoord' }, '127.0.0.1')).toMatchObject({
      ok: false,
      status: 401,
    })
    expect(await login(db, {}, '127.0.0.1')).toMatchObject({ ok: false, status: 400 })
    const again = await createAccount(
      db,
      { email: 'e@example.nl', password: 'een lang wachtwoord', name: 'X' },
      { startSession: false },
    )
    expect(again).toMatchObject({ ok: false, status: 409 })
  })
})
