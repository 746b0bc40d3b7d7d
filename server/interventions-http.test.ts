import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WorkshopSession } from '../db/schema'
import { getRecordMap } from '../app/canvas/y-records'
import { db } from '../app/db.server'
import {
  isShape,
  labelledRichText,
  readRecords,
  writeRecords,
  type ShapeRecord,
} from '../app/facilitation/canvas-writes'
import * as framesRoute from '../app/routes/api.v1.sessions.$id.frames'
import * as contributionsRoute from '../app/routes/api.v1.sessions.$id.contributions'
import * as listRoute from '../app/routes/api.v1.interventions'
import * as oneRoute from '../app/routes/api.v1.interventions.$id'
import * as targetsRoute from '../app/routes/api.v1.interventions.$id.targets'
import * as measurementsRoute from '../app/routes/api.v1.interventions.$id.measurements'
import * as versionsRoute from '../app/routes/api.v1.interventions.$id.versions'
import * as compareRoute from '../app/routes/api.v1.interventions.$id.versions.compare'
import * as restoreRoute from '../app/routes/api.v1.interventions.$id.versions.$number.restore'
import * as statusRoute from '../app/routes/api.v1.interventions.$id.status'
import * as membersRoute from '../app/routes/api.v1.interventions.$id.members'
import * as exportRoute from '../app/routes/api.v1.interventions.$id.export'
import * as importRoute from '../app/routes/api.v1.interventions.import'
import * as metricsRoute from '../app/routes/api.v1.metrics'
import { mainRoomId } from '../app/rooms/rooms.server'
import { createSession } from '../app/sessions/commands.server'
import { importBundledData } from '../app/wijken/import/import.server'
import { facilitatorLogin, joinedParent } from './app-rooms.test-support'
import { connect, startServer, token, waitFor, waitSynced, type TestServer } from './collab/test-support'
import { routeHandler, testCollabControl, type Route } from './test-routes'

/**
 * Interventions over HTTP (issue 10): the real route modules on a real HTTP server, the real room
 * server holding the werksessie's canvas, a real Yjs client watching it, cookies as browsers send them.
 */
const routes: [RegExp, Route, string[]][] = [
  [/^\/api\/v1\/sessions\/([^/]+)\/frames$/, framesRoute, ['id']],
  [/^\/api\/v1\/sessions\/([^/]+)\/contributions$/, contributionsRoute, ['id']],
  [/^\/api\/v1\/metrics$/, metricsRoute, []],
  [/^\/api\/v1\/interventions$/, listRoute, []],
  [/^\/api\/v1\/interventions\/import$/, importRoute, []],
  [/^\/api\/v1\/interventions\/([^/]+)$/, oneRoute, ['id']],
  [/^\/api\/v1\/interventions\/([^/]+)\/targets$/, targetsRoute, ['id']],
  [/^\/api\/v1\/interventions\/([^/]+)\/measurements$/, measurementsRoute, ['id']],
  [/^\/api\/v1\/interventions\/([^/]+)\/status$/, statusRoute, ['id']],
  [/^\/api\/v1\/interventions\/([^/]+)\/members$/, membersRoute, ['id']],
  [/^\/api\/v1\/interventions\/([^/]+)\/export$/, exportRoute, ['id']],
  [/^\/api\/v1\/interventions\/([^/]+)\/versions$/, versionsRoute, ['id']],
  [/^\/api\/v1\/interventions\/([^/]+)\/versions\/compare$/, compareRoute, ['id']],
  [/^\/api\/v1\/interventions\/([^/]+)\/versions\/(\d+)\/restore$/, restoreRoute, ['id', 'number']],
]

let rooms: TestServer
let api: http.Server
let base: string
let session: WorkshopSession
let roomId: string
let fien: string
let ans: string
let parent: string
let frameId: string
let noteId: string
let interventionId: string

