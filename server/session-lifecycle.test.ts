import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { eq } from 'drizzle-orm'
import { sessionEvents, type WorkshopSession } from '../db/schema'
import { db } from '../app/db.server'
import type { CollabControl } from '../app/load-context'
import { action as closeRoute } from '../app/routes/api.v1.sessions.$id.close'
import { action as inviteRoute } from '../app/routes/api.v1.sessions.$id.facilitators'
import { loader as participantsRoute } from '../app/routes/api.v1.sessions.$id.participants'
import { action as removeRoute } from '../app/routes/api.v1.sessions.$id.participants.$participantId'
import { loader as eventsRoute } from '../app/routes/api.v1.sessions.$id.events'
import { action as phaseRoute } from '../app/routes/api.v1.sessions.$id.phase'
import { action as reopenRoute } from '../app/routes/api.v1.sessions.$id.reopen'
import { loader as stateRoute } from '../app/routes/api.v1.sessions.$id.state'
import { action as timerRoute } from '../app/routes/api.v1.sessions.$id.timer'
import { createSession, joinSession } from '../app/sessions/commands.server'
import { inviteCoFacilitator } from '../app/sessions/facilitators.server'
import type { CollabIdentity } from '../app/sessions/identity'
import { peopleOverview, removeParticipant } from '../app/sessions/session-settings.server'
import { listSessionsOf, type NewWorkshopSession } from '../app/sessions/sessions.server'
import { facilitatorLogin, joinedParent, startAppRooms, type AppRooms } from './app-rooms.test-support'
import { type CollabServer } from './collab'
import { roomUpdateCount, upgradeStatus, waitFor } from './collab/test-support'

/**
 * A werksessie's shared state and lifecycle through its API routes, against the real collab
 * server on the same database (the routes use the process database): who may read and change
 * it, the timer's transitions, the timeline, closing (read-only connections, 410 joins),
 * reopening, removing a participant, co-facilitators, and the live channel.
 */
let rooms: AppRooms
let collab: CollabServer<CollabIdentity>
let control: CollabControl
let url = ''

beforeAll(async () => {
  rooms = await startAppRooms({ policy: false })
  ;({ collab, control, url } = rooms)
})
afterAll(async () => {
  await rooms.close()
})

const facilitator = facilitatorLogin

let address = 0
async function participant(session: WorkshopSession) {
  return joinedParent(session, `10.8.0.${++address}`)
}

function args(path: string, id: string, cookie?: string, body?: unknown) {
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {}
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const request = new Request(`http://localhost/api/v1/sessions/${id}/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { request, params: { id }, context: { collab: control, clientAddress: '127.0.0.1' } }
}

const getState = (id: string, cookie?: string) => stateRoute(args('state', id, cookie)) as Promise<Response>
const post = (route: typeof phaseRoute, path: string, id: string, cookie: string | undefined, body: unknown) =>
  route(args(path, id, cookie, body)) as Promise<Response>

function openSocket(roomId: string, cookie: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url}/${roomId}`, { headers: { cookie } })
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)))
  })
}
const closed = (ws: WebSocket) =>
  new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )

/** A sync update with one new record, as a y-websocket client sends it. */
function updateFrame(): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('records').set('shape:x', { id: 'shape:x' })
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc))
  return encoding.toUint8Array(encoder)
}

let owner: Awaited<ReturnType<typeof facilitator>>
let co: Awaited<ReturnType<typeof facilitator>>
let stranger: Awaited<ReturnType<typeof facilitator>>
let session: NewWorkshopSession
let parent: Awaited<ReturnType<typeof participant>>

beforeAll(async () => {
  owner = await facilitator('lifecycle-owner@example.nl')
  co = await facilitator('lifecycle-co@example.nl')
  stranger = await facilitator('lifecycle-other@example.nl')
  const made = createSession(db(), owner.user, { title: 'Ouderavond De Reit' })
  if (!made.ok) throw new Error('no session')
  session = made.value
  parent = await participant(session)
})

