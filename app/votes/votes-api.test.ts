import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { startSession } from '~/auth/session.server'
import { createUser } from '~/auth/users.server'
import { readRecords, writeRecords } from '~/canvas/y-records'
import { db } from '~/db.server'
import { action as startRoute, loader as listRoute } from '~/routes/api.v1.sessions.$id.votes'
import { loader as viewRoute } from '~/routes/api.v1.sessions.$id.votes.$voteId'
import { action as ballotRoute } from '~/routes/api.v1.sessions.$id.votes.$voteId.ballots'
import { action as takeBackRoute } from '~/routes/api.v1.sessions.$id.votes.$voteId.ballots.$shapeId'
import { action as endRoute } from '~/routes/api.v1.sessions.$id.votes.$voteId.end'
import { createSession, joinSession } from '~/sessions/commands.server'
import { sessionState } from '~/sessions/session-state.server'
import { getWorkshopSession, type NewWorkshopSession } from '~/sessions/sessions.server'
import { boardRecords } from './test-fixtures'
import { noteVoteMeta } from './vote-notes'

/**
 * The vote rules through the real route handlers on the process database. The collab server is
 * server/'s (app/ does not import it): here a room is a real Y.Doc behind the same transact;
 * server/votes-http.test.ts runs the limit over HTTP against the real room server.
 */
const docs = new Map<string, Y.Doc>()
const docOf = (roomId: string) => docs.get(roomId) ?? docs.set(roomId, new Y.Doc()).get(roomId)!
const collab = {
  deleteRoom: () => {},
  endLogin: () => {},
  connectedSubjects: () => [],
  closeSubject: () => 0,
  history: { list: () => [], get: () => undefined },
  async transact<T>(roomId: string, fn: (doc: Y.Doc) => T): Promise<T> {
    const doc = docOf(roomId)
    let result!: T
    doc.transact(() => (result = fn(doc)))
    return result
  },
}

let owner: string
let other: string
let ouder: string
let ouder2: string
let session: NewWorkshopSession

async function facilitatorCookie(email: string) {
  const user = await createUser(db(), { email, password: 'een lang wachtwoord', name: 'Fien' })
  return { user, cookie: (await startSession(db(), user.id)).split(';')[0] }
}

async function join(code: string) {
  const joined = await joinSession(db(), { joinCode: code, role: 'ouder' }, null, `203.0.113.${Math.random() * 200}`)
  if (!joined.ok) throw new Error('join failed')
  return joined.setCookie!.split(';')[0]
}

beforeAll(async () => {
  const fien = await facilitatorCookie('votes-owner@example.nl')
  owner = fien.cookie
  other = (await facilitatorCookie('votes-other@example.nl')).cookie
  const created = createSession(db(), fien.user, { title: 'Stemavond' })
  if (!created.ok) throw new Error('no session')
  session = created.value
  ouder = await join(session.joinCode)
  ouder2 = await join(session.joinCode)
  writeRecords(docOf(session.roomId), new Map(boardRecords().map((r) => [r.id, r])))
})

function call(
  route: (args: never) => unknown,
  method: string,
  path: string,
  params: Record<string, string>,
  cookie?: string,
  body?: unknown,
) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  if (cookie) headers.Cookie = cookie
  const request = new Request(`http://localhost${path}`, {
    method,
    headers,
    body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
  })
  return route({ request, params, context: { collab, clientAddress: '127.0.0.1' } } as never) as Promise<Response>
}

const base = () => `/api/v1/sessions/${session.id}/votes`
const start = (body: unknown, cookie = owner) => call(startRoute, 'POST', base(), { id: session.id }, cookie, body)
const cast = (voteId: string, shapeId: unknown, cookie = ouder) =>
  call(ballotRoute, 'POST', `${base()}/${voteId}/ballots`, { id: session.id, voteId }, cookie, { shapeId })
const takeBack = (voteId: string, shapeId: string, cookie = ouder) =>
  call(takeBackRoute, 'DELETE', `${base()}/${voteId}/ballots/${shapeId}`, { id: session.id, voteId, shapeId }, cookie)
