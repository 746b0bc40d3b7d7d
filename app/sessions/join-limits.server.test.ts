import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { openDb, type Db } from '../../db/client'
import { participants, workshopSessions, type User } from '../../db/schema'
import { createAccount } from '~/auth/commands.server'
import { translate } from '~/i18n'
import { createSession, joinSession, lookUpJoinCode, newJoinLimits, type JoinLimits } from './commands.server'
import { JOIN_CODE_ALPHABET, joinCodeState } from './join-code'
import { countParticipants, getParticipant, markSessionActive } from './sessions.server'

/**
 * The join limits (docs/decisions/012-joining-from-one-room.md) on a real SQLite file, each test
 * with limits of its own and a clock it sets: a room behind one address, a guesser on one
 * address, guessers on many, and devices that come back.
 */
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

const SECOND = 1000
const MINUTE = 60 * SECOND
const DAY = 24 * 60 * MINUTE

/** The n-th code that is no werksessie's: the same n gives the same code, different n different ones. */
function wrongCode(n: number, taken: string[] = []): string {
  const a = JOIN_CODE_ALPHABET
  for (let k = n; ; k += 1000) {
    const code = `W${a[k % 31]}${a[Math.floor(k / 31) % 31]}${a[Math.floor(k / 961) % 31]}ZZ`
    if (!taken.includes(code)) return code
  }
}

/** A typo a person makes: one character of the right code replaced by its neighbour in the alphabet. */
function typo(code: string, at: number): string {
  const a = JOIN_CODE_ALPHABET
  const next = a[(a.indexOf(code[at]) + 1) % a.length]
  return code.slice(0, at) + next + code.slice(at + 1)
}

function at(limits: JoinLimits, start: number) {
  const options = (ms: number) => ({ now: new Date(start + ms), limits })
  return {
    start,
    lookUp: (code: string, address: string, ms: number, cookieHeader: string | null = null) =>
      lookUpJoinCode(db, code, { address, cookieHeader }, options(ms)),
    join: (input: Record<string, unknown>, address: string, ms: number, cookieHeader: string | null = null) =>
      joinSession(db, { role: 'ouder', ...input }, cookieHeader, address, options(ms)),
  }
}

const nl = (text: string | undefined) => translate('nl', text ?? '')
const cookieOf = (setCookie: string | undefined) => setCookie!.split(';')[0]