describe('who may read and change the session state', () => {
  it('gives the state to its facilitators and participants, and refuses others', async () => {
    const res = await getState(session.id, parent.cookie)
    expect(res.status).toBe(200)
    const state = await res.json()
    expect(state).toMatchObject({
      phase: 'inleven',
      timer: { status: 'idle', endsAt: null, remainingMs: 0 },
      vote: null,
      privateMode: false,
      locked: { all: false, frames: [] },
      closed: false,
    })
    expect(Date.parse(state.serverNow)).toBeGreaterThan(0)
    expect((await getState(session.id, owner.cookie)).status).toBe(200)

    const anonymous = await getState(session.id)
    expect(anonymous.status).toBe(401)
    expect((await anonymous.json()).message).toBe('Doe eerst mee met de code, of log in als begeleider.')
    expect((await getState(session.id, stranger.cookie)).status).toBe(403)
    expect((await getState('no-such-session', owner.cookie)).status).toBe(404)
  })

  it('lets only facilitators change the step: 401 anonymous, 403 for a participant or another facilitator', async () => {
    const body = { phase: 'definieren' }
    expect((await post(phaseRoute, 'phase', session.id, undefined, body)).status).toBe(401)
    const refused = await post(phaseRoute, 'phase', session.id, parent.cookie, body)
    expect(refused.status).toBe(403)
    expect((await refused.json()).message).toBe('Alleen een begeleider van deze werksessie mag dit.')
    expect((await post(phaseRoute, 'phase', session.id, stranger.cookie, body)).status).toBe(403)
    for (const route of [timerRoute, closeRoute, reopenRoute]) {
      expect((await post(route, 'x', session.id, parent.cookie, { action: 'stop' })).status).toBe(403)
      expect((await post(route, 'x', session.id, undefined, {})).status).toBe(401)
    }

    const ok = await post(phaseRoute, 'phase', session.id, owner.cookie, body)
    expect(ok.status).toBe(200)
    expect(await ok.json()).toMatchObject({ phase: 'definieren' })
    expect(await (await getState(session.id, parent.cookie)).json()).toMatchObject({ phase: 'definieren' })
  })

  it('answers 400 with a Dutch message per field for a step or timer command that does not exist', async () => {
    const bad = await post(phaseRoute, 'phase', session.id, owner.cookie, { phase: 'brainstorm' })
    expect(bad.status).toBe(400)
    expect((await bad.json()).errors.phase).toMatch(/^Kies een van de stappen/)
    const minutes = await post(timerRoute, 'timer', session.id, owner.cookie, { action: 'start', minutes: 0 })
    expect(minutes.status).toBe(400)
    expect((await minutes.json()).errors.minutes).toMatch(/minuten/)
    const action = await post(timerRoute, 'timer', session.id, owner.cookie, { action: 'rewind' })
    expect(action.status).toBe(400)
  })
})

describe('the timer through the API', () => {
  it('starts, pauses, resumes, gains a minute and stops; what does not apply is 409', async () => {
    const timer = (body: unknown) => post(timerRoute, 'timer', session.id, owner.cookie, body)
    expect((await timer({ action: 'pause' })).status).toBe(409)

    const before = Date.now()
    const started = await (await timer({ action: 'start', minutes: 5 })).json()
    expect(started.timer.status).toBe('running')
    const endsAt = Date.parse(started.timer.endsAt)
    expect(endsAt).toBeGreaterThanOrEqual(before + 5 * 60_000)
    expect(endsAt).toBeLessThanOrEqual(Date.now() + 5 * 60_000)

    const paused = await (await timer({ action: 'pause' })).json()
    expect(paused.timer).toMatchObject({ status: 'paused', endsAt: null })
    const conflict = await timer({ action: 'pause' })
    expect(conflict.status).toBe(409)
    expect((await conflict.json()).errors.action).toBe('De timer loopt niet, dus pauzeren kan niet.')

    const longer = await (await timer({ action: 'addMinute' })).json()
    expect(longer.timer.remainingMs).toBe(paused.timer.remainingMs + 60_000)
    const resumed = await (await timer({ action: 'resume' })).json()
    expect(resumed.timer.status).toBe('running')
    expect((await timer({ action: 'stop' })).status).toBe(200)
    expect((await timer({ action: 'stop' })).status).toBe(409)
  })

  it('keeps every change in the timeline, with who made it', () => {
    const events = db()
      .select()
      .from(sessionEvents)
      .where(eq(sessionEvents.workshopSessionId, session.id))
      .orderBy(sessionEvents.id)
      .all()
    expect(events.map((e) => [e.kind, JSON.parse(e.data).phase ?? JSON.parse(e.data).action])).toEqual([
      ['phase', 'definieren'],
      ['timer', 'start'],
      ['timer', 'pause'],
      ['timer', 'addMinute'],
      ['timer', 'resume'],
      ['timer', 'stop'],
    ])
    expect(new Set(events.map((e) => e.bySubject))).toEqual(new Set([`u:${owner.user.id}`]))
  })
})

