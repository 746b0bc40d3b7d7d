import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contributions, sessionLocks, workshopSessions } from '../db/schema'
import { startSession } from '../app/auth/session.server'
import { createUser } from '../app/auth/users.server'
import { readRecords } from '../app/canvas/y-records'
import { db } from '../app/db.server'
import * as listRoute from '../app/routes/api.v1.sessions.$id.contributions'
import * as oneRoute from '../app/routes/api.v1.sessions.$id.contributions.$shapeId'
import { createSession, joinSession } from '../app/sessions/commands.server'
import type { NewWorkshopSession } from '../app/sessions/sessions.server'
import { noteText } from '../app/votes/vote-notes'
import { routeHandler, testCollabControl, type Route } from './test-routes'
import { connect, startServer, token, waitFor, waitSynced, type TestServer } from './collab/test-support'

/**
 * A person's own ideas over HTTP: the real route handlers, the real room server holding the
 * canvas, and a real Yjs client (the facilitator's canvas) that must see every change.
 */
const routes: ([RegExp, Route] | [RegExp, Route, string[]])[] = [
  [/^\/api\/v1\/sessions\/([^/]+)\/contributions$/, listRoute],
  [/^\/api\/v1\/sessions\/([^/]+)\/contributions\/([^/]+)$/, oneRoute, ['id', 'shapeId']],
]

let rooms: TestServer
let api: http.Server
let base: string
let session: NewWorkshopSession
let ouder: string
let ouder2: string
let fien: string

