import fs from 'node:fs'
import { and, count, eq } from 'drizzle-orm'
import { createTLStore, defaultBindingUtils, defaultShapeUtils, type TLRecord } from 'tldraw'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { assets, recordOwners, sessionEvents, workshopSessions, type WorkshopSession } from '../db/schema'
import { getRecordMap, replaceRecords } from '../app/canvas-doc'
import { db } from '../app/db.server'
import { readRecords, type ShapeRecord } from '../app/facilitation/canvas-writes'
import { shapeBounds } from '../app/facilitation/note-layout'
import { revealedShapeId } from '../app/facilitation/private-notes'
import type { CollabControl } from '../app/load-context'
import { cleanJpeg } from '../app/photos/jpeg'
import { addPhoto, deletePhotosOf } from '../app/photos/photos.server'
import { cameraTraces, PHOTO_FIXTURE } from '../app/photos/test-fixtures'
import { mainRoomId } from '../app/rooms/rooms.server'
import { loader as tokenRoute } from '../app/routes/api.v1.sessions.$id.collab-token'
import { action as contributionsRoute } from '../app/routes/api.v1.sessions.$id.contributions'
import { action as mediaRoute } from '../app/routes/api.v1.sessions.$id.media'
import { loader as photoRoute } from '../app/routes/api.v1.sessions.$id.photos.$assetId'
import { action as photosRoute } from '../app/routes/api.v1.sessions.$id.photos'
import { action as privateRoute } from '../app/routes/api.v1.sessions.$id.private'
import { action as revealRoute } from '../app/routes/api.v1.sessions.$id.reveal'
import { loader as stateRoute } from '../app/routes/api.v1.sessions.$id.state'
import { createSession } from '../app/sessions/commands.server'
import { sessionBus } from '../app/sessions/session-bus.server'
import { removeParticipant } from '../app/sessions/session-settings.server'
import { closeSession, reopenSession, type SessionState } from '../app/sessions/session-state.server'
import { deleteWorkshopSession } from '../app/sessions/sessions.server'
import { facilitatorLogin, joinedParent, startAppRooms, type AppRooms } from './app-rooms.test-support'
import { connect, waitFor, waitSynced } from './collab/test-support'

/**
 * Photos from participants through their API routes, against the real room server with the app's
 * access rules and room policy, the process's real SQLite file and raw Yjs clients watching the
 * canvas: the facilitator's switch, the upload's checks (the JPEG read and stripped by the
 * server, the sender's own note, the limits), the image beside the idea on every canvas, serving
 * only to people in the session (404 for everyone else), private rooms and their reveal, and
 * deletion with the idea and with the werksessie.
 */
let rooms: AppRooms
let control: CollabControl
let url = ''
const providers: WebsocketProvider[] = []
const photo = new Uint8Array(fs.readFileSync(PHOTO_FIXTURE))

beforeAll(async () => {
  rooms = await startAppRooms({ policy: true })
  ;({ control, url } = rooms)
})
afterAll(async () => {
  for (const p of providers) p.destroy()
  await rooms.close()
})

const facilitator = facilitatorLogin

let address = 0
async function participant(s: WorkshopSession) {
  return joinedParent(s, `10.19.0.${++address}`)
}
type Person = Awaited<ReturnType<typeof participant>>

const context = () => ({ collab: control, clientAddress: '127.0.0.1' })
type Handler = (a: unknown) => Promise<Response> | Response

function call(route: unknown, s: WorkshopSession, path: string, cookie?: string, body?: unknown) {
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {}
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const request = new Request(`http://localhost/api/v1/sessions/${s.id}/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return (route as Handler)({ request, params: { id: s.id }, context: context() }) as Promise<Response>
}

/** `POST …/photos[?query]` with the raw bytes, as the phone page sends them. */
function upload(s: WorkshopSession, cookie: string | undefined, bytes: Uint8Array, query = '', type = 'image/jpeg') {
  const headers: Record<string, string> = { 'Content-Type': type, ...(cookie ? { Cookie: cookie } : {}) }
  const request = new Request(`http://localhost/api/v1/sessions/${s.id}/photos${query}`, {
    method: 'POST',
    headers,
    body: bytes,
  })
  return (photosRoute as Handler)({ request, params: { id: s.id }, context: context() }) as Promise<Response>
}