describe('closing and reopening', () => {
  it('turns participants read-only on the canvas, stops the join code and reopens', async () => {
    const ws = await openSocket(session.roomId, parent.cookie)
    await waitFor(() => collab.connectedPeers(session.roomId).length === 1, 'participant connected')
    expect(collab.connectedPeers(session.roomId)[0].mode).toBe('edit')
    const kicked = closed(ws)

    const res = await post(closeRoute, 'close', session.id, owner.cookie, {})
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ closed: true })
    // Their connection is closed so it comes back in the mode that now applies.
    expect(await kicked).toEqual({ code: 4012, reason: 'Werksessie gesloten' })

    const reader = await openSocket(session.roomId, parent.cookie)
    await waitFor(() => collab.connectedPeers(session.roomId).length === 1, 'participant back')
    expect(collab.connectedPeers(session.roomId)[0].mode).toBe('read')
    const denied = new Promise<void>((resolve) => reader.once('message', () => resolve()))
    reader.send(updateFrame())
    await denied
    expect(roomUpdateCount(db(), session.roomId)).toBe(0)

    const join = await joinSession(db(), { joinCode: session.joinCode, role: 'ouder' }, null, '10.9.9.9')
    expect(join).toMatchObject({ ok: false, status: 410 })
    // The state says so, and closing twice changes nothing.
    expect(await (await getState(session.id, parent.cookie)).json()).toMatchObject({ closed: true })
    expect((await post(closeRoute, 'close', session.id, owner.cookie, {})).status).toBe(200)

    const readerKicked = closed(reader)
    expect(await (await post(reopenRoute, 'reopen', session.id, owner.cookie, {})).json()).toMatchObject({
      closed: false,
    })
    expect((await readerKicked).code).toBe(4012)
    const writer = await openSocket(session.roomId, parent.cookie)
    await waitFor(() => collab.connectedPeers(session.roomId)[0]?.mode === 'edit', 'edit mode again')
    writer.close()
    expect(await joinSession(db(), { joinCode: session.joinCode, role: 'ouder' }, null, '10.9.9.10')).toMatchObject({
      ok: true,
    })
    const kinds = db()
      .select({ kind: sessionEvents.kind })
      .from(sessionEvents)
      .where(eq(sessionEvents.workshopSessionId, session.id))
      .all()
      .map((e) => e.kind)
    expect(kinds.filter((k) => k === 'close' || k === 'reopen')).toEqual(['close', 'reopen'])
  })
})

describe('removing a participant', () => {
  it('closes their connections, ends their cookie and counts them as joined, not connected', async () => {
    const leaver = await participant(session)
    const ws = await openSocket(session.roomId, leaver.cookie)
    await waitFor(() => control.connectedSubjects(session.roomId).includes(`p:${leaver.id}`), 'connected')
    const before = peopleOverview(db(), control, session)
    expect(before.participants.find((p) => p.id === leaver.id)).toMatchObject({ connected: true, removed: false })
    const kicked = closed(ws)

    expect(removeParticipant(db(), control, session, leaver.id, `u:${owner.user.id}`)).toMatchObject({ ok: true })
    expect(await kicked).toEqual({ code: 4403, reason: 'Verwijderd door de begeleider' })
    expect(await upgradeStatus(`${url}/${session.roomId}`, { cookie: leaver.cookie })).toBe(403)
    const res = await getState(session.id, leaver.cookie)
    expect(res.status).toBe(403)
    expect((await res.json()).message).toMatch(/^Je doet niet meer mee/)

    const after = peopleOverview(db(), control, session)
    expect(after.participants.find((p) => p.id === leaver.id)).toMatchObject({ connected: false, removed: true })
    expect(after.perRole).toEqual([{ role: 'ouder', connected: 0, joined: after.participants.length }])
    expect(removeParticipant(db(), control, session, 'someone-else', 'u:x')).toMatchObject({ status: 404 })
  })
})