const request = (method: string, path: string, cookie: string, body?: unknown) =>
  fetch(`${base}/api/v1/sessions/${session.id}/contributions${path}`, {
    method,
    headers: { Cookie: cookie, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })

async function joined(address: string) {
  const result = await joinSession(db(), { joinCode: session.joinCode, role: 'ouder' }, null, address)
  if (!result.ok) throw new Error('no join')
  return result.setCookie!.split(';')[0]
}

beforeAll(async () => {
  rooms = await startServer('unused', { db: db() })
  api = http.createServer(
    routeHandler(
      routes,
      () => base,
      () => testCollabControl(rooms),
    ),
  )
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(api.address() as AddressInfo).port}`
  const user = await createUser(db(), { email: 'ideas-http@example.nl', password: 'een lang wachtwoord', name: 'Fien' })
  fien = (await startSession(db(), user.id)).split(';')[0]
  const created = createSession(db(), user, { title: 'Ideeën van ouders' })
  if (!created.ok) throw new Error('no session')
  session = created.value
  ouder = await joined('198.51.100.20')
  ouder2 = await joined('198.51.100.21')
})

afterAll(async () => {
  await new Promise<void>((resolve) => api.close(() => resolve()))
  await rooms.close()
})

const notes = (canvas: ReturnType<typeof connect>) =>
  [...readRecords(canvas.doc).values()].filter(
    (r): r is { id: string; type: string; props: Record<string, unknown> } => (r as { type?: unknown }).type === 'note',
  )

describe('own ideas over HTTP', () => {
  it('sends an idea once however often its key is sent, lists, edits and takes back only one’s own', async () => {
    const canvas = connect(rooms.url, session.roomId, token(session.roomId, `u:${session.facilitatorId}`))
    try {
      await waitSynced(canvas)
      // The same key five times at once (a phone retrying after lost answers): one note.
      const clientKey = 'k3y-of-this-idea-0001'
      const sent = await Promise.all(
        Array.from({ length: 5 }, () =>
          request('POST', '', ouder, { text: 'Koffie bij school', source: 'phone', clientKey }),
        ),
      )
      const statuses = sent.map((r) => r.status).sort()
      expect(statuses).toEqual([200, 200, 200, 200, 201])
      const ids = new Set(await Promise.all(sent.map(async (r) => ((await r.json()) as { shapeId: string }).shapeId)))
      expect(ids.size).toBe(1)
      const [shapeId] = [...ids]
      await waitFor(() => notes(canvas).some((n) => n.id === shapeId), 'the note on the canvas')
      expect(notes(canvas).filter((n) => noteText(n.props).includes('Koffie bij school'))).toHaveLength(1)
      expect(noteText(notes(canvas).find((n) => n.id === shapeId)!.props).split('\n')[0]).toBe('Ouder')

      // A second idea without a key, and one of the other parent.
      expect((await request('POST', '', ouder, { text: 'Oppas bij de taalles', source: 'phone' })).status).toBe(201)
      const theirs = (await (await request('POST', '', ouder2, { text: 'Fietsles' })).json()) as { shapeId: string }

      const list = (await (await request('GET', '', ouder)).json()) as {
        contributions: { shapeId: string; text: string }[]
      }
      expect(list.contributions.map((c) => c.text)).toEqual(['Oppas bij de taalles', 'Koffie bij school'])

      // Edit: the new text on the canvas, under the same role label.
      const edited = await request('PATCH', `/${encodeURIComponent(shapeId)}`, ouder, {
        text: 'Koffie bij school, elke week',
      })
      expect(edited.status).toBe(200)
      expect(await edited.json()).toMatchObject({ shapeId, text: 'Koffie bij school, elke week' })
      await waitFor(
        () => notes(canvas).some((n) => n.id === shapeId && noteText(n.props).endsWith('elke week')),
        'the edit on the canvas',
      )
      expect(noteText(notes(canvas).find((n) => n.id === shapeId)!.props)).toBe('Ouder\nKoffie bij school, elke week')

      // Someone else's idea: 404 for changing and deleting; bad input: 400 per field.
      const path = `/${encodeURIComponent(theirs.shapeId)}`
      expect((await request('PATCH', path, ouder, { text: 'Van mij nu' })).status).toBe(404)
      expect((await request('DELETE', path, ouder)).status).toBe(404)
      const empty = await request('PATCH', `/${encodeURIComponent(shapeId)}`, ouder, { text: '  ' })
      expect(empty.status).toBe(400)
      expect(((await empty.json()) as { errors: Record<string, string> }).errors.text).toBe('Schrijf eerst je idee op.')
      const badKey = await request('POST', '', ouder, { text: 'x', clientKey: 'kort' })
      expect(badKey.status).toBe(400)
      expect(((await badKey.json()) as { errors: Record<string, string> }).errors.clientKey).toBeTruthy()

      // Locked frame or canvas: refused as on the canvas; the facilitator may still.
      db().update(workshopSessions).set({ lockedAll: true }).where(eq(workshopSessions.id, session.id)).run()
      expect((await request('DELETE', `/${encodeURIComponent(shapeId)}`, ouder)).status).toBe(403)
      db().update(workshopSessions).set({ lockedAll: false }).where(eq(workshopSessions.id, session.id)).run()
      db().delete(sessionLocks).where(eq(sessionLocks.workshopSessionId, session.id)).run()

      // Take back: off the canvas, out of the list, marked in the summary's rows.
      expect((await request('DELETE', `/${encodeURIComponent(shapeId)}`, ouder)).status).toBe(204)
      await waitFor(() => !notes(canvas).some((n) => n.id === shapeId), 'the note gone from the canvas')
      const after = (await (await request('GET', '', ouder)).json()) as { contributions: { text: string }[] }
      expect(after.contributions.map((c) => c.text)).toEqual(['Oppas bij de taalles'])
      const row = db()
        .select()
        .from(contributions)
        .where(and(eq(contributions.workshopSessionId, session.id), eq(contributions.shapeId, shapeId)))
        .get()!
      expect(row.deletedAt).not.toBeNull()
      // Its key stays used: sent again, it finds the taken-back idea and places nothing new.
      const again = await request('POST', '', ouder, { text: 'Koffie bij school', clientKey })
      expect(again.status).toBe(200)
      expect(notes(canvas).some((n) => n.id === shapeId)).toBe(false)
      expect((await request('DELETE', `/${encodeURIComponent(shapeId)}`, ouder)).status).toBe(404)

      // Nobody else: no cookie is 401.
      expect((await request('GET', '', '')).status).toBe(401)
      expect((await request('GET', '', fien)).status).toBe(200)
    } finally {
      canvas.destroy()
    }
  })
})