/** `GET …/photos/:assetId`, as an <img> on the canvas asks for it. */
function fetchPhoto(s: WorkshopSession, cookie: string | undefined, assetId: string) {
  const request = new Request(`http://localhost/api/v1/sessions/${s.id}/photos/${assetId}`, {
    headers: cookie ? { Cookie: cookie } : {},
  })
  return (photoRoute as Handler)({ request, params: { id: s.id, assetId }, context: context() }) as Promise<Response>
}

/** A Yjs client of a session's room, with the token its API gives this cookie. */
async function watch(s: WorkshopSession, cookie: string, room = 'main') {
  const res = await call(tokenRoute, s, `collab-token?room=${encodeURIComponent(room)}&mode=read`, cookie)
  const { roomId, token } = (await res.json()) as { roomId: string; token: string }
  const provider = connect(url, roomId, token)
  providers.push(provider)
  await waitSynced(provider)
  return getRecordMap(provider.doc)
}

const contains = (haystack: Uint8Array, needle: Uint8Array) => Buffer.from(haystack).includes(Buffer.from(needle))
const rowsOf = (sessionId: string) => db().select().from(assets).where(eq(assets.workshopSessionId, sessionId)).all()
const setMedia = (s: WorkshopSession, cookie: string | undefined, body: unknown) =>
  call(mediaRoute, s, 'media', cookie, body)
const contribute = async (s: WorkshopSession, who: Person, text: string) => {
  const res = await call(contributionsRoute, s, 'contributions', who.cookie, { text, source: 'phone' })
  expect(res.status).toBe(201)
  return (await res.json()) as { shapeId: string; private: boolean }
}
const freshSession = (s: WorkshopSession) =>
  db().select().from(workshopSessions).where(eq(workshopSessions.id, s.id)).get()!

/** Nothing else in the image's frame (or page) lies under it. */
function expectOnTopOfNothing(canvas: ReturnType<typeof getRecordMap>, image: ShapeRecord) {
  const box = shapeBounds(image)
  for (const [id, value] of canvas.entries()) {
    const sibling = value as ShapeRecord
    if (id === image.id || sibling.typeName !== 'shape' || sibling.parentId !== image.parentId) continue
    const b = shapeBounds(sibling)
    const apart = box.x + box.w <= b.x || b.x + b.w <= box.x || box.y + box.h <= b.y || b.y + b.h <= box.y
    expect(apart, `${id} (${sibling.type}) under the photo`).toBe(true)
  }
}

/** The fixture with another size in its frame header (the picture data stays as it is). */
function withFrameSize(width: number, height: number): Uint8Array {
  const copy = new Uint8Array(photo)
  const at = (marker: number) => Buffer.from(copy).indexOf(Buffer.from([0xff, marker]))
  const sof = at(0xc0) > 0 ? at(0xc0) : at(0xc2)
  copy.set([height >> 8, height & 0xff, width >> 8, width & 0xff], sof + 5)
  return copy
}

let owner: Awaited<ReturnType<typeof facilitator>>
let stranger: Awaited<ReturnType<typeof facilitator>>
let session: WorkshopSession
let other: WorkshopSession
let anna: Person
let bram: Person
let outsider: Person
let mainId: string

beforeAll(async () => {
  owner = await facilitator('photos-owner@example.nl')
  stranger = await facilitator('photos-stranger@example.nl')
  const made = createSession(db(), owner.user, { title: 'Speeltuin aan de Reit' })
  if (!made.ok) throw new Error('no session')
  session = made.value
  const second = createSession(db(), stranger.user, { title: 'Een andere werksessie' })
  if (!second.ok) throw new Error('no session')
  other = second.value
  anna = await participant(session)
  bram = await participant(session)
  outsider = await participant(other)
  mainId = mainRoomId(db(), session.id)
  db().update(workshopSessions).set({ phase: 'ideeen' }).where(eq(workshopSessions.id, session.id)).run()
})

