import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { contributions, recordOwners, rooms, sessionEvents, workshopSessions, type WorkshopSession } from '../db/schema'
import { signCollabToken } from '../app/auth/collab-token.server'
import { getRecordMap, noteRecord } from '../app/canvas-doc'
import { db } from '../app/db.server'
import { readRecords, type ShapeRecord } from '../app/facilitation/canvas-writes'
import { shapeBounds } from '../app/facilitation/note-layout'
import type { CollabControl } from '../app/load-context'
import { mainRoomId } from '../app/rooms/rooms.server'
import { loader as tokenRoute } from '../app/routes/api.v1.sessions.$id.collab-token'
import { action as contributionsRoute } from '../app/routes/api.v1.sessions.$id.contributions'
import { action as privateRoute, loader as privateList } from '../app/routes/api.v1.sessions.$id.private'
import { action as revealRoute } from '../app/routes/api.v1.sessions.$id.reveal'
import { presenceIdFor } from '../app/sessions/access.server'
import { createSession } from '../app/sessions/commands.server'
import { inviteCoFacilitator } from '../app/sessions/facilitators.server'
import { facilitatorLogin, joinedParent, startAppRooms, type AppRooms } from './app-rooms.test-support'
import { connect, loadStoredDoc, upgradeStatus, waitFor, waitSynced } from './collab/test-support'

/**
 * Private ideation against the real room server with the app's access rules and room policy, the
 * real route handlers and raw Yjs clients: a private room is only its owner's (403 on the token
 * API and on the upgrade for anyone else), the main room never holds or relays a private note's
 * bytes before "laat zien", and the reveal puts every note in the step's frame at free places,
 * once.
 */
let appRooms: AppRooms
let control: CollabControl
let url = ''
const providers: WebsocketProvider[] = []

beforeAll(async () => {
  appRooms = await startAppRooms({ policy: true })
  ;({ control, url } = appRooms)
})
afterAll(async () => {
  for (const p of providers) p.destroy()
  await appRooms.close()
})

const facilitator = facilitatorLogin

let address = 0
async function participant(s: WorkshopSession, displayName?: string) {
  return joinedParent(s, `10.9.0.${++address}`, displayName)
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
type Handler = (a: ReturnType<typeof args>) => Promise<Response> | Response
const call = (route: unknown, path: string, cookie?: string, body?: unknown) =>
  (route as Handler)(args(path, session.id, cookie, body)) as Promise<Response>
const tokenFor = (cookie: string | undefined, room: string, mode = 'edit') =>
  call(tokenRoute, `collab-token?room=${encodeURIComponent(room)}&mode=${mode}`, cookie)
const setPrivate = (cookie: string | undefined, body: unknown) => call(privateRoute, 'private', cookie, body)
const reveal = (cookie: string | undefined) => call(revealRoute, 'reveal', cookie, {})
const contribute = (cookie: string, text: string) => call(contributionsRoute, 'contributions', cookie, { text })

/** A Yjs client of a room with the token the API gave; every update it receives is kept. */
function client(roomId: string, tok: string) {
  const provider = connect(url, roomId, tok)
  providers.push(provider)
  const received: Uint8Array[] = []
  provider.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === provider) received.push(update)
  })
  const closes: { code: number; reason: string }[] = []
  provider.on('connection-close', (event: CloseEvent | null) => {
    if (event) closes.push({ code: event.code, reason: event.reason })
  })
  return { provider, records: getRecordMap(provider.doc), received, closes }
}

