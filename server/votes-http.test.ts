import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ballots } from '../db/schema'
import { eq } from 'drizzle-orm'
import { startSession } from '../app/auth/session.server'
import { createUser } from '../app/auth/users.server'
import { getRecordMap } from '../app/canvas/y-records'
import { db } from '../app/db.server'
import * as startRoute from '../app/routes/api.v1.sessions.$id.votes'
import * as ballotRoute from '../app/routes/api.v1.sessions.$id.votes.$voteId.ballots'
import * as endRoute from '../app/routes/api.v1.sessions.$id.votes.$voteId.end'
import * as viewRoute from '../app/routes/api.v1.sessions.$id.votes.$voteId'
import { createSession, joinSession } from '../app/sessions/commands.server'
import { boardRecords } from '../app/votes/test-fixtures'
import { noteVoteMeta } from '../app/votes/vote-notes'
import { routeHandler, testCollabControl, type Route } from './test-routes'
import { connect, startServer, token, waitFor, waitSynced, type TestServer } from './collab/test-support'
import type { NewWorkshopSession } from '../app/sessions/sessions.server'

/**
 * The vote limit under attack, end to end: the real room server holds the canvas (written by a
 * real Yjs client), the real route handlers answer over a real HTTP server, and two participants
 * with their own cookies fire many ballot requests at once.
 */
const routes: [RegExp, Route][] = [
  [/^\/api\/v1\/sessions\/([^/]+)\/votes$/, startRoute],
  [/^\/api\/v1\/sessions\/([^/]+)\/votes\/([^/]+)\/ballots$/, ballotRoute],
  [/^\/api\/v1\/sessions\/([^/]+)\/votes\/([^/]+)\/end$/, endRoute],
  [/^\/api\/v1\/sessions\/([^/]+)\/votes\/([^/]+)$/, viewRoute],
]

let rooms: TestServer
let api: http.Server
let base: string
let session: NewWorkshopSession
let fien: string
const parents: string[] = []
const collab = () => testCollabControl(rooms)

const post = (path: string, cookie: string, body: unknown = {}) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { Cookie: cookie, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })

beforeAll(async () => {
  rooms = await startServer('unused', { db: db() })
  api = http.createServer(routeHandler(routes, () => base, collab))
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(api.address() as AddressInfo).port}`
  const user = await createUser(db(), { email: 'votes-http@example.nl', password: 'een lang wachtwoord', name: 'Fien' })
  fien = (await startSession(db(), user.id)).split(';')[0]
  const created = createSession(db(), user, { title: 'Stemmen onder druk' })
  if (!created.ok) throw new Error('no session')
  session = created.value
  for (const address of ['198.51.100.10', '198.51.100.11']) {
    const joined = await joinSession(db(), { joinCode: session.joinCode, role: 'ouder' }, null, address)
    if (!joined.ok) throw new Error('no join')
    parents.push(joined.setCookie!.split(';')[0])
  }
})

afterAll(async () => {
  await new Promise<void>((resolve) => api.close(() => resolve()))
  await rooms.close()
})

describe('the vote limit over HTTP', () => {
  it('holds for two participants firing ballots in parallel, and the counts reach every canvas', async () => {
    const facilitator = connect(rooms.url, session.roomId, token(session.roomId, `u:${session.facilitatorId}`))
    const bystander = connect(rooms.url, session.roomId, token(session.roomId, 'p:bystander'))
    try {
      await Promise.all([waitSynced(facilitator), waitSynced(bystander)])
      const records = getRecordMap(facilitator.doc)
      facilitator.doc.transact(() => {
        for (const record of boardRecords()) records.set(record.id, record)
      })
      await waitFor(() => getRecordMap(bystander.doc).has('shape:buurtkamer'), 'the board reaches the bystander')

      const started = await post(`/api/v1/sessions/${session.id}/votes`, fien, {
        votesPerPerson: 3,
        frameId: 'shape:frame',
      })
      expect(started.status).toBe(201)
      const { voteId } = (await started.json()) as { voteId: string }
      const before = Y.encodeStateVector(bystander.doc)

      const notes = ['shape:moeders', 'shape:taal', 'shape:buurtkamer']
      const answers = await Promise.all(
        parents.flatMap((cookie) =>
          Array.from({ length: 30 }, (_, i) =>
            post(`/api/v1/sessions/${session.id}/votes/${voteId}/ballots`, cookie, { shapeId: notes[i % 3] }),
          ),
        ),
      )
      const statuses = answers.map((r) => r.status)
      expect(statuses.filter((s) => s === 201)).toHaveLength(6)
      expect(statuses.filter((s) => s === 409)).toHaveLength(54)
      const perVoter = new Map<string, number>()
      for (const b of db().select().from(ballots).where(eq(ballots.voteId, voteId)).all())
        perVoter.set(b.voter, (perVoter.get(b.voter) ?? 0) + 1)
      expect([...perVoter.values()]).toEqual([3, 3])
      for (const cookie of parents) {
        const mine = await fetch(`${base}/api/v1/sessions/${session.id}/votes/${voteId}`, {
          headers: { Cookie: cookie },
        })
        expect(await mine.json()).toMatchObject({ votesLeft: 0 })
      }
      // ballots are not in the shared document: nothing reached the canvas while people voted
      expect(Y.encodeStateVector(bystander.doc)).toEqual(before)

      const ended = await post(`/api/v1/sessions/${session.id}/votes/${voteId}/end`, fien)
      const { results } = (await ended.json()) as { results: { shapeId: string; count: number }[] }
      expect(results.reduce((sum, r) => sum + r.count, 0)).toBe(6)
      expect(results.map((r) => r.count)).toEqual([...results.map((r) => r.count)].sort((a, b) => b - a))
      // the counts arrive on the notes of every open canvas, and are stored with the room
      for (const r of results) {
        await waitFor(
          () => noteVoteMeta((getRecordMap(bystander.doc).get(r.shapeId) as { meta: never }).meta)?.count === r.count,
          `the count of ${r.shapeId} reaches the bystander`,
        )
      }
    } finally {
      facilitator.destroy()
      bystander.destroy()
    }
  })
})
