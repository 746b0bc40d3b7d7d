import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startSession } from '../app/auth/session.server'
import { createUser } from '../app/auth/users.server'
import { db } from '../app/db.server'
import type { CollabControl } from '../app/load-context'
import * as joinApi from '../app/routes/api.v1.join'
import * as eventsRoute from '../app/routes/api.v1.sessions.$id.events'
import * as participantsRoute from '../app/routes/api.v1.sessions.$id.participants'
import * as joinPage from '../app/routes/meedoen.$code'
import * as codePage from '../app/routes/meedoen._index'
import { presenceOf } from '../app/sessions/access.server'
import { createSession } from '../app/sessions/commands.server'
import type { CollabIdentity } from '../app/sessions/identity'
import { removeParticipant, type PeopleOverview } from '../app/sessions/session-settings.server'
import { sessionBus } from '../app/sessions/session-bus.server'
import type { NewWorkshopSession } from '../app/sessions/sessions.server'
import { appAuthenticator, collabControl } from './app-collab'
import { attachCollabServer, type CollabServer } from './collab'
import { silentLogger } from './collab/test-support'
import { routeHandler, type Route } from './test-routes'

/**
 * Joining from the room (issue 9, section 3) over a real HTTP server with the real route handlers
 * and the real room server on the process database: the join limits as the API and the join
 * pages answer them, a device that comes back as itself, where a participant lands, and who is
 * connected now, on a canvas or on the live channel the phone page uses.
 */
const routes: [RegExp, Route][] = [
  [/^\/api\/v1\/join$/, joinApi],
  [/^\/api\/v1\/sessions\/([^/]+)\/events$/, eventsRoute],
  [/^\/api\/v1\/sessions\/([^/]+)\/participants$/, participantsRoute],
]

let server: http.Server
let collab: CollabServer<CollabIdentity>
let control: CollabControl
let base = ''
let facilitator = ''
let facilitatorId = ''
let user: Awaited<ReturnType<typeof createUser>>

beforeAll(async () => {
  server = http.createServer(
    routeHandler(
      routes,
      () => base,
      () => control,
    ),
  )
  collab = attachCollabServer<CollabIdentity>(server, {
    db: db(),
    authenticate: appAuthenticator(db(), process.env.SESSION_SECRET!),
    presence: presenceOf,
    logger: silentLogger,
  })
  control = collabControl(collab)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  user = await createUser(db(), { email: 'joining-http@example.nl', password: 'een lang wachtwoord', name: 'Fien' })
  facilitatorId = user.id
  facilitator = (await startSession(db(), user.id)).split(';')[0]
})

afterAll(async () => {
  await collab.close()
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

function newSession(title = 'Ouderavond De Reit'): NewWorkshopSession {
  const made = createSession(db(), user, { title })
  if (!made.ok) throw new Error('no session')
  return made.value
}

/** `POST /api/v1/join` from a client address (as a proxy at 127.0.0.1 reports it), with a device's cookie. */
const joinApiAs = (address: string, body: unknown, cookie?: string) =>
  fetch(`${base}/api/v1/join`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Forwarded-For': address,
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: JSON.stringify(body),
  })

const cookieOf = (res: Response) => (res.headers.get('Set-Cookie') ?? '').split(';')[0]

/** What `data()` hands Remix: the value and its status and headers. */
type Data<T> = { data: T; init: { status?: number; headers?: Record<string, string> } | null }

const pageArgs = (path: string, address: string, init: RequestInit = {}, params: Record<string, string> = {}) => ({
  request: new Request(`http://localhost${path}`, init),
  params,
  context: { collab: control, clientAddress: address },
})

/** The role form of `/meedoen/:code` posted as a browser posts it. */
function postJoinForm(code: string, address: string, fields: Record<string, string>, headers: HeadersInit = {}) {
  const body = new URLSearchParams({ joinCode: code, ...fields })
  return joinPage.action(
    pageArgs(
      `/meedoen/${code}`,
      address,
      { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers } },
      { code },
    ) as never,
  )
}

