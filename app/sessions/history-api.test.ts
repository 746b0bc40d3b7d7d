import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { startSession } from '~/auth/session.server'
import { createUser } from '~/auth/users.server'
import { getRecordMap } from '~/canvas/y-records'
import { db } from '~/db.server'
import { loader as historyList } from '~/routes/api.v1.sessions.$id.history'
import { loader as historyMoment } from '~/routes/api.v1.sessions.$id.history.$snapshotId'
import { action as historyRestore } from '~/routes/api.v1.sessions.$id.history.$snapshotId.restore'
import { createSession } from './commands.server'
import type { NewWorkshopSession } from '~/sessions/sessions.server'

/**
 * Who may read and restore a canvas's history through the API. The routes use the process
 * database; the collab server is server/'s (app/ does not import it), so here its history is a
 * plain list over real Y.Docs. The restore itself runs end to end in server/canvas-history.test.ts.
 */
function collabOverDocs() {
  const docs = new Map<string, Y.Doc>()
  const moments: { roomId: string; id: number; takenAt: Date; reason: 'interval' | 'restore'; state: Uint8Array }[] = []
  const docOf = (roomId: string) => docs.get(roomId) ?? docs.set(roomId, new Y.Doc()).get(roomId)!
  const keep = (roomId: string, reason: 'interval' | 'restore') =>
    moments.push({
      roomId,
      id: moments.length + 1,
      takenAt: new Date(Date.now() + moments.length),
      reason,
      state: Y.encodeStateAsUpdate(docOf(roomId)),
    })
  // not annotated, so it fits CollabControl whatever else that offers (it is checked where it is passed)
  const control = {
    deleteRoom: () => {},
    endLogin: () => {},
    connectedSubjects: () => [],
    closeSubject: () => 0,
    history: {
      list: (roomId: string) =>
        moments
          .filter((m) => m.roomId === roomId)
          .reverse()
          .map(({ id, takenAt, reason }) => ({ id, takenAt, reason })),
      get: (roomId: string, id: number) => moments.find((m) => m.roomId === roomId && m.id === id)?.state,
    },
    async transact<T>(roomId: string, fn: (doc: Y.Doc) => T, options?: { remember?: 'restore' }): Promise<T> {
      if (options?.remember) keep(roomId, options.remember)
      const doc = docOf(roomId)
      let result!: T
      doc.transact(() => (result = fn(doc)))
      return result
    },
  }
  return { control, docOf, keep }
}

async function facilitator(email: string) {
  const user = await createUser(db(), { email, password: 'een lang wachtwoord', name: 'Fien' })
  const cookie = (await startSession(db(), user.id)).split(';')[0]
  return { user, cookie }
}

let owner: Awaited<ReturnType<typeof facilitator>>
let other: Awaited<ReturnType<typeof facilitator>>
let session: NewWorkshopSession
const collab = collabOverDocs()

beforeAll(async () => {
  owner = await facilitator('history-owner@example.nl')
  other = await facilitator('history-other@example.nl')
  const created = createSession(db(), owner.user, { title: 'Wijkavond' })
  if (!created.ok) throw new Error('no session')
  session = created.value
  getRecordMap(collab.docOf(session.roomId)).set('shape:a', { id: 'shape:a', typeName: 'shape', x: 1 })
  collab.keep(session.roomId, 'interval')
  getRecordMap(collab.docOf(session.roomId)).delete('shape:a')
})

function args(path: string, params: Record<string, string>, cookie?: string, method = 'GET') {
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {}
  if (method === 'POST') headers['Content-Type'] = 'application/json'
  return {
    params,
    request: new Request(`http://localhost${path}`, { method, headers, body: method === 'POST' ? '{}' : undefined }),
    context: { collab: collab.control, clientAddress: '127.0.0.1' },
  }
}

const list = (id: string, cookie?: string) =>
  historyList(args(`/api/v1/sessions/${id}/history`, { id }, cookie)) as Promise<Response>
const one = (id: string, snapshotId: string, cookie?: string) =>
  historyMoment(args(`/api/v1/sessions/${id}/history/${snapshotId}`, { id, snapshotId }, cookie)) as Promise<Response>
const restore = (id: string, snapshotId: string, cookie?: string) =>
  historyRestore(
    args(`/api/v1/sessions/${id}/history/${snapshotId}/restore`, { id, snapshotId }, cookie, 'POST'),
  ) as Promise<Response>

describe('the history API', () => {
  it('lists the moments, newest first, for the facilitator of the session', async () => {
    const res = await list(session.id, owner.cookie)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.moments).toEqual([{ id: 1, takenAt: expect.any(String), reason: 'interval', shapeCount: 1 }])
    expect(new Date(body.moments[0].takenAt).toISOString()).toBe(body.moments[0].takenAt)
  })

  it('gives one moment with its records', async () => {
    const res = await one(session.id, '1', owner.cookie)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ id: 1, shapeCount: 1, records: [{ id: 'shape:a', x: 1 }] })
  })

  it('restores a moment as a new change and keeps the canvas of just before', async () => {
    const res = await restore(session.id, '1', owner.cookie)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ restored: 1, written: 1, deleted: 0 })
    expect(getRecordMap(collab.docOf(session.roomId)).get('shape:a')).toMatchObject({ x: 1 })
    const moments = (await (await list(session.id, owner.cookie)).json()).moments
    expect(moments[0]).toMatchObject({ reason: 'restore', shapeCount: 0 })
  })

  it('answers 401 without a login, 403 to another facilitator and 404 for what does not exist', async () => {
    const calls = [
      (cookie?: string, id = session.id) => list(id, cookie),
      (cookie?: string, id = session.id) => one(id, '1', cookie),
      (cookie?: string, id = session.id) => restore(id, '1', cookie),
    ]
    for (const call of calls) {
      const anonymous = await call()
      expect([anonymous.status, (await anonymous.json()).message]).toEqual([401, 'Log eerst in als begeleider.'])
      const forbidden = await call(other.cookie)
      expect([forbidden.status, (await forbidden.json()).message]).toEqual([403, 'Dit is niet jouw werksessie.'])
      expect((await call(owner.cookie, 'no-such-session')).status).toBe(404)
    }
    for (const snapshot of ['999', 'abc', '0', '-1']) {
      const missing = await one(session.id, snapshot, owner.cookie)
      expect([missing.status, (await missing.json()).message]).toEqual([404, 'Dit moment is er niet (meer).'])
      expect((await restore(session.id, snapshot, owner.cookie)).status).toBe(404)
    }
    // a moment of another session's room is not this session's
    const otherSession = createSession(db(), other.user, { title: 'Elders' })
    if (!otherSession.ok) throw new Error('no session')
    getRecordMap(collab.docOf(otherSession.value.roomId)).set('shape:z', { id: 'shape:z', typeName: 'shape' })
    collab.keep(otherSession.value.roomId, 'interval')
    const theirs = (await (await list(otherSession.value.id, other.cookie)).json()).moments[0].id
    expect((await one(session.id, String(theirs), owner.cookie)).status).toBe(404)
    expect((await restore(session.id, String(theirs), owner.cookie)).status).toBe(404)
  })
})