describe("the facilitator's photo switch", () => {
  it('is for facilitators only (401, 403) and wants a boolean (400 per field)', async () => {
    expect((await setMedia(session, undefined, { allowed: true })).status).toBe(401)
    expect((await setMedia(session, anna.cookie, { allowed: true })).status).toBe(403)
    expect((await setMedia(session, stranger.cookie, { allowed: true })).status).toBe(403)
    for (const body of [{}, { allowed: 'ja' }, { allowed: 1 }]) {
      const bad = await setMedia(session, owner.cookie, body)
      expect(bad.status).toBe(400)
      expect(await bad.json()).toMatchObject({ errors: { allowed: 'Kies aan of uit.' } })
    }
    expect(freshSession(session).mediaAllowed).toBe(false)
  })

  it('keeps photos out while it is off: participants are refused (403), facilitators are not', async () => {
    const refused = await upload(session, anna.cookie, photo)
    expect(refused.status).toBe(403)
    expect((await refused.json()).message).toBe('Foto’s toevoegen staat uit. De begeleider kan het aanzetten.')
    expect(rowsOf(session.id)).toHaveLength(0)
    const facilitators = await upload(session, owner.cookie, photo, '?shape=none')
    expect(facilitators.status).toBe(201)
    expect(await facilitators.json()).toMatchObject({ shapeId: null, private: false })
  })

  it('turns on for every screen at once: the state on the live channel, and a timeline line', async () => {
    const heard: SessionState[] = []
    const stop = sessionBus().subscribe(session.id, (m) => {
      if (m.type === 'state') heard.push(m.state)
    })
    try {
      const on = await setMedia(session, owner.cookie, { allowed: true })
      expect(on.status).toBe(200)
      expect(await on.json()).toMatchObject({ mediaAllowed: true, phase: 'ideeen' })
      expect(heard.map((s) => s.mediaAllowed)).toEqual([true])
      // The same again changes nothing and tells nobody.
      expect((await setMedia(session, owner.cookie, { allowed: true })).status).toBe(200)
      expect(heard).toHaveLength(1)
    } finally {
      stop()
    }
    const state = await (await call(stateRoute, session, 'state', anna.cookie)).json()
    expect(state.mediaAllowed).toBe(true)
    const events = db()
      .select()
      .from(sessionEvents)
      .where(and(eq(sessionEvents.workshopSessionId, session.id), eq(sessionEvents.kind, 'settings')))
      .all()
    expect(events.map((e) => JSON.parse(e.data))).toEqual([{ mediaAllowed: true }])
  })
})