describe('the join limits over HTTP', () => {
  it('after exactly 20 different wrong codes from one address: 429 with a Dutch message and Retry-After; the room’s code still joins', async () => {
    const room = newSession()
    const elsewhere = newSession('Elders')
    const venue = '192.0.2.60'
    expect((await joinApiAs(venue, { joinCode: room.joinCode, role: 'ouder' })).status).toBe(200)
    for (let i = 0; i < 20; i++) {
      const wrong = await joinApiAs(venue, { joinCode: `QQQQ${'ABCDEFGHJKMNPQRSTUVWXYZ'[i]}Q`, role: 'ouder' })
      expect(wrong.status, `wrong code ${i + 1}`).toBe(404)
      expect((await wrong.json()).errors.joinCode).toBe(
        'Deze code kennen we niet. Kijk of je hem goed hebt overgenomen.',
      )
    }
    const limited = await joinApiAs(venue, { joinCode: 'QQQQZQ', role: 'ouder' })
    expect(limited.status).toBe(429)
    const wait = Number(limited.headers.get('Retry-After'))
    expect(wait).toBeGreaterThan(9 * 60)
    expect(wait).toBeLessThanOrEqual(10 * 60)
    expect((await limited.json()).message).toBe(
      'Via dit netwerk zijn te veel verkeerde codes geprobeerd. Kijk goed naar de code en probeer het over 10 minuten opnieuw.',
    )

    // Another werksessie's right code is refused like a wrong one, by the API and by the code page.
    const unknownRight = await joinApiAs(venue, { joinCode: elsewhere.joinCode, role: 'ouder' })
    expect(unknownRight.status).toBe(429)
    expect(Number(unknownRight.headers.get('Retry-After'))).toBeGreaterThan(0)
    const page = (await codePage.loader(
      pageArgs(`/meedoen?code=${elsewhere.joinCode}`, venue) as never,
    )) as unknown as Data<{ error: string }>
    expect(page.init?.status).toBe(429)
    expect(Number(page.init?.headers?.['Retry-After'])).toBeGreaterThan(0)

    // The room's own code: a newcomer of the room joins, through the API and through the pages.
    const newcomer = await joinApiAs(venue, { joinCode: room.joinCode, role: 'ouder' })
    expect(newcomer.status).toBe(200)
    expect(await newcomer.json()).toMatchObject({ participant: { label: 'Ouder 2' }, returning: false })
    await expect(codePage.loader(pageArgs(`/meedoen?code=${room.joinCode}`, venue) as never)).rejects.toMatchObject({
      status: 302,
    })
    const formJoin = (await postJoinForm(room.joinCode, venue, { role: 'ouder', screen: 'wide' })) as Response
    expect(formJoin.status).toBe(302)
    expect(formJoin.headers.get('Location')).toBe(`/sessies/${room.id}`)
  })
})