describe('a room behind one address (the venue Wi-Fi)', () => {
  it('lets 30 people in within five minutes, 5 of them after mistyping once or twice, through the form and the API', async () => {
    const session = newSession()
    const { lookUp, join } = at(newJoinLimits(), Date.now())
    const venue = '192.0.2.10'
    // person → what they type before the right code: the form's first step (lookUp) or the API (join)
    const mistakes: Record<number, string[]> = {
      2: [typo(session.joinCode, 1)],
      7: [typo(session.joinCode, 0), typo(session.joinCode, 4)],
      11: [typo(session.joinCode, 2), typo(session.joinCode, 2)], // the same typo twice
      19: [session.joinCode.slice(0, 5) + '0'], // a zero: cannot be a code, not looked up
      25: [typo(session.joinCode, 5), typo(session.joinCode, 3)],
    }
    const numbers: number[] = []
    for (let person = 0; person < 30; person++) {
      const ms = person * 10 * SECOND // the last one at 4 min 50 s
      for (const [i, wrong] of (mistakes[person] ?? []).entries()) {
        const refused = i % 2 === 0 ? await lookUp(wrong, venue, ms) : await join({ joinCode: wrong }, venue, ms)
        expect(refused.ok).toBe(false)
        if (!refused.ok) expect([400, 404]).toContain(refused.status)
      }
      if (person % 2 === 0) expect(await lookUp(session.joinCode, venue, ms)).toMatchObject({ ok: true })
      const joined = await join({ joinCode: session.joinCode }, venue, ms + SECOND)
      expect(joined, `person ${person + 1}`).toMatchObject({ ok: true })
      if (joined.ok) numbers.push(joined.value.participant.number)
    }
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => i + 1))
  })

  it('refuses a new code once the address tried exactly 20 different wrong ones, with the wait; the room’s own code still joins', async () => {
    const room = newSession()
    const elsewhere = newSession()
    const limits = newJoinLimits()
    const { lookUp, join } = at(limits, Date.now())
    const venue = '192.0.2.20'
    expect(await join({ joinCode: room.joinCode }, venue, 0)).toMatchObject({ ok: true })
    // Someone on the same Wi-Fi with a phone that joined `elsewhere` from home.
    const home = await join({ joinCode: elsewhere.joinCode }, '198.51.100.77', 0)
    if (!home.ok) throw new Error('home join')
    const taken = [room.joinCode, elsewhere.joinCode]

    for (let i = 0; i < 20; i++) {
      expect(await lookUp(wrongCode(i, taken), venue, 1000 + i * SECOND)).toMatchObject({ ok: false, status: 404 })
    }
    const limited = await lookUp(wrongCode(20, taken), venue, 30 * SECOND)
    expect(limited).toMatchObject({ ok: false, status: 429 })
    if (limited.ok) return
    // The oldest wrong code (at 1 s) leaves the window at 10 min 1 s: 9 min 31 s from now.
    expect(limited.retryAfter).toBe(10 * 60 + 1 - 30)
    expect(nl(limited.errors._form)).toBe(
      'Via dit netwerk zijn te veel verkeerde codes geprobeerd. Kijk goed naar de code en probeer het over 10 minuten opnieuw.',
    )
    expect(nl(limited.errors.joinCode)).toBe(nl(limited.errors._form))

    // A right code this address never used is refused exactly like a wrong one: otherwise a
    // guesser would tell a hit from a miss by the answer.
    const unknownRight = await join({ joinCode: elsewhere.joinCode }, venue, 31 * SECOND)
    expect(unknownRight).toMatchObject({ ok: false, status: 429, retryAfter: limited.retryAfter! - 1 })
    // The room's code keeps working for newcomers of the room (no cookie), from the form and the API.
    expect(await lookUp(room.joinCode, venue, 32 * SECOND)).toMatchObject({ ok: true })
    expect(await join({ joinCode: room.joinCode }, venue, 33 * SECOND)).toMatchObject({
      ok: true,
      value: { returning: false },
    })
    // The phone that joined `elsewhere` before gets in there too: its cookie knows that werksessie.
    const back = await join({ joinCode: elsewhere.joinCode }, venue, 34 * SECOND, cookieOf(home.setCookie))
    expect(back).toMatchObject({ ok: true, value: { returning: true, participant: { id: home.value.participant.id } } })
    // Other addresses are not held back by this one.
    expect(await lookUp(wrongCode(21, taken), '192.0.2.21', 35 * SECOND)).toMatchObject({ status: 404 })
  })

  it('counts one wrong code once, however often it is typed or looked up (a form post runs action and loader)', async () => {
    const { lookUp, join } = at(newJoinLimits(), Date.now())
    const address = '192.0.2.30'
    for (let i = 0; i < 50; i++) {
      expect(await (i % 2 ? lookUp('ZZZZZZ', address, i) : join({ joinCode: 'ZZZZZZ' }, address, i))).toMatchObject({
        status: 404,
      })
    }
    // 19 more different wrong codes reach the 20.
    for (let i = 0; i < 19; i++) expect(await lookUp(wrongCode(i), address, 100 + i)).toMatchObject({ status: 404 })
    expect(await lookUp(wrongCode(19), address, 200)).toMatchObject({ status: 429 })
  })

  it('forgets wrong codes once they are 10 minutes old (a sliding window)', async () => {
    const session = newSession()
    const { lookUp } = at(newJoinLimits(), Date.now())
    const address = '192.0.2.40'
    for (let i = 0; i < 10; i++) await lookUp(wrongCode(i), address, 0)
    for (let i = 10; i < 20; i++) await lookUp(wrongCode(i), address, 5 * MINUTE)
    const limited = await lookUp(wrongCode(20), address, 6 * MINUTE)
    expect(limited).toMatchObject({ status: 429, retryAfter: 4 * 60 })
    expect(nl(limited.ok ? '' : limited.errors._form)).toMatch(/probeer het over 4 minuten opnieuw\.$/)
    expect(await lookUp(session.joinCode, address, 10 * MINUTE - 1)).toMatchObject({ status: 429 })
    // The first ten have left the window: ten new codes may be tried, the eleventh may not.
    expect(await lookUp(session.joinCode, address, 10 * MINUTE)).toMatchObject({ ok: true })
    for (let i = 20; i < 30; i++)
      expect(await lookUp(wrongCode(i), address, 10 * MINUTE)).toMatchObject({ status: 404 })
    expect(await lookUp(wrongCode(30), address, 10 * MINUTE)).toMatchObject({ status: 429 })
    expect(await lookUp(wrongCode(30), address, 15 * MINUTE)).toMatchObject({ status: 404 })
  })

  it('allows 60 new participants a minute from one address, and no more', async () => {
    const session = newSession()
    const { join } = at(newJoinLimits(), Date.now())
    for (let i = 0; i < 60; i++)
      expect(await join({ joinCode: session.joinCode }, '192.0.2.50', i)).toMatchObject({ ok: true })
    const refused = await join({ joinCode: session.joinCode }, '192.0.2.50', 100)
    expect(refused).toMatchObject({ ok: false, status: 429 })
    if (!refused.ok) {
      expect(refused.retryAfter).toBe(60)
      expect(nl(refused.errors._form)).toMatch(/heel veel mensen binnen via dit netwerk/)
    }
    expect(await join({ joinCode: session.joinCode }, '192.0.2.51', 100)).toMatchObject({ ok: true })
    expect(await join({ joinCode: session.joinCode }, '192.0.2.50', MINUTE)).toMatchObject({ ok: true })
  })
})