const end = (voteId: string, cookie = owner) =>
  call(endRoute, 'POST', `${base()}/${voteId}/end`, { id: session.id, voteId }, cookie)
const view = async (voteId: string, cookie = ouder) =>
  (await call(viewRoute, 'GET', `${base()}/${voteId}`, { id: session.id, voteId }, cookie)).json()

describe('dot voting', () => {
  it('runs a vote on a frame: dots, the limit, taking back, the end with ranked counts on the notes', async () => {
    const started = await start({ votesPerPerson: 3, frameId: 'shape:frame' })
    expect(started.status).toBe(201)
    const { voteId } = await started.json()
    expect(sessionState(db(), getWorkshopSession(db(), session.id)!).vote).toMatchObject({
      id: voteId,
      frameId: 'shape:frame',
      votesPerPerson: 3,
    })
    // one running vote per session
    const second = await start({ votesPerPerson: 2 })
    expect([second.status, (await second.json()).message]).toEqual([
      409,
      'Er loopt al een stemronde. Sluit die eerst af.',
    ])

    // a parent puts two dots on one note and one on another: then no votes are left
    for (const shapeId of ['shape:taal', 'shape:taal', 'shape:buurtkamer']) {
      expect((await cast(voteId, shapeId)).status).toBe(201)
    }
    const full = await cast(voteId, 'shape:moeders')
    expect([full.status, (await full.json()).message]).toEqual([
      409,
      'Je hebt geen stemmen meer. Neem eerst een stem terug.',
    ])
    expect(await view(voteId)).toMatchObject({
      myBallots: [
        { shapeId: 'shape:buurtkamer', count: 1 },
        { shapeId: 'shape:taal', count: 2 },
      ],
      votesLeft: 0,
      notes: [
        { shapeId: 'shape:moeders', text: 'Inloop voor jonge moeders' },
        { shapeId: 'shape:taal', text: 'Taalles op school' },
        { shapeId: 'shape:buurtkamer', text: 'Buurtkamer\nop woensdag' },
      ],
      results: null,
    })
    // each person sees only their own dots
    expect(await view(voteId, ouder2)).toMatchObject({ myBallots: [], votesLeft: 3 })

    // taking one back frees a vote; a note without one of your dots answers 404
    const back = await takeBack(voteId, 'shape:taal')
    expect(back.status).toBe(200)
    expect(await back.json()).toMatchObject({
      votesLeft: 1,
      myBallots: [{ shapeId: 'shape:buurtkamer' }, { shapeId: 'shape:taal', count: 1 }],
    })
    const none = await takeBack(voteId, 'shape:moeders')
    expect([none.status, (await none.json()).message]).toEqual([404, 'Je hebt geen stem op deze notitie.'])
    expect((await cast(voteId, 'shape:moeders')).status).toBe(201)

    // the facilitator votes too, and another parent
    expect((await cast(voteId, 'shape:buurtkamer', owner)).status).toBe(201)
    expect((await cast(voteId, 'shape:buurtkamer', ouder2)).status).toBe(201)
    expect(sessionState(db(), getWorkshopSession(db(), session.id)!).vote?.ballots).toBe(5)

    const ended = await end(voteId)
    expect(ended.status).toBe(200)
    expect(await ended.json()).toEqual({
      results: [
        { shapeId: 'shape:buurtkamer', count: 3 },
        { shapeId: 'shape:moeders', count: 1 },
        { shapeId: 'shape:taal', count: 1 },
      ],
    })
    // the counts are on the notes, in the shared document; the stray note has none
    const records = readRecords(docOf(session.roomId)) as Map<string, { meta: Record<string, unknown> }>
    expect(noteVoteMeta(records.get('shape:buurtkamer')!.meta)).toEqual({ voteId, count: 3 })
    expect(noteVoteMeta(records.get('shape:elders')!.meta)).toBeNull()
    expect(sessionState(db(), getWorkshopSession(db(), session.id)!).vote).toBeNull()

    // an ended vote takes no dots and gives none back; ending again gives the same results
    const late = await cast(voteId, 'shape:taal', ouder2)
    expect([late.status, (await late.json()).message]).toEqual([409, 'Deze stemronde is al afgelopen.'])
    expect((await takeBack(voteId, 'shape:taal')).status).toBe(409)
    expect((await (await end(voteId)).json()).results).toHaveLength(3)
    expect((await view(voteId)).results).toEqual([
      { shapeId: 'shape:buurtkamer', count: 3 },
      { shapeId: 'shape:moeders', count: 1 },
      { shapeId: 'shape:taal', count: 1 },
    ])
    const listed = await (await call(listRoute, 'GET', base(), { id: session.id }, ouder)).json()
    expect(listed.votes[0]).toMatchObject({
      id: voteId,
      endedAt: expect.any(String),
      results: [{ shapeId: 'shape:buurtkamer', count: 3, text: 'Buurtkamer\nop woensdag' }, {}, {}],
    })
  })

  it('refuses a shape that is not a note in the vote, and a frame that is not on the canvas', async () => {
    const badFrame = await start({ votesPerPerson: 3, frameId: 'shape:rect' })
    expect([badFrame.status, (await badFrame.json()).errors]).toEqual([
      400,
      { frameId: 'Dat kader staat niet op het canvas.' },
    ])
    for (const votesPerPerson of [0, 21, 2.5, '3']) expect((await start({ votesPerPerson })).status).toBe(400)

    const { voteId } = await (await start({ votesPerPerson: 2, frameId: 'shape:frame' })).json()
    for (const shapeId of ['shape:elders', 'shape:rect', 'shape:frame', 'shape:nothing', 'page:page', 42, '']) {
      const res = await cast(voteId, shapeId)
      expect(res.status, String(shapeId)).toBe(400)
    }
    expect((await cast('no-such-vote', 'shape:taal')).status).toBe(404)
    expect((await end(voteId)).status).toBe(200)

    // a vote on the whole canvas takes the stray note, and the old badges are taken off at its start
    const { voteId: all } = await (await start({ votesPerPerson: 1 })).json()
    const records = readRecords(docOf(session.roomId)) as Map<string, { meta: Record<string, unknown> }>
    expect(noteVoteMeta(records.get('shape:buurtkamer')!.meta)).toBeNull()
    expect((await cast(all, 'shape:elders')).status).toBe(201)
    expect(await (await end(all)).json()).toEqual({ results: [{ shapeId: 'shape:elders', count: 1 }] })
  })

  it('lets only facilitators start and end, and only people in the session vote', async () => {
    const asParent = await start({ votesPerPerson: 3 }, ouder)
    expect([asParent.status, (await asParent.json()).message]).toEqual([403, expect.any(String)])
    expect((await start({ votesPerPerson: 3 }, other)).status).toBe(403)
    expect((await start({ votesPerPerson: 3 }, '')).status).toBe(401)
    const { voteId } = await (await start({ votesPerPerson: 3 })).json()
    expect((await end(voteId, ouder)).status).toBe(403)
    expect((await cast(voteId, 'shape:taal', other)).status).toBe(403)
    expect((await cast(voteId, 'shape:taal', '')).status).toBe(401)
    expect((await end(voteId)).status).toBe(200)
  })

  it('holds the limit when one person sends many ballots at once', async () => {
    const { voteId } = await (await start({ votesPerPerson: 3, frameId: 'shape:frame' })).json()
    const shapes = ['shape:moeders', 'shape:taal', 'shape:buurtkamer']
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => cast(voteId, shapes[i % 3], ouder2)))
    expect(answers.filter((r) => r.status === 201)).toHaveLength(3)
    expect(answers.filter((r) => r.status === 409)).toHaveLength(37)
    expect((await view(voteId, ouder2)).votesLeft).toBe(0)
    expect((await end(voteId)).status).toBe(200)
  })
})
