import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { eq } from 'drizzle-orm'
import { createTLStore, defaultBindingUtils, defaultShapeUtils, type TLRecord } from 'tldraw'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contributions, recordOwners, workshopSessions, type WorkshopSession } from '../db/schema'
import { startSession } from '../app/auth/session.server'
import { createUser } from '../app/auth/users.server'
import { getRecordMap } from '../app/canvas/y-records'
import { db } from '../app/db.server'
import { readRecords } from '../app/facilitation/canvas-writes'
import { shapeBounds } from '../app/facilitation/note-layout'
import * as contributionsRoute from '../app/routes/api.v1.sessions.$id.contributions'
import * as framesRoute from '../app/routes/api.v1.sessions.$id.frames'
import * as templatesRoute from '../app/routes/api.v1.sessions.$id.templates'
import { mainRoomId } from '../app/rooms/rooms.server'
import { createSession, joinSession } from '../app/sessions/commands.server'
import { routeHandler, testCollabControl, type Route } from './test-routes'
import { connect, startServer, token, waitFor, waitSynced, type TestServer } from './collab/test-support'

/**
 * Templates and contributions end to end: the real route handlers over a real HTTP server, the
 * real room server holding the canvas, real Yjs clients watching it, cookies as browsers send them.
 */
const routes: [RegExp, Route][] = [
  [/^\/api\/v1\/sessions\/([^/]+)\/frames$/, framesRoute],
  [/^\/api\/v1\/sessions\/([^/]+)\/contributions$/, contributionsRoute],
  [/^\/api\/v1\/sessions\/([^/]+)\/templates$/, templatesRoute],
]

let rooms: TestServer
let api: http.Server
let base: string
let session: WorkshopSession
let roomId: string
let fien: string
let otherFacilitator: string
const parents: string[] = []
const collab = () => testCollabControl(rooms)