describe('a device that joined before', () => {
  it('gets its own participant back from the API, keeps it when it sends another role, and says so', async () => {
    const session = newSession()
    const first = await joinApiAs('198.51.100.61', { joinCode: session.joinCode, role: 'ouder' })
    const joined = await first.json()
    expect(joined).toMatchObject({
      sessionId: session.id,
      participant: { label: 'Ouder 1' },
      returning: false,
      participantPage: `/doe-mee/${session.id}`,
    })
    expect(joined.notice).toBeUndefined()
    const cookie = cookieOf(first)

    const again = await joinApiAs('198.51.100.62', { joinCode: session.joinCode, role: 'ouder' }, cookie)
    expect(again.status).toBe(200)
    expect(await again.json()).toMatchObject({
      participant: { id: joined.participant.id, label: 'Ouder 1' },
      returning: true,
      participantPage: `/doe-mee/${session.id}`,
    })
    const otherRole = await joinApiAs(
      '198.51.100.62',
      { joinCode: session.joinCode, role: 'professional', displayName: 'Samira' },
      cookie,
    )
    expect(await otherRole.json()).toMatchObject({
      participant: { id: joined.participant.id, role: 'ouder', label: 'Ouder 1' },
      returning: true,
      kept: ['role', 'displayName'],
      notice:
        'Je doet al mee als Ouder 1. Dat blijft zo: we hebben je rol en naam niet veranderd. Klopt dat niet? Vraag het de begeleider.',
    })
    // Someone else on the same phone's network is a new participant.
    const neighbour = await joinApiAs('198.51.100.62', { joinCode: session.joinCode, role: 'ouder' })
    expect((await neighbour.json()).participant.label).toBe('Ouder 2')
  })

  it('is welcomed back by the join link and goes on as itself; another role on the form changes nothing and the page says so', async () => {
    const session = newSession()
    const address = '198.51.100.63'
    const first = (await postJoinForm(session.joinCode, address, { role: 'ouder', screen: 'phone' })) as Response
    expect(first.status).toBe(302)
    expect(first.headers.get('Location')).toBe(`/doe-mee/${session.id}`)
    const cookie = (first.headers.get('Set-Cookie') ?? '').split(';')[0]

    const page = await joinPage.loader(
      pageArgs(
        `/meedoen/${session.joinCode}`,
        address,
        { headers: { Cookie: cookie } },
        { code: session.joinCode },
      ) as never,
    )
    expect(page).toMatchObject({ gone: null, me: { role: 'ouder', number: 1, displayName: null } })

    const otherRole = (await postJoinForm(
      session.joinCode,
      address,
      { role: 'professional' },
      { Cookie: cookie },
    )) as unknown as Data<{
      kept: boolean
    }>
    expect(otherRole.data).toMatchObject({ kept: true })
    const onward = (await postJoinForm(
      session.joinCode,
      address,
      { role: 'ouder', screen: 'phone' },
      { Cookie: cookie },
    )) as Response
    expect(onward.headers.get('Location')).toBe(`/doe-mee/${session.id}`)
    const overview = await people(session.id)
    expect(overview.participants.map((p) => p.label)).toEqual(['Ouder 1'])
  })

  it('stays out once the facilitator removed it: 403 from the API, and the join link says why', async () => {
    const session = newSession()
    const first = await joinApiAs('198.51.100.64', { joinCode: session.joinCode, role: 'consultatiebureau' })
    const { participant } = await first.json()
    const cookie = cookieOf(first)
    expect(removeParticipant(db(), control, session, participant.id, `u:${facilitatorId}`)).toMatchObject({ ok: true })
    const refused = await joinApiAs('198.51.100.64', { joinCode: session.joinCode, role: 'ouder' }, cookie)
    expect(refused.status).toBe(403)
    expect((await refused.json()).message).toBe(
      'Je doet niet meer mee aan deze werksessie. De begeleider heeft je eruit gehaald.',
    )
    const page = (await joinPage.loader(
      pageArgs(
        `/meedoen/${session.joinCode}`,
        '198.51.100.64',
        { headers: { Cookie: cookie } },
        {
          code: session.joinCode,
        },
      ) as never,
    )) as unknown as Data<{ gone: string }>
    expect(page.init?.status).toBe(403)
    expect(page.data.gone).toBe('error.session.removed')
  })
})