function call(method: string, path: string, cookie?: string, body?: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}${path}`, {
    method,
    headers: {
      ...(cookie ? { Cookie: cookie } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}
const get = (path: string, cookie?: string) => call('GET', path, cookie)
const post = (path: string, cookie: string | undefined, body: unknown, headers?: Record<string, string>) =>
  call('POST', path, cookie, body, headers)
const iv = (rest = '') => `/api/v1/interventions/${interventionId}${rest}`

const inAYear = () => new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString().slice(0, 10)

beforeAll(async () => {
  importBundledData(db())
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
  const owner = await facilitatorLogin('interventies-fien@example.nl')
  fien = owner.cookie
  ans = (await facilitatorLogin('interventies-ans@example.nl')).cookie
  const created = createSession(db(), owner.user, { title: 'Samen sterk in de Binnenstad', wijkCode: 'WK079601' })
  if (!created.ok) throw new Error('no session')
  session = created.value
  roomId = mainRoomId(db(), session.id)
  parent = (await joinedParent(session, '198.51.100.40')).cookie
  const placed = await post(`/api/v1/sessions/${session.id}/frames`, fien, { template: 'idea-board' })
  frameId = ((await placed.json()) as { frameId: string }).frameId
  const note = await post(`/api/v1/sessions/${session.id}/contributions`, parent, { text: 'Inloop voor jonge moeders' })
  noteId = ((await note.json()) as { shapeId: string }).shapeId
})

afterAll(async () => {
  await new Promise<void>((resolve) => api.close(() => resolve()))
  await rooms.close()
})

/** Changes the note's text in the room, as a browser would (one server write, relayed like any other). */
const setNoteText = (text: string) =>
  testCollabControl(rooms).transact(roomId, (doc) => {
    const records = readRecords(doc)
    const note = records.get(noteId)
    if (!isShape(note)) throw new Error('no note')
    const changed: ShapeRecord = { ...note, props: { ...note.props, richText: labelledRichText('Ouder', text) } }
    writeRecords(doc, records, [changed])
  })

describe('interventions over HTTP', () => {
  it('starts an intervention from a prototype frame, which then says so on every canvas', async () => {
    const watcher = connect(rooms.url, roomId, token(roomId, 'p:watcher'))
    try {
      await waitSynced(watcher)
      const bad = await post('/api/v1/interventions', fien, { title: '', question: 'x', wijkCodes: ['nope'] })
      expect(bad.status).toBe(400)
      const errors = ((await bad.json()) as { errors: Record<string, string> }).errors
      expect(Object.keys(errors)).toEqual(expect.arrayContaining(['title', 'wijkCodes']))
      expect((await post('/api/v1/interventions', undefined, { title: 'x' })).status).toBe(401)
      const otherSession = await post('/api/v1/interventions', ans, {
        title: 'Overname',
        question: 'Hoe kunnen wij …?',
        wijkCodes: ['WK079601'],
        sessionId: session.id,
        frameId,
      })
      expect(otherSession.status).toBe(400)

      const created = await post('/api/v1/interventions', fien, {
        title: 'Samen naar het consultatiebureau',
        question: 'Hoe kunnen wij jonge moeders eerder bereiken?',
        wijkCodes: ['WK079601'],
        place: 'consultatiebureau',
        sessionId: session.id,
        frameId,
      })
      expect(created.status).toBe(201)
      interventionId = ((await created.json()) as { id: string }).id
      await waitFor(
        () =>
          (getRecordMap(watcher.doc).get(frameId) as { meta?: { interventionId?: string } })?.meta?.interventionId ===
          interventionId,
        'the frame carries the link',
      )
      const again = await post('/api/v1/interventions', fien, {
        title: 'Nog een',
        question: 'Hoe kunnen wij …?',
        wijkCodes: ['WK079601'],
        sessionId: session.id,
        frameId,
      })
      expect(again.status).toBe(409)
    } finally {
      watcher.destroy()
    }
  })

  it('lets the team edit, a participant of the linked werksessie read, and nobody else in', async () => {
    expect((await get(iv())).status).toBe(401)
    expect((await get(iv(), ans)).status).toBe(403)
    const asParent = await get(iv(), parent)
    expect(asParent.status).toBe(200)
    expect(await asParent.json()).toMatchObject({ canEdit: false, status: 'idee' })
    expect((await post(iv('/status'), parent, { status: 'prototype', reason: 'x' })).status).toBe(401)
    expect((await get('/api/v1/interventions', parent)).status).toBe(200)
    expect((await post(iv('/members'), fien, { email: 'niemand@example.nl' })).status).toBe(404)
    expect((await post(iv('/members'), fien, { email: 'interventies-ans@example.nl' })).status).toBe(201)
    expect(await (await get(iv(), ans)).json()).toMatchObject({ canEdit: true, team: [{ name: 'interventies-ans' }] })
  })

  it('keeps every status change with who, when and why, and only allowed steps', async () => {
    expect((await post(iv('/status'), fien, { status: 'geborgd', reason: 'te vroeg' })).status).toBe(400)
    expect((await post(iv('/status'), fien, { status: 'prototype', reason: '' })).status).toBe(400)
    expect(
      (await post(iv('/status'), fien, { status: 'prototype', reason: 'Eerste schets op het canvas' })).status,
    ).toBe(201)
    const view = (await (await get(iv(), fien)).json()) as {
      status: string
      statusHistory: { to: string; reason: string; by: string }[]
    }
    expect(view.status).toBe('prototype')
    expect(view.statusHistory.at(-1)).toMatchObject({
      to: 'prototype',
      reason: 'Eerste schets op het canvas',
      by: 'interventies-fien',
    })
  })

  it('takes a baseline from the wijk data with its cell, or by hand with a source, and refuses wrong targets per field', async () => {
    const metrics = (await (await get('/api/v1/metrics')).json()) as { metrics: { code: string }[] }
    expect(metrics.metrics.map((m) => m.code)).toEqual(
      expect.arrayContaining([
        'uithuisplaatsing',
        'jeugdbescherming',
        'jeugdzorg',
        'speciaal-onderwijs',
        'eindtoets-1f',
      ]),
    )
    const fromData = await post(iv('/targets'), fien, {
      metric: 'jeugdzorg',
      direction: 'lower',
      targetValue: 30,
      targetDate: inAYear(),
    })
    expect(fromData.status).toBe(201)
    const wrongSide = await post(iv('/targets'), fien, {
      metric: 'jeugdzorg',
      direction: 'lower',
      targetValue: 60,
      targetDate: inAYear(),
    })
    expect(wrongSide.status).toBe(400)
    expect(Object.keys(((await wrongSide.json()) as { errors: object }).errors)).toContain('targetValue')
    const past = await post(iv('/targets'), fien, {
      metric: 'jeugdzorg',
      direction: 'lower',
      targetValue: 30,
      targetDate: '2020-01-01',
    })
    expect(Object.keys(((await past.json()) as { errors: object }).errors)).toContain('targetDate')
    const noSource = await post(iv('/targets'), fien, {
      metric: 'speciaal-onderwijs',
      direction: 'lower',
      baseline: { value: 4.1 },
      targetValue: 3,
      targetDate: inAYear(),
    })
    expect(noSource.status).toBe(400)
    expect(Object.keys(((await noSource.json()) as { errors: object }).errors)).toContain('baseline')
    const notInData = await post(iv('/targets'), fien, {
      metric: 'speciaal-onderwijs',
      direction: 'lower',
      targetValue: 3,
      targetDate: inAYear(),
    })
    expect(notInData.status).toBe(400)
    const outOfRange = await post(iv('/targets'), fien, {
      metric: 'speciaal-onderwijs',
      direction: 'lower',
      baseline: { value: 140, source: 'Schoolgids 2025' },
      targetValue: 3,
      targetDate: inAYear(),
    })
    expect(outOfRange.status).toBe(400)
    const byHand = await post(iv('/targets'), fien, {
      metric: 'speciaal-onderwijs',
      direction: 'lower',
      baseline: { value: 4.1, source: 'Samenwerkingsverband, telling 1 oktober 2025', date: '2025-10-01' },
      targetValue: 3,
      targetDate: inAYear(),
    })
    expect(byHand.status).toBe(201)

    const view = (await (await get(iv(), fien)).json()) as {
      targets: { metric: string; status: string; baseline: { value: number; source: Record<string, unknown> } }[]
    }
    const jz = view.targets.find((t) => t.metric === 'jeugdzorg')!
    expect(jz.baseline.value).toBe(35.5)
    expect(jz.baseline.source).toMatchObject({ kind: 'data', level: 'wijk', table: '85990NED', regionCode: 'WK079601' })
    expect(jz.status).toBe('geen-meting')
    expect(view.targets.find((t) => t.metric === 'speciaal-onderwijs')!.baseline.source).toMatchObject({ kind: 'hand' })
  })

  it('saves versions read from the room, compares them, and restores one as a new frame beside the old', async () => {
    // A browser must send the images; an integration without a browser may leave them out.
    const browser = await post(
      iv('/versions'),
      fien,
      { sessionId: session.id, frameId, reason: 'Eerste versie' },
      { 'Sec-Fetch-Site': 'same-origin' },
    )
    expect(browser.status).toBe(400)
    expect((await post(iv('/versions'), fien, { sessionId: session.id, frameId, reason: '' })).status).toBe(400)
    expect((await post(iv('/versions'), parent, { sessionId: session.id, frameId, reason: 'x' })).status).toBe(401)
    const v1 = await post(iv('/versions'), fien, {
      sessionId: session.id,
      frameId,
      reason: 'Eerste versie uit de werksessie',
    })
    expect(v1.status, await v1.clone().text()).toBe(201)
    expect(await v1.json()).toEqual({ number: 1 })

    await setNoteText('Inloop voor jonge moeders, ook op zaterdag')
    const v2 = await post(iv('/versions'), ans, {
      sessionId: session.id,
      frameId,
      reason: 'Ouders werken doordeweeks: ook op zaterdag open',
      name: 'Zaterdag erbij',
    })
    // Ans is on the team but does not run this werksessie.
    expect(v2.status).toBe(400)
    const v2b = await post(iv('/versions'), fien, {
      sessionId: session.id,
      frameId,
      reason: 'Ouders werken doordeweeks: ook op zaterdag open',
      name: 'Zaterdag erbij',
    })
    expect(await v2b.json()).toEqual({ number: 2 })

    const diff = (await (await get(iv('/versions/compare?from=1&to=2'), parent)).json()) as {
      changed: { shapeId: string; textBefore: string; textAfter: string }[]
      added: unknown[]
      removed: unknown[]
    }
    expect(diff.added).toEqual([])
    expect(diff.removed).toEqual([])
    expect(diff.changed).toContainEqual(
      expect.objectContaining({
        shapeId: noteId,
        textBefore: expect.stringContaining('Inloop voor jonge moeders'),
        textAfter: expect.stringContaining('ook op zaterdag'),
      }),
    )
    expect((await get(iv('/versions/compare?from=1&to=9'), fien)).status).toBe(404)
    expect((await get(iv('/versions/compare?from=x&to=2'), fien)).status).toBe(400)

    const before = [...(await readRecordsOf())]
    const restored = await post(iv('/versions/1/restore'), fien, { sessionId: session.id })
    expect(restored.status).toBe(201)
    const { frameId: newFrame } = (await restored.json()) as { frameId: string }
    expect(newFrame).not.toBe(frameId)
    const after = await readRecordsOf()
    // Nothing that was there changed; the new frame holds a copy of v1's note, under a new id.
    for (const [id, value] of before) expect(after.get(id)).toEqual(value)
    const copy = [...after.values()].find((r) => isShape(r) && r.parentId === newFrame && r.type === 'note')
    expect(copy && isShape(copy) && JSON.stringify(copy.props.richText)).toContain('Inloop voor jonge moeders')
    expect(copy && isShape(copy) && JSON.stringify(copy.props.richText)).not.toContain('zaterdag')
    const frameRecord = after.get(newFrame) as { x: number; meta: Record<string, unknown> }
    expect(frameRecord.meta).toMatchObject({ interventionId, restoredFrom: 1 })
    expect(frameRecord.x).toBeGreaterThan((after.get(frameId) as { x: number }).x)

    // Saving from the restored frame is the next version of the same intervention, and pairs its shapes with v1's.
    const v3 = await post(iv('/versions'), fien, {
      sessionId: session.id,
      frameId: newFrame,
      reason: 'Terug naar de eerste opzet',
    })
    expect(await v3.json()).toEqual({ number: 3 })
    const same = (await (await get(iv('/versions/compare?from=1&to=3'), fien)).json()) as {
      changed: { moved: boolean }[]
      added: unknown[]
    }
    expect(same.added).toEqual([])
    const view = (await (await get(iv(), fien)).json()) as {
      versions: { number: number; basedOn: number | null }[]
      restores: { version: number; sessionId: string }[]
    }
    expect(view.restores).toEqual([expect.objectContaining({ version: 1, sessionId: session.id })])
    expect(view.versions.map((v) => [v.number, v.basedOn])).toEqual([
      [1, null],
      [2, null],
      [3, 1],
    ])
  })

  it('records measurements and computes each target status in one place', async () => {
    const view = (await (await get(iv(), fien)).json()) as { targets: { id: string; metric: string }[] }
    const jz = view.targets.find((t) => t.metric === 'jeugdzorg')!
    const bad = await post(iv('/measurements'), fien, { targetId: jz.id, value: -3, date: '2025-06-30', source: '' })
    expect(bad.status).toBe(400)
    expect(Object.keys(((await bad.json()) as { errors: object }).errors)).toEqual(expect.arrayContaining(['source']))
    for (const [value, date] of [
      [35.0, '2024-12-31'],
      [33.1, '2025-06-30'],
    ] as const) {
      const res = await post(iv('/measurements'), fien, {
        targetId: jz.id,
        value,
        date,
        period: date.slice(0, 4),
        source: 'CBS 85990NED',
        provisional: true,
      })
      expect(res.status).toBe(201)
    }
    const after = (await (await get(iv(), fien)).json()) as {
      targets: { id: string; status: string }[]
      measurements: unknown[]
    }
    expect(after.measurements).toHaveLength(2)
    expect(['op-koers', 'achter']).toContain(after.targets.find((t) => t.id === jz.id)!.status)
    const reached = await post(iv('/measurements'), fien, {
      targetId: jz.id,
      value: 29.5,
      date: new Date().toISOString().slice(0, 10),
      source: 'CBS 85990NED',
    })
    expect(reached.status).toBe(201)
    const last = (await (await get(iv(), fien)).json()) as { targets: { id: string; status: string }[] }
    expect(last.targets.find((t) => t.id === jz.id)!.status).toBe('bereikt')
  })

  it('offers the later periods of the wijk data as measurements of a data baseline, and keeps where an added one came from', async () => {
    const res = await post(iv('/targets'), fien, {
      metric: 'jeugdzorg',
      direction: 'lower',
      baselinePeriod: '2023HJ01',
      targetValue: 30,
      targetDate: inAYear(),
    })
    expect(res.status).toBe(201)
    const { id: targetId } = (await res.json()) as { id: string }
    const view = (await (await get(iv(), fien)).json()) as {
      targets: { id: string; baseline: { value: number; date: string; source: { period: string } } }[]
      offeredMeasurements: { targetId: string; period: string; value: number; date: string; source: string }[]
    }
    const target = view.targets.find((t) => t.id === targetId)!
    expect(target.baseline).toMatchObject({ value: 41.1, date: '2023-06-30', source: { period: '2023HJ01' } })
    const offers = view.offeredMeasurements.filter((o) => o.targetId === targetId)
    expect(offers.map((o) => [o.period, o.value])).toEqual([
      ['2023HJ02', 37.4],
      ['2024HJ01', 35.5],
    ])
    const [first] = offers
    const added = await post(iv('/measurements'), fien, {
      targetId,
      value: first.value,
      date: first.date,
      period: first.period,
      source: first.source,
    })
    expect(added.status).toBe(201)
    const after = (await (await get(iv(), fien)).json()) as {
      measurements: { targetId: string; origin: Record<string, unknown> }[]
      offeredMeasurements: { targetId: string; period: string }[]
    }
    expect(after.measurements.find((m) => m.targetId === targetId)!.origin).toMatchObject({
      kind: 'data',
      period: '2023HJ02',
      table: '85990NED',
    })
    expect(after.offeredMeasurements.filter((o) => o.targetId === targetId).map((o) => o.period)).toEqual(['2024HJ01'])
    expect(
      ((await (await get(iv(), parent)).json()) as { offeredMeasurements: unknown[] }).offeredMeasurements,
    ).toEqual([])
  })

  it('exports to JSON, imports it as a new intervention, and exports that the same apart from exportedAt', async () => {
    expect((await get(iv('/export'), parent)).status).toBe(403)
    const first = (await (await get(iv('/export'), fien)).json()) as Record<string, unknown>
    const imported = await post('/api/v1/interventions/import', ans, first)
    expect(imported.status).toBe(201)
    const { id } = (await imported.json()) as { id: string }
    expect(id).not.toBe(interventionId)
    const second = (await (await get(`/api/v1/interventions/${id}/export`, ans)).json()) as Record<string, unknown>
    expect({ ...second, exportedAt: null }).toEqual({ ...first, exportedAt: null })

    const tampered = structuredClone(first) as {
      versions: { reason: string; content: { records: { id: string }[] } }[]
    }
    tampered.versions[0].content.records.pop()
    const refused = await post('/api/v1/interventions/import', ans, tampered)
    expect(refused.status).toBe(400)
    expect(await refused.json()).toMatchObject({ errors: { versions: expect.any(String) } })
  })
})

/** The canvas as the room holds it now (a read: nothing is stored or relayed). */
const readRecordsOf = () => testCollabControl(rooms).transact(roomId, (doc) => readRecords(doc))