describe('guessing from many addresses (a botnet, a fresh IPv6 /64 per guess)', () => {
  it('past 60 wrong codes from everywhere, new codes wait their turn server-wide; known codes and returning devices do not', async () => {
    const room = newSession()
    const other = newSession()
    const third = newSession()
    const warnings: string[] = []
    const limits = newJoinLimits((message) => warnings.push(message))
    const { lookUp, join, start } = at(limits, Date.now())
    const taken = [room.joinCode, other.joinCode, third.joinCode]
    expect(await join({ joinCode: room.joinCode }, '203.0.113.1', 0)).toMatchObject({ ok: true })
    const phone = await join({ joinCode: other.joinCode }, '203.0.113.2', 0)
    if (!phone.ok) throw new Error('phone join')
    const bot = (n: number) => `2001:db8:${n.toString(16)}::/64`

    for (let n = 0; n < 59; n++)
      expect(await lookUp(wrongCode(n, taken), bot(n), SECOND)).toMatchObject({ status: 404 })
    expect(limits.codes.slowMode(start + SECOND)).toBe(false)
    expect(await lookUp(wrongCode(59, taken), bot(59), SECOND)).toMatchObject({ status: 404 })
    expect(limits.codes.slowMode(start + SECOND)).toBe(true)
    expect(warnings).toEqual([expect.stringMatching(/^\[join\] 60 wrong join codes within 10 minutes/)])

    // An address that tried no wrong code gets the next free turn (one per 5 s), then waits.
    expect(await lookUp(third.joinCode, '203.0.113.3', 2 * SECOND)).toMatchObject({ ok: true })
    const busy = await lookUp(wrongCode(100, taken), '203.0.113.4', 3 * SECOND)
    expect(busy).toMatchObject({ status: 429, retryAfter: 4 })
    expect(nl(busy.ok ? '' : busy.errors._form)).toBe(
      'Er worden nu heel veel verkeerde codes geprobeerd. Kijk goed naar de code en probeer het over 4 seconden opnieuw.',
    )
    // A right code is no exception: it waits like a wrong one.
    expect(await join({ joinCode: third.joinCode }, '203.0.113.5', 3 * SECOND)).toMatchObject({ status: 429 })
    expect(await lookUp(wrongCode(100, taken), '203.0.113.4', 7 * SECOND)).toMatchObject({ status: 404 })

    // Addresses that guessed wrong share a slower lane (one per 30 s) of their own.
    expect(await lookUp(wrongCode(200, taken), bot(0), 8 * SECOND)).toMatchObject({ status: 404 })
    expect(await lookUp(wrongCode(201, taken), bot(1), 9 * SECOND)).toMatchObject({ status: 429, retryAfter: 29 })
    expect(await lookUp(wrongCode(201, taken), bot(1), 38 * SECOND)).toMatchObject({ status: 404 })

    // Meanwhile the room's code works from the room's address, and a phone that joined before gets back in.
    expect(await join({ joinCode: room.joinCode }, '203.0.113.1', 9 * SECOND)).toMatchObject({ ok: true })
    const back = await join({ joinCode: other.joinCode }, bot(5), 9 * SECOND, cookieOf(phone.setCookie))
    expect(back).toMatchObject({ ok: true, value: { participant: { id: phone.value.participant.id } } })

    expect(warnings).toHaveLength(1) // once when slow mode began, not for every code after
    // Ten minutes after the wrong codes the budget is free again.
    expect(limits.codes.slowMode(start + 11 * MINUTE)).toBe(false)
    expect(await lookUp(wrongCode(300, taken), '203.0.113.6', 11 * MINUTE)).toMatchObject({ status: 404 })
    expect(await lookUp(wrongCode(301, taken), '203.0.113.7', 11 * MINUTE)).toMatchObject({ status: 404 })
  })
})