describe('the people API', () => {
  it('lists who takes part for facilitators, removes one with DELETE, and refuses participants', async () => {
    const other = await participant(session)
    expect((await participantsRoute(args('participants', session.id, parent.cookie))).status).toBe(403)
    const list = (await participantsRoute(args('participants', session.id, owner.cookie))) as Response
    expect(list.status).toBe(200)
    expect((await list.json()).participants).toContainEqual(expect.objectContaining({ id: other.id, removed: false }))
    const remove = (cookie: string | undefined, participantId: string) =>
      removeRoute({
        request: new Request(`http://localhost/api/v1/sessions/${session.id}/participants/${participantId}`, {
          method: 'DELETE',
          headers: cookie ? { Cookie: cookie } : {},
        }),
        params: { id: session.id, participantId },
        context: { collab: control, clientAddress: '127.0.0.1' },
      }) as Promise<Response>
    expect((await remove(undefined, other.id)).status).toBe(401)
    expect((await remove(parent.cookie, other.id)).status).toBe(403)
    expect((await remove(owner.cookie, 'not-a-participant')).status).toBe(404)
    const removed = await remove(owner.cookie, other.id)
    expect(removed.status).toBe(200)
    expect(await removed.json()).toEqual({ removed: other.id })
    expect((await getState(session.id, other.cookie)).status).toBe(403)
  })
})

describe('co-facilitators', () => {
  it('are invited by the owner only, see the session in their list and may run it', async () => {
    expect(inviteCoFacilitator(db(), co.user, session, { email: stranger.user.email })).toMatchObject({ status: 403 })
    expect(inviteCoFacilitator(db(), owner.user, session, { email: 'nobody@example.nl' })).toMatchObject({
      status: 404,
      errors: { email: 'settings.error.noAccount' },
    })
    expect(inviteCoFacilitator(db(), owner.user, session, { email: owner.user.email })).toMatchObject({ status: 400 })
    expect((await post(phaseRoute, 'phase', session.id, co.cookie, { phase: 'ideeen' })).status).toBe(403)

    expect(inviteCoFacilitator(db(), owner.user, session, { email: ' Lifecycle-Co@example.nl ' })).toMatchObject({
      ok: true,
    })
    expect(inviteCoFacilitator(db(), owner.user, session, { email: co.user.email })).toMatchObject({ status: 409 })
    // The same over HTTP: the co-facilitator may not invite others, the owner gets 409 for a repeat.
    const invite = (cookie: string) =>
      post(inviteRoute, 'facilitators', session.id, cookie, { email: stranger.user.email })
    expect((await invite(co.cookie)).status).toBe(403)
    expect((await invite(owner.cookie)).status).toBe(201)
    expect((await invite(owner.cookie)).status).toBe(409)
    expect(listSessionsOf(db(), co.user.id).map((s) => s.session.id)).toContain(session.id)
    expect((await post(phaseRoute, 'phase', session.id, co.cookie, { phase: 'ideeen' })).status).toBe(200)
    expect(await upgradeStatus(`${url}/${session.roomId}`, { cookie: co.cookie })).toBe(101)
  })
})

describe('the live channel', () => {
  it('sends the state at once and again on every change, and refuses who may not see it', async () => {
    const abort = new AbortController()
    const request = new Request(`http://localhost/api/v1/sessions/${session.id}/events`, {
      headers: { Cookie: parent.cookie },
      signal: abort.signal,
    })
    const res = (await eventsRoute({ request, params: { id: session.id }, context: {} as never })) as Response
    expect(res.headers.get('Content-Type')).toMatch(/^text\/event-stream/)
    expect(res.headers.get('Cache-Control')).toContain('no-transform')
    const reader = res.body!.getReader()
    const decoder = new TextDecoder()
    let buffer = ''
    const nextState = async () => {
      for (;;) {
        const match = /event: state\ndata: (.*)\n\n/.exec(buffer)
        if (match) {
          buffer = buffer.slice(match.index + match[0].length)
          return JSON.parse(match[1])
        }
        const { value, done } = await reader.read()
        if (done) throw new Error('stream ended')
        buffer += decoder.decode(value, { stream: true })
      }
    }
    expect(await nextState()).toMatchObject({ phase: 'ideeen' })
    await post(phaseRoute, 'phase', session.id, owner.cookie, { phase: 'prototype' })
    expect(await nextState()).toMatchObject({ phase: 'prototype' })
    await post(timerRoute, 'timer', session.id, owner.cookie, { action: 'start', minutes: 3 })
    expect((await nextState()).timer.status).toBe('running')
    abort.abort()

    const refused = (await eventsRoute({
      request: new Request(`http://localhost/api/v1/sessions/${session.id}/events`),
      params: { id: session.id },
      context: {} as never,
    })) as Response
    expect(refused.status).toBe(401)
  })
})