describe('a photo with an idea', () => {
  it('lands right of the sender’s note on every canvas, theirs, and without a byte of its metadata', async () => {
    const canvas = await watch(session, owner.cookie)
    const first = await contribute(session, anna, 'Een speeltuin met bankjes')
    const second = await contribute(session, bram, 'Schaduw bij de zandbak')
    const sent = await upload(session, anna.cookie, photo, `?note=${encodeURIComponent(first.shapeId)}`)
    expect(sent.status).toBe(201)
    const answer = (await sent.json()) as { assetId: string; shapeId: string; private: boolean; src: string }
    expect(answer).toMatchObject({ private: false, src: `/api/v1/sessions/${session.id}/photos/${answer.assetId}` })

    await waitFor(() => canvas.has(answer.shapeId), 'the photo reaches the connected canvas')
    const image = canvas.get(answer.shapeId) as ShapeRecord
    const note = canvas.get(first.shapeId) as ShapeRecord
    const asset = canvas.get(`asset:${answer.assetId}`) as { props: Record<string, unknown> }
    expect(image).toMatchObject({ type: 'image', parentId: note.parentId, meta: { photoOf: first.shapeId } })
    expect(image.props).toMatchObject({ assetId: `asset:${answer.assetId}`, w: 200, h: 133 })
    expect(asset.props).toMatchObject({ src: answer.src, w: 480, h: 320, mimeType: 'image/jpeg' })
    // Right of the idea, level with it, on top of nothing.
    const box = shapeBounds(image)
    const noteBox = shapeBounds(note)
    expect(box.x).toBeGreaterThanOrEqual(noteBox.x + noteBox.w)
    expect(box.y).toBe(noteBox.y)
    expectOnTopOfNothing(canvas, image)
    expect(canvas.get(second.shapeId)).toBeDefined()
    // tldraw loads it as it is.
    const store = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
    for (const record of [image, asset]) {
      expect(() =>
        store.schema.validateRecord(store, record as unknown as TLRecord, 'createRecord', null),
      ).not.toThrow()
    }
    // Shape and asset are hers: she may move and delete them on the canvas.
    const owners = db().select().from(recordOwners).where(eq(recordOwners.roomId, mainId)).all()
    const ownerOf = (id: string) => owners.find((o) => o.recordId === id)?.subject
    expect([ownerOf(answer.shapeId), ownerOf(`asset:${answer.assetId}`)]).toEqual([anna.subject, anna.subject])

    // What is stored and what is served is the picture alone.
    const row = rowsOf(session.id).find((r) => r.id === answer.assetId)!
    expect(row).toMatchObject({ roomId: mainId, subject: anna.subject, width: 480, height: 320 })
    const served = await fetchPhoto(session, bram.cookie, answer.assetId)
    expect(served.status).toBe(200)
    expect(served.headers.get('Content-Type')).toBe('image/jpeg')
    expect(served.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(served.headers.get('Cache-Control')).toMatch(/^private, max-age=\d+$/)
    expect(served.headers.get('Content-Disposition')).toBe('inline')
    const bytes = new Uint8Array(await served.arrayBuffer())
    expect(Buffer.from(bytes).equals(row.bytes)).toBe(true)
    for (const stored of [row.bytes, bytes]) {
      for (const trace of cameraTraces()) expect(contains(stored, trace.bytes), trace.name).toBe(false)
      const again = cleanJpeg(stored)
      expect(again).toMatchObject({ ok: true, width: 480, height: 320, removed: [] })
    }
    expect((await fetchPhoto(session, owner.cookie, answer.assetId)).status).toBe(200)
  })

  it('refuses a note that is not the sender’s, or not there, and keeps nothing of it', async () => {
    const bramsNote = await contribute(session, bram, 'Een watertappunt')
    const before = rowsOf(session.id).length
    for (const query of [`?note=${bramsNote.shapeId}`, '?note=shape:bestaatniet', '?note=geen-vorm']) {
      const res = await upload(session, anna.cookie, photo, query)
      expect(res.status, query).toBe(400)
      expect(await res.json()).toMatchObject({
        errors: { note: 'Dit idee is niet van jou, of het staat niet meer op het canvas.' },
      })
    }
    // Her own note, taken off the canvas: claimed, but gone; the stored photo goes too.
    const gone = await contribute(session, anna, 'Even weg')
    await control.transact(mainId, (doc) => {
      const records = readRecords(doc)
      records.delete(gone.shapeId)
      replaceRecords(doc, records)
    })
    expect((await upload(session, anna.cookie, photo, `?note=${gone.shapeId}`)).status).toBe(400)
    expect(rowsOf(session.id)).toHaveLength(before)
  })

  it('refuses what is not a JPEG it can show, too large a photo, and odd options, per field', async () => {
    const cases: [Uint8Array, string, string, number, Record<string, unknown>][] = [
      [photo, '', 'image/png', 400, { photo: 'Dit is geen foto die we kunnen gebruiken. Stuur een JPEG-foto.' }],
      [
        new TextEncoder().encode('<svg/>'),
        '',
        'image/jpeg',
        400,
        { photo: 'Dit is geen foto die we kunnen gebruiken. Stuur een JPEG-foto.' },
      ],
      [
        photo.subarray(0, 2000),
        '',
        'image/jpeg',
        400,
        { photo: 'Deze foto is kapot of niet helemaal aangekomen. Probeer het opnieuw.' },
      ],
      [
        withFrameSize(2000, 1200),
        '',
        'image/jpeg',
        400,
        { photo: 'De foto is te groot: hoogstens 1600 pixels aan de langste kant.' },
      ],
      [new Uint8Array(3 * 1024 * 1024 + 1), '', 'image/jpeg', 413, { photo: 'De foto is te groot: hoogstens 3 MB.' }],
      [photo, '?shape=alles', 'image/jpeg', 400, { shape: 'Kies shape=none, of laat het weg.' }],
      [photo, '?shape=none&note=shape:abc', 'image/jpeg', 400, { note: expect.stringContaining('shape=none') }],
    ]
    const before = rowsOf(session.id).length
    for (const [bytes, query, type, status, errors] of cases) {
      const res = await upload(session, anna.cookie, bytes, query, type)
      expect(res.status, `${type} ${query} ${bytes.length}`).toBe(status)
      expect(await res.json()).toMatchObject({ errors })
    }
    // 1600 on the longest side is still fine.
    expect((await upload(session, anna.cookie, withFrameSize(1600, 1067), '?shape=none')).status).toBe(201)
    expect(rowsOf(session.id)).toHaveLength(before + 1)
  })

  it('refuses participants while the session is closed (403) or the canvas locked, and anyone not in it', async () => {
    const by = `u:${owner.user.id}`
    closeSession(db(), control, freshSession(session), by)
    const closed = await upload(session, anna.cookie, photo)
    expect(closed.status).toBe(403)
    expect((await closed.json()).message).toBe('De werksessie is gesloten. Je kunt geen foto meer sturen.')
    reopenSession(db(), control, freshSession(session), by)
    db().update(workshopSessions).set({ lockedAll: true }).where(eq(workshopSessions.id, session.id)).run()
    const locked = await upload(session, anna.cookie, photo)
    expect(locked.status).toBe(403)
    expect((await locked.json()).message).toBe('Het canvas is op slot.')
    db().update(workshopSessions).set({ lockedAll: false }).where(eq(workshopSessions.id, session.id)).run()
    expect((await upload(session, undefined, photo)).status).toBe(401)
    expect((await upload(session, outsider.cookie, photo)).status).toBe(403)
    expect((await upload(session, stranger.cookie, photo)).status).toBe(403)
  })

  it('takes at most 20 photos from one person, and no more than the session may hold (429)', async () => {
    const carla = await participant(session)
    for (let i = 0; i < 20; i++) expect((await upload(session, carla.cookie, photo, '?shape=none')).status).toBe(201)
    const more = await upload(session, carla.cookie, photo, '?shape=none')
    expect(more.status).toBe(429)
    expect((await more.json()).errors.photo).toBe('Je hebt al 20 foto’s gestuurd. Meer kan niet in deze werksessie.')
    // The session's limit, made small: what is stored already plus this one would not fit.
    const stored = rowsOf(session.id).reduce((sum, r) => sum + r.bytes.length, 0)
    const identity = {
      subject: bram.subject,
      role: 'ouder' as const,
      name: 'Ouder 2',
      mode: 'edit' as const,
      presenceId: 'x',
    }
    const full = await addPhoto(
      db(),
      control,
      { session: freshSession(session), identity },
      { bytes: photo, contentType: 'image/jpeg', note: null, shape: 'none' },
      { perPerson: 20, sessionBytes: stored + 100 },
    )
    expect(full).toMatchObject({ ok: false, status: 429, errors: { photo: 'photos.error.sessionFull' } })
    expect(rowsOf(session.id).reduce((sum, r) => sum + r.bytes.length, 0)).toBe(stored)
  })
})

describe('serving a photo', () => {
  it('is only for people in the session: 404 for everyone else, so ids cannot be probed', async () => {
    const [row] = rowsOf(session.id)
    expect((await fetchPhoto(session, anna.cookie, row.id)).status).toBe(200)
    for (const cookie of [undefined, stranger.cookie, outsider.cookie]) {
      const res = await fetchPhoto(session, cookie, row.id)
      expect(res.status).toBe(404)
      expect(res.headers.get('Content-Type')).toMatch(/application\/json/)
    }
    // Asked through another session it is unknown there.
    expect((await fetchPhoto(other, outsider.cookie, row.id)).status).toBe(404)
    expect((await fetchPhoto(session, anna.cookie, 'AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404)
    expect((await fetchPhoto(session, anna.cookie, '../../etc')).status).toBe(404)
    const dora = await participant(session)
    expect((await fetchPhoto(session, dora.cookie, row.id)).status).toBe(200)
    removeParticipant(db(), control, freshSession(session), dora.id, `u:${owner.user.id}`)
    expect((await fetchPhoto(session, dora.cookie, row.id)).status).toBe(404)
  })
})

describe('photos in private mode', () => {
  it('stay in the sender’s private room, served to them alone, and follow their idea at “laat zien”', async () => {
    expect((await call(privateRoute, session, 'private', owner.cookie, { on: true })).status).toBe(200)
    const idea = await contribute(session, anna, 'Een moestuin voor de buurt')
    expect(idea.private).toBe(true)
    const sent = await upload(session, anna.cookie, photo, `?note=${idea.shapeId}`)
    expect(sent.status).toBe(201)
    const answer = (await sent.json()) as { assetId: string; shapeId: string; private: boolean }
    expect(answer.private).toBe(true)
    const own = await watch(session, anna.cookie, 'private')
    await waitFor(() => own.has(answer.shapeId), 'the photo reaches her private canvas')
    const main = await watch(session, owner.cookie)
    expect(main.has(answer.shapeId)).toBe(false)
    expect((await fetchPhoto(session, anna.cookie, answer.assetId)).status).toBe(200)
    expect((await fetchPhoto(session, bram.cookie, answer.assetId)).status).toBe(404)
    // Facilitators do not look into private rooms unless the session lets them.
    expect((await fetchPhoto(session, owner.cookie, answer.assetId)).status).toBe(404)

    const privateRoomId = db().select().from(assets).where(eq(assets.id, answer.assetId)).get()!.roomId
    expect(privateRoomId).not.toBe(mainId)
    expect((await call(revealRoute, session, 'reveal', owner.cookie, {})).status).toBe(200)
    const revealedNote = revealedShapeId(privateRoomId, idea.shapeId)
    await waitFor(() => main.has(revealedNote), 'the idea reaches the main canvas')
    const image = main
      .entries()
      .map(([, r]) => r as ShapeRecord)
      .find((r) => r.type === 'image' && r.meta?.photoOf === revealedNote)
    expect(image).toBeDefined()
    // Beside the revealed idea: right of it, or under it when it is the last in its frame's row.
    const noteBox = shapeBounds(main.get(revealedNote) as ShapeRecord)
    const box = shapeBounds(image!)
    const right = box.x >= noteBox.x + noteBox.w && box.y === noteBox.y
    const below = box.y >= noteBox.y + noteBox.h && box.x === noteBox.x
    expect(right || below, JSON.stringify({ box, noteBox })).toBe(true)
    expectOnTopOfNothing(main, image!)
    expect(db().select().from(assets).where(eq(assets.id, answer.assetId)).get()?.roomId).toBe(mainId)
    expect((await fetchPhoto(session, bram.cookie, answer.assetId)).status).toBe(200)
  })
})

describe('deleting photos', () => {
  it('removes the photos of an idea from the canvas and the database (deletePhotosOf)', async () => {
    const canvas = await watch(session, owner.cookie)
    const idea = await contribute(session, bram, 'Een bankje in de zon')
    const res = await upload(session, bram.cookie, photo, `?note=${idea.shapeId}`)
    const { assetId, shapeId } = (await res.json()) as { assetId: string; shapeId: string }
    await waitFor(() => canvas.has(shapeId), 'the photo reaches the canvas')
    expect(await deletePhotosOf(db(), control, freshSession(session), idea.shapeId)).toBe(1)
    await waitFor(() => !canvas.has(shapeId) && !canvas.has(`asset:${assetId}`), 'the photo leaves the canvas')
    expect(canvas.has(idea.shapeId)).toBe(true)
    expect(rowsOf(session.id).some((r) => r.id === assetId)).toBe(false)
    expect((await fetchPhoto(session, bram.cookie, assetId)).status).toBe(404)
  })

  it('leaves no photo behind when the werksessie is deleted', async () => {
    const made = createSession(db(), owner.user, { title: 'Wordt verwijderd' })
    if (!made.ok) throw new Error('no session')
    const doomed = made.value
    const eva = await participant(doomed)
    expect((await setMedia(doomed, owner.cookie, { allowed: true })).status).toBe(200)
    const idea = await contribute(doomed, eva, 'Een ontmoetingsplek')
    expect((await upload(doomed, eva.cookie, photo, `?note=${idea.shapeId}`)).status).toBe(201)
    expect((await upload(doomed, owner.cookie, photo, '?shape=none')).status).toBe(201)
    expect(rowsOf(doomed.id)).toHaveLength(2)
    deleteWorkshopSession(db(), control, doomed)
    expect(rowsOf(doomed.id)).toHaveLength(0)
    expect(db().select({ n: count() }).from(assets).where(eq(assets.workshopSessionId, doomed.id)).get()?.n).toBe(0)
  })
})