describe('where a participant lands after the role form', () => {
  it('a phone on the phone page, a laptop on the canvas; without JavaScript the headers decide', async () => {
    const session = newSession()
    const land = async (address: string, screen: string, headers: HeadersInit = {}) =>
      ((await postJoinForm(session.joinCode, address, { role: 'ouder', screen }, headers)) as Response).headers.get(
        'Location',
      )
    expect(await land('198.51.100.70', 'phone')).toBe(`/doe-mee/${session.id}`)
    expect(await land('198.51.100.71', 'wide')).toBe(`/sessies/${session.id}`)
    expect(await land('198.51.100.72', '', { 'Sec-CH-UA-Mobile': '?1' })).toBe(`/doe-mee/${session.id}`)
    const iPhone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148'
    expect(await land('198.51.100.73', '', { 'User-Agent': iPhone })).toBe(`/doe-mee/${session.id}`)
    expect(await land('198.51.100.74', '', { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0' })).toBe(
      `/sessies/${session.id}`,
    )
  })
})

/** The facilitator's `GET /api/v1/sessions/:id/participants`. */
async function people(sessionId: string): Promise<PeopleOverview> {
  const res = await fetch(`${base}/api/v1/sessions/${sessionId}/participants`, { headers: { Cookie: facilitator } })
  expect(res.status).toBe(200)
  return res.json()
}

async function until(what: string, check: () => Promise<boolean>) {
  const deadline = Date.now() + 10_000
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** A live channel as the phone page opens it: `GET …/events` with the participant cookie, read until its first state. */
async function openEvents(sessionId: string, cookie: string) {
  const abort = new AbortController()
  const res = await fetch(`${base}/api/v1/sessions/${sessionId}/events`, {
    headers: { Cookie: cookie },
    signal: abort.signal,
  })
  expect(res.status).toBe(200)
  expect(res.headers.get('Content-Type')).toMatch(/^text\/event-stream/)
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  let text = ''
  while (!text.includes('event: state\n')) {
    const { value, done } = await reader.read()
    if (done) throw new Error('the stream ended')
    text += decoder.decode(value, { stream: true })
  }
  return {
    close: () => {
      abort.abort()
      return reader.cancel().catch(() => {})
    },
  }
}

describe('connected now and ever joined', () => {
  it('counts a participant with the live channel open (the phone page) as connected, and not once it closes', async () => {
    const session = newSession()
    const join = async (address: string) => {
      const res = await joinApiAs(address, { joinCode: session.joinCode, role: 'ouder' })
      const body = await res.json()
      return { id: body.participant.id as string, cookie: cookieOf(res) }
    }
    const onCanvas = await join('198.51.100.80')
    const onPhone = await join('198.51.100.81')
    const away = await join('198.51.100.82')

    const ws = new WebSocket(`${base.replace('http', 'ws')}/collab/${session.roomId}`, {
      headers: { cookie: onCanvas.cookie },
    })
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
    const stream = await openEvents(session.id, onPhone.cookie)
    const secondTab = await openEvents(session.id, onPhone.cookie)

    const connected = (o: PeopleOverview) => Object.fromEntries(o.participants.map((p) => [p.id, p.connected]))
    const now = await people(session.id)
    expect(connected(now)).toEqual({ [onCanvas.id]: true, [onPhone.id]: true, [away.id]: false })
    expect(now.perRole).toEqual([{ role: 'ouder', connected: 2, joined: 3 }])

    // One of two streams closes: still connected. The other closes too: not any more.
    await stream.close()
    await until('the first stream ended', async () => sessionBus().listenerCount(session.id) === 1)
    expect(connected(await people(session.id))[onPhone.id]).toBe(true)
    await secondTab.close()
    await until('the phone counted out', async () => !connected(await people(session.id))[onPhone.id])
    const later = await people(session.id)
    expect(connected(later)).toEqual({ [onCanvas.id]: true, [onPhone.id]: false, [away.id]: false })
    expect(later.perRole).toEqual([{ role: 'ouder', connected: 1, joined: 3 }])
    expect(sessionBus().streamSubjects(session.id)).toEqual([])
    ws.close()
  })

  it('ends a removed participant’s stream and counts them out', async () => {
    const session = newSession()
    const res = await joinApiAs('198.51.100.83', { joinCode: session.joinCode, role: 'ouder' })
    const { participant } = await res.json()
    const stream = await openEvents(session.id, cookieOf(res))
    expect(sessionBus().streamSubjects(session.id)).toEqual([`p:${participant.id}`])
    removeParticipant(db(), control, session, participant.id, `u:${facilitatorId}`)
    expect(sessionBus().streamSubjects(session.id)).toEqual([])
    expect((await people(session.id)).participants[0]).toMatchObject({ connected: false, removed: true })
    await stream.close()
  })
})