describe('a device that joined before', () => {
  it('gets its own participant back from the code, not a new number, and is no new join', async () => {
    const session = newSession()
    const { join } = at(newJoinLimits(), Date.now())
    await join({ joinCode: session.joinCode }, '198.51.100.1', 0)
    const first = await join({ joinCode: session.joinCode }, '198.51.100.1', 0)
    if (!first.ok) throw new Error('first join')
    expect(first.value).toMatchObject({ returning: false, participant: { number: 2 } })
    const cookie = cookieOf(first.setCookie)
    for (const ms of [MINUTE, DAY]) {
      const again = await join({ joinCode: session.joinCode.toLowerCase() }, '198.51.100.200', ms, cookie)
      expect(again).toMatchObject({
        ok: true,
        value: { returning: true, kept: [], participant: { id: first.value.participant.id, number: 2 } },
      })
    }
    expect(countParticipants(db, session.id)).toBe(2)
  })

  it('keeps its identity when it asks for another role or a name on the way back in, and says what it kept', async () => {
    const session = newSession()
    const { join } = at(newJoinLimits(), Date.now())
    const first = await join({ joinCode: session.joinCode }, '198.51.100.2', 0)
    if (!first.ok) throw new Error('first join')
    const cookie = cookieOf(first.setCookie)
    const again = await join(
      { joinCode: session.joinCode, role: 'professional', displayName: 'Samira', organisationType: 'school' },
      '198.51.100.2',
      MINUTE,
      cookie,
    )
    expect(again).toMatchObject({
      ok: true,
      value: { returning: true, kept: ['role', 'displayName', 'organisationType'] },
    })
    expect(getParticipant(db, first.value.participant.id)).toMatchObject({
      role: 'ouder',
      number: 1,
      displayName: null,
      organisationType: null,
    })
    expect(countParticipants(db, session.id)).toBe(1)
  })

  it('stays out once the facilitator removed it (403, the page’s refusal), in the same werksessie only', async () => {
    const session = newSession()
    const next = newSession()
    const { join, lookUp } = at(newJoinLimits(), Date.now())
    const first = await join({ joinCode: session.joinCode }, '198.51.100.3', 0)
    if (!first.ok) throw new Error('first join')
    db.update(participants).set({ removedAt: new Date() }).where(eq(participants.id, first.value.participant.id)).run()
    const cookie = cookieOf(first.setCookie)
    const refused = await join({ joinCode: session.joinCode }, '198.51.100.3', MINUTE, cookie)
    expect(refused).toMatchObject({ ok: false, status: 403 })
    expect(nl(refused.ok ? '' : refused.errors._form)).toBe(
      'Je doet niet meer mee aan deze werksessie. De begeleider heeft je eruit gehaald.',
    )
    expect(await lookUp(session.joinCode, '198.51.100.3', MINUTE, cookie)).toMatchObject({
      ok: true,
      mine: { id: first.value.participant.id },
    })
    expect(countParticipants(db, session.id)).toBe(1)
    expect(await join({ joinCode: next.joinCode }, '198.51.100.3', MINUTE, cookie)).toMatchObject({
      ok: true,
      value: { returning: false },
    })
  })
})

describe('closed and idle codes', () => {
  it('stop working when the session is closed (410)', async () => {
    const session = newSession()
    const { join, lookUp } = at(newJoinLimits(), Date.now())
    db.update(workshopSessions).set({ closedAt: new Date() }).where(eq(workshopSessions.id, session.id)).run()
    const result = await join({ joinCode: session.joinCode }, '198.51.100.4', 0)
    expect(result).toMatchObject({ ok: false, status: 410, errors: { joinCode: 'error.joinCode.closed' } })
    expect(await lookUp(session.joinCode, '198.51.100.4', 0)).toMatchObject({ status: 410 })
  })

  it('stop working after the idle period, and work again once the facilitator opens the session', async () => {
    const session = newSession()
    const limits = newJoinLimits()
    const joinAt = (now: Date) =>
      joinSession(db, { joinCode: session.joinCode, role: 'ouder' }, null, '198.51.100.5', {
        now,
        idleDays: 30,
        limits,
      })
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
    const { join } = at(newJoinLimits(), Date.now())
    const asPro = (organisationType: unknown) =>
      join({ joinCode: session.joinCode, role: 'professional', organisationType }, '198.51.100.9', 0)
    const school = await asPro('school')
    expect(school).toMatchObject({ ok: true, value: { participant: { organisationType: 'school' } } })
    expect(await asPro('')).toMatchObject({ ok: true, value: { participant: { organisationType: null } } })
    const wrong = await asPro('De Boomgaard')
    expect(wrong.ok).toBe(false)
    if (wrong.ok) return
    expect(wrong.status).toBe(400)
    expect(translate('nl', wrong.errors.organisationType)).toMatch(/^Kies school, welzijn/)
  })
})