const post = (path: string, cookie: string | undefined, body: unknown) =>
  fetch(`${base}/api/v1/sessions/${session.id}${path}`, {
    method: 'POST',
    headers: { ...(cookie ? { Cookie: cookie } : {}), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })

beforeAll(async () => {
  rooms = await startServer('unused', { db: db() })
  api = http.createServer(routeHandler(routes, () => base, collab))
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(api.address() as AddressInfo).port}`
  const user = await createUser(db(), {
    email: 'templates-http@example.nl',
    password: 'een lang wachtwoord',
    name: 'Fien',
  })
  fien = (await startSession(db(), user.id)).split(';')[0]
  const other = await createUser(db(), {
    email: 'templates-other@example.nl',
    password: 'een lang wachtwoord',
    name: 'Ans',
  })
  otherFacilitator = (await startSession(db(), other.id)).split(';')[0]
  const created = createSession(db(), user, { title: 'Sjablonen en briefjes' })
  if (!created.ok) throw new Error('no session')
  session = created.value
  roomId = mainRoomId(db(), session.id)
  for (const address of ['198.51.100.20', '198.51.100.21']) {
    const joined = await joinSession(db(), { joinCode: session.joinCode, role: 'ouder' }, null, address)
    if (!joined.ok) throw new Error('no join')
    parents.push(joined.setCookie!.split(';')[0])
  }
})

afterAll(async () => {
  await new Promise<void>((resolve) => api.close(() => resolve()))
  await rooms.close()
})

const setPhase = (phase: WorkshopSession['phase']) =>
  db().update(workshopSessions).set({ phase }).where(eq(workshopSessions.id, session.id)).run()

describe('templates and contributions over HTTP', () => {
  it('refuses without credentials (401), for a participant or another facilitator (403), and bad input (400)', async () => {
    expect((await post('/frames', undefined, { template: 'persona' })).status).toBe(401)
    expect((await post('/contributions', undefined, { text: 'Hoi' })).status).toBe(401)
    expect((await post('/frames', parents[0], { template: 'persona' })).status).toBe(403)
    expect((await post('/templates', parents[0], { frameId: 'shape:x', name: 'Mijn kader' })).status).toBe(403)
    expect((await post('/frames', otherFacilitator, { template: 'persona' })).status).toBe(403)
    expect((await post('/contributions', otherFacilitator, { text: 'Hoi' })).status).toBe(403)

    const unknown = await post('/frames', fien, { template: 'bestaat-niet' })
    expect(unknown.status).toBe(400)
    expect(await unknown.json()).toMatchObject({ errors: { template: 'Dit sjabloon bestaat niet.' } })
    const empty = await post('/contributions', parents[0], { text: '   ' })
    expect(empty.status).toBe(400)
    expect(await empty.json()).toMatchObject({ errors: { text: 'Schrijf eerst je idee op.' } })
    expect((await post('/contributions', parents[0], { text: 'x'.repeat(201) })).status).toBe(400)
    expect((await post('/contributions', parents[0], { text: 'Hoi', source: 'fax' })).status).toBe(400)
    const noFrame = await post('/templates', fien, { frameId: 'shape:nope', name: 'Leeg' })
    expect(noFrame.status).toBe(400)
    expect(await noFrame.json()).toMatchObject({ errors: { frameId: 'Dit kader staat niet op het canvas.' } })
  })

  it('places a frame for the step, and two notes sent at once land at different spots in it, on every canvas', async () => {
    const watcher = connect(rooms.url, roomId, token(roomId, 'p:watcher'))
    try {
      await waitSynced(watcher)
      setPhase('ideeen')
      const placed = await post('/frames', fien, { template: 'idea-board' })
      expect(placed.status).toBe(201)
      const { frameId } = (await placed.json()) as { frameId: string }
      await waitFor(() => getRecordMap(watcher.doc).has(frameId), 'the frame reaches the canvas')

      const answers = await Promise.all([
        post('/contributions', parents[0], { text: 'Inloop voor jonge moeders', source: 'phone' }),
        post('/contributions', parents[1], { text: 'Taalles op school' }),
      ])
      expect(answers.map((a) => a.status)).toEqual([201, 201])
      const notes = (await Promise.all(answers.map((a) => a.json()))) as { shapeId: string; private: boolean }[]
      expect(notes.map((n) => n.private)).toEqual([false, false])
      await waitFor(
        () => notes.every((n) => getRecordMap(watcher.doc).has(n.shapeId)),
        'both notes reach the connected canvas',
      )
      const [a, b] = notes.map(
        (n) => getRecordMap(watcher.doc).get(n.shapeId) as Parameters<typeof shapeBounds>[0] & { parentId: string },
      )
      expect(a.parentId).toBe(frameId)
      expect(b.parentId).toBe(frameId)
      const [ra, rb] = [shapeBounds(a), shapeBounds(b)]
      expect(ra.x + ra.w <= rb.x || rb.x + rb.w <= ra.x || ra.y + ra.h <= rb.y || rb.y + rb.h <= ra.y).toBe(true)

      // What the watcher holds is valid for tldraw, as a browser would load it.
      const store = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
      for (const [, value] of getRecordMap(watcher.doc).entries()) {
        expect(() => store.schema.validateRecord(store, value as TLRecord, 'createRecord', null)).not.toThrow()
      }
      // Recorded for the summary, and the notes are their senders' on the canvas.
      const rows = db().select().from(contributions).where(eq(contributions.workshopSessionId, session.id)).all()
      expect(rows.map((r) => [r.phase, r.role, r.source]).sort()).toEqual([
        ['ideeen', 'ouder', 'api'],
        ['ideeen', 'ouder', 'phone'],
      ])
      const owners = db().select().from(recordOwners).where(eq(recordOwners.roomId, roomId)).all()
      expect(
        owners
          .filter((o) => notes.some((n) => n.shapeId === o.recordId))
          .map((o) => o.subject)
          .sort(),
      ).toEqual(rows.map((r) => r.subject).sort())
      expect(owners.find((o) => o.recordId === frameId)?.subject).toBe(`u:${session.facilitatorId}`)
    } finally {
      watcher.destroy()
    }
  })

  it("starts the step's frame when a note comes before any template, and keeps a frame as a reusable template", async () => {
    setPhase('testen')
    const sent = await post('/contributions', parents[0], { text: 'De inloop werkt goed', source: 'canvas' })
    expect(sent.status).toBe(201)
    const { shapeId } = (await sent.json()) as { shapeId: string }
    const frameId = await rooms.collab.transact(roomId, (doc) => {
      const note = readRecords(doc).get(shapeId) as { parentId: string }
      return note.parentId
    })
    const frame = await rooms.collab.transact(roomId, (doc) => readRecords(doc).get(frameId) as { meta: object })
    expect(frame.meta).toMatchObject({ phase: 'testen', template: 'test-feedback' })

    const saved = await post('/templates', fien, { frameId, name: 'Mijn testbord' })
    expect(saved.status).toBe(201)
    const { templateId } = (await saved.json()) as { templateId: string }
    const list = await fetch(`${base}/api/v1/sessions/${session.id}/templates`, { headers: { Cookie: fien } })
    expect(await list.json()).toMatchObject({
      phase: 'testen',
      builtIn: [{ id: 'test-feedback' }],
      saved: [{ id: templateId, name: 'Mijn testbord', phase: 'testen' }],
    })
    // Another facilitator cannot use it; its owner can, as a new frame right of the others.
    expect((await post('/frames', otherFacilitator, { template: templateId })).status).toBe(403)
    const again = await post('/frames', fien, { template: templateId })
    expect(again.status).toBe(201)
    const { frameId: copyId } = (await again.json()) as { frameId: string }
    const [original, copy] = await rooms.collab.transact(roomId, (doc) =>
      [frameId, copyId].map((id) => readRecords(doc).get(id) as Parameters<typeof shapeBounds>[0]),
    )
    expect(shapeBounds(copy).x).toBeGreaterThan(shapeBounds(original).x + shapeBounds(original).w)
  })
})