const bytes = (text: string) => new TextEncoder().encode(text)
function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer
    return true
  }
  return false
}
/** Waits until the room's stored records (as JSON) pass the check. */
async function waitStored(roomId: string, check: (json: string) => boolean) {
  const deadline = Date.now() + 15_000
  while (!check(JSON.stringify([...readRecords(await loadStoredDoc(db(), roomId)).values()]))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for room ${roomId} to be stored`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

/** Everything stored of a room: its update log, snapshot and history moments. */
function storedBlobs(roomId: string): Uint8Array[] {
  const sql = db().$client
  return [
    ...sql.prepare('select "update" as b from room_updates where room_id = ?').all(roomId),
    ...sql.prepare('select state as b from room_snapshots where room_id = ?').all(roomId),
    ...sql.prepare('select state as b from room_history where room_id = ?').all(roomId),
  ].map((row) => (row as { b: Uint8Array }).b)
}

let owner: Awaited<ReturnType<typeof facilitator>>
let co: Awaited<ReturnType<typeof facilitator>>
let session: WorkshopSession
let fatima: Awaited<ReturnType<typeof participant>>
let bram: Awaited<ReturnType<typeof participant>>
let mainId: string

beforeAll(async () => {
  owner = await facilitator('private-owner@example.nl')
  co = await facilitator('private-co@example.nl')
  const made = createSession(db(), owner.user, { title: 'Ideeën voor de Reit' })
  if (!made.ok) throw new Error('no session')
  session = made.value
  const invited = inviteCoFacilitator(db(), owner.user, session, { email: co.user.email })
  if (!invited.ok) throw new Error('no co-facilitator')
  fatima = await participant(session, 'Fatima')
  bram = await participant(session)
  mainId = mainRoomId(db(), session.id)
  db().update(workshopSessions).set({ phase: 'ideeen' }).where(eq(workshopSessions.id, session.id)).run()
})

const privateRoomOf = (subject: string) =>
  db()
    .select()
    .from(rooms)
    .where(and(eq(rooms.workshopSessionId, session.id), eq(rooms.ownerSubject, subject)))
    .get()

describe('turning private mode on', () => {
  it('is for facilitators only (401, 403) and checks its body (400 per field)', async () => {
    expect((await setPrivate(undefined, { on: true })).status).toBe(401)
    expect((await setPrivate(fatima.cookie, { on: true })).status).toBe(403)
    expect((await reveal(fatima.cookie)).status).toBe(403)
    expect((await call(privateList, 'private', fatima.cookie)).status).toBe(403)
    const bad = await setPrivate(owner.cookie, { on: 'ja', facilitatorSees: 1 })
    expect(bad.status).toBe(400)
    expect((await bad.json()).errors).toEqual({
      on: 'Kies aan of uit.',
      facilitatorSees: 'Kies of begeleiders mogen meekijken.',
    })
    // A participant has no private room while private mode is off.
    expect((await tokenFor(fatima.cookie, 'private')).status).toBe(409)

    const on = await setPrivate(co.cookie, { on: true })
    expect(on.status).toBe(200)
    expect(await on.json()).toMatchObject({ privateMode: true, privateFacilitatorSees: false })
  })
})

describe('a private room', () => {
  it('is handed only to its owner: 403 on the token API and on the upgrade for anyone else', async () => {
    const own = await tokenFor(fatima.cookie, 'private')
    expect(own.status).toBe(200)
    const { roomId, mode, presenceId } = await own.json()
    expect(roomId).not.toBe(mainId)
    expect(mode).toBe('edit')
    expect(presenceId).toBe(presenceIdFor(roomId, fatima.subject))
    expect(privateRoomOf(fatima.subject)?.id).toBe(roomId)
    // Asking again gives the same room.
    expect((await (await tokenFor(fatima.cookie, 'private')).json()).roomId).toBe(roomId)

    const other = await tokenFor(bram.cookie, roomId)
    expect(other.status).toBe(403)
    expect((await other.json()).message).toBeTruthy()
    expect((await tokenFor(owner.cookie, roomId, 'read')).status).toBe(403)
    expect((await tokenFor(owner.cookie, 'private')).status).toBe(403)
    expect((await tokenFor(bram.cookie, 'bestaat-niet')).status).toBe(404)
    expect((await tokenFor(bram.cookie, 'geen geldige id!')).status).toBe(400)
    expect((await tokenFor(undefined, 'private')).status).toBe(401)

    expect(await upgradeStatus(`${url}/${roomId}`, { cookie: bram.cookie })).toBe(403)
    expect(await upgradeStatus(`${url}/${roomId}`, { cookie: co.cookie })).toBe(403)
    // A validly signed token naming someone else for this room is refused too.
    const forged = signCollabToken(process.env.SESSION_SECRET!, { roomId, subject: bram.subject, mode: 'read' })
    expect(await upgradeStatus(`${url}/${roomId}?token=${encodeURIComponent(forged)}`)).toBe(403)
    expect(await upgradeStatus(`${url}/${roomId}`, { cookie: fatima.cookie })).toBe(101)
  })

  it('never sends a private note to the main room before "laat zien"; the reveal puts each in the frame once', async () => {
    // The step's frame, with the facilitator's own note (facilitators write in the open).
    expect((await contribute(owner.cookie, 'Idee van de begeleider')).status).toBe(201)
    const coToken = await (await tokenFor(co.cookie, 'main')).json()
    const watcher = client(mainId, coToken.token)
    await waitSynced(watcher.provider)

    // Fatima writes on her private canvas (a raw client) and from her phone (the API); Bram too.
    const fatimaRoom = await (await tokenFor(fatima.cookie, 'private')).json()
    const own = client(fatimaRoom.roomId, fatimaRoom.token)
    await waitSynced(own.provider)
    const note = (id: string, text: string, y = 0) =>
      noteRecord({ id: `shape:${id}`, parentId: 'page:page', x: 0, y, text, createdBy: fatimaRoom.presenceId })
    own.records.set('shape:geheim-1', note('geheim-1', 'Geheim idee 7391: een oppasclub'))
    own.records.set('shape:weg', note('weg', 'Dit haal ik weer weg 5550', 300))
    own.records.set('shape:geheim-2', note('geheim-2', 'Eerste versie', 600))
    // She changes and deletes her own notes there: the owner may do everything in her room.
    own.records.set('shape:geheim-2', note('geheim-2', 'Geheim idee 8462: samen koken', 600))
    own.records.delete('shape:weg')
    const phone = await contribute(fatima.cookie, 'Geheim idee 9573: vaders-ochtend')
    expect(phone.status).toBe(201)
    expect(await phone.json()).toMatchObject({ private: true })
    const bramPhone = await contribute(bram.cookie, 'Geheim idee 1684: speeltuin open')
    expect((await bramPhone.json()).private).toBe(true)

    const texts = ['Geheim idee 7391', 'Geheim idee 8462', 'Geheim idee 9573', 'Geheim idee 1684']
    await waitStored(
      fatimaRoom.roomId,
      (stored) => stored.includes('7391') && stored.includes('8462') && !stored.includes('5550'),
    )
    expect(own.closes).toEqual([])

    // Nothing of them in the main room: not stored, not in what a connected main client received.
    for (const text of [...texts, 'Dit haal ik weer weg 5550', 'Eerste versie']) {
      for (const blob of storedBlobs(mainId)) expect(contains(blob, bytes(text))).toBe(false)
      for (const update of watcher.received) expect(contains(update, bytes(text))).toBe(false)
      expect(JSON.stringify([...readRecords(watcher.provider.doc).values()])).not.toContain(text)
    }
    const stranger = await upgradeStatus(`${url}/${fatimaRoom.roomId}`, { cookie: bram.cookie })
    expect(stranger).toBe(403)

    const revealed = await reveal(owner.cookie)
    expect(revealed.status).toBe(200)
    const answer = await revealed.json()
    expect(answer.revealed).toBe(4)
    expect(answer.state.privateMode).toBe(false)

    // On every main canvas: in the step's frame, at free places, labelled with the role (and the
    // name Fatima gave), the writer's own notes there.
    await waitFor(
      () => texts.every((text) => JSON.stringify([...readRecords(watcher.provider.doc).values()]).includes(text)),
      'the revealed notes on the main canvas',
    )
    const all = readRecords(watcher.provider.doc)
    const shapes = [...all.values()] as ShapeRecord[]
    const frame = shapes.find((s) => s.type === 'frame' && s.meta?.phase === 'ideeen')!
    const inFrame = shapes.filter((s) => s.type === 'note' && s.parentId === frame.id)
    expect(inFrame).toHaveLength(5)
    const boxes = inFrame.map(shapeBounds)
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]]
        expect(a.x < b.x + b.w && a.x + a.w > b.x && a.y < b.y + b.h && a.y + a.h > b.y).toBe(false)
      }
    }
    const byText = (text: string) => inFrame.find((s) => JSON.stringify(s.props.richText).includes(text))!
    const labelOf = (s: ShapeRecord) =>
      (s.props.richText as { content: { content: { text: string }[] }[] }).content[0].content[0].text
    expect(labelOf(byText('7391'))).toBe('Fatima (Ouder)')
    expect(labelOf(byText('1684'))).toBe('Ouder')
    expect(JSON.stringify(byText('9573').props.richText).match(/Ouder/g)).toHaveLength(1)
    expect(byText('7391').meta.createdBy).toBe(presenceIdFor(mainId, fatima.subject))
    const owners = db().select().from(recordOwners).where(eq(recordOwners.roomId, mainId)).all()
    expect(owners.find((o) => o.recordId === byText('8462').id)?.subject).toBe(fatima.subject)

    // The contributions are marked revealed; the private rooms and their stored bytes are gone.
    const rows = db().select().from(contributions).where(eq(contributions.workshopSessionId, session.id)).all()
    const privateRows = rows.filter((r) => r.private)
    expect(privateRows).toHaveLength(4)
    for (const row of privateRows) {
      expect(row.revealedAt).not.toBeNull()
      expect(row.roomId).toBe(mainId)
    }
    expect(privateRoomOf(fatima.subject)).toBeUndefined()
    expect(privateRoomOf(bram.subject)).toBeUndefined()
    expect(storedBlobs(fatimaRoom.roomId)).toEqual([])
    await waitFor(() => own.closes.some((c) => c.code === 4410), "Fatima's private canvas told it is gone")
    const events = db().select().from(sessionEvents).where(eq(sessionEvents.workshopSessionId, session.id)).all()
    expect(events.map((e) => e.kind)).toEqual(['private-on', 'private-off', 'reveal'])

    // A second reveal moves nothing twice.
    const again = await (await reveal(co.cookie)).json()
    expect(again.revealed).toBe(0)
    const after = [...readRecords(await loadStoredDoc(db(), mainId)).values()] as ShapeRecord[]
    expect(after.filter((s) => s.type === 'note')).toHaveLength(5)
    expect(db().select().from(sessionEvents).where(eq(sessionEvents.kind, 'reveal')).all()).toHaveLength(1)
  })

  it('lets facilitators look read-only only when chosen, and lets them go when looking is turned off', async () => {
    expect((await setPrivate(owner.cookie, { on: true, facilitatorSees: true })).status).toBe(200)
    const own = await (await tokenFor(fatima.cookie, 'private')).json()
    expect((await contribute(fatima.cookie, 'Mag de begeleider zien 2468')).status).toBe(201)

    const list = await (await call(privateList, 'private', co.cookie)).json()
    expect(list).toMatchObject({ privateMode: true, facilitatorSees: true })
    expect(list.rooms).toEqual([{ roomId: own.roomId, role: 'ouder', number: 1, displayName: 'Fatima' }])
    const look = await tokenFor(co.cookie, own.roomId, 'edit')
    expect(look.status).toBe(200)
    const lookToken = await look.json()
    expect(lookToken.mode).toBe('read')
    expect((await tokenFor(bram.cookie, own.roomId)).status).toBe(403)
    const viewer = client(own.roomId, lookToken.token)
    await waitFor(
      () => JSON.stringify([...readRecords(viewer.provider.doc).values()]).includes('2468'),
      'the facilitator looking',
    )

    expect((await setPrivate(owner.cookie, { on: true, facilitatorSees: false })).status).toBe(200)
    await waitFor(() => viewer.closes.some((c) => c.code === 4403), 'the looking facilitator let go')
    expect((await tokenFor(co.cookie, own.roomId, 'read')).status).toBe(403)
    expect((await call(privateList, 'private', co.cookie)).status).toBe(200)
    viewer.provider.destroy()
  })

  it("refuses its owner's writes once private mode is off, so nothing is lost with the room", async () => {
    const own = await (await tokenFor(fatima.cookie, 'private')).json()
    const writer = client(own.roomId, own.token)
    await waitSynced(writer.provider)
    db().update(workshopSessions).set({ privateMode: false }).where(eq(workshopSessions.id, session.id)).run()
    writer.records.set(
      'shape:te-laat',
      noteRecord({
        id: 'shape:te-laat',
        parentId: 'page:page',
        x: 0,
        y: 0,
        text: 'Te laat',
        createdBy: own.presenceId,
      }),
    )
    await waitFor(() => writer.closes.some((c) => c.code === 4422), 'the late write refused')
    expect(writer.closes.find((c) => c.code === 4422)?.reason).toBe(
      'Privé schrijven is voorbij. Je briefjes staan nu op het gezamenlijke canvas.',
    )
    writer.provider.destroy()
    const stored = JSON.stringify([...readRecords(await loadStoredDoc(db(), own.roomId)).values()])
    expect(stored).not.toContain('Te laat')
    // The reveal still brings what was written in time.
    const revealed = await (await reveal(owner.cookie)).json()
    expect(revealed.revealed).toBe(1)
  })
})
