import { afterEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { getRecordMap } from '../app/canvas/y-records'
import { listMoments, restoreMoment } from '../app/sessions/history.server'
import {
  connect,
  newRoomId,
  startServer,
  tempDbFile,
  token,
  waitFor,
  waitSynced,
  type TestServer,
} from './collab/test-support'

/**
 * A canvas's history end to end: real Yjs clients writing tldraw records through the canvas
 * document contract, the real collab server keeping moments, and the app's restore.
 */
const cleanups: (() => unknown)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

async function server(options: Parameters<typeof startServer>[1] = {}) {
  const s = await startServer(tempDbFile('canvas-history'), { history: { intervalMs: 40 }, ...options })
  cleanups.push(() => s.close())
  // what server/app-server.ts hands Remix as context.collab
  const control = {
    deleteRoom: (roomId: string, alongside: () => void) => s.collab.deleteRoom(roomId, alongside),
    endLogin: () => {},
    connectedSubjects: () => [],
    closeSubject: () => 0,
    history: s.collab.history,
    transact: s.collab.transact,
  }
  return { s, control }
}

function client(s: TestServer, roomId: string, subject: string) {
  const p = connect(s.url, roomId, token(roomId, subject))
  cleanups.push(() => p.destroy())
  return p
}

const shape = (id: string, x: number, by: string) => ({
  id: `shape:${id}`,
  typeName: 'shape',
  type: 'geo',
  parentId: 'page:page',
  x,
  y: 0,
  props: { w: 100, h: 80, text: `${by} ${id}` },
})

/** The doc's records by id, sorted, as a client's tldraw store would get them. */
const records = (doc: Y.Doc) =>
  Object.fromEntries(
    getRecordMap(doc)
      .entries()
      .sort(([a], [b]) => a.localeCompare(b)),
  )
const shapeIds = (doc: Y.Doc) => Object.keys(records(doc)).filter((id) => id.startsWith('shape:'))

describe('canvas history', () => {
  it('restores a moment for every client after everything was deleted, and keeps the delete in history', async () => {
    const { s, control } = await server()
    const roomId = newRoomId('canvas')
    const fien = client(s, roomId, 'u:fien')
    const ouder = client(s, roomId, 'p:1')
    await Promise.all([waitSynced(fien), waitSynced(ouder)])

    const fienRecords = getRecordMap(fien.doc)
    fien.doc.transact(() => {
      fienRecords.set('page:page', { id: 'page:page', typeName: 'page', name: 'Pagina 1', index: 'a1' })
      for (const [i, id] of ['a', 'b', 'c'].entries()) fienRecords.set(`shape:${id}`, shape(id, i * 120, 'fien'))
    })
    const ouderRecords = getRecordMap(ouder.doc)
    ouderRecords.set('shape:d', shape('d', 400, 'ouder'))
    ouderRecords.set('shape:e', shape('e', 520, 'ouder'))
    // and one shape changed after it was made
    fienRecords.set('shape:a', { ...shape('a', 0, 'fien'), x: 33 })
    await waitFor(() => shapeIds(fien.doc).length === 5 && shapeIds(ouder.doc).length === 5, 'both see 5 shapes')
    const before = records(fien.doc)
    expect(records(ouder.doc)).toEqual(before)

    await waitFor(() => listMoments(control, roomId).some((m) => m.shapeCount === 5), 'a moment with 5 shapes')
    const moment = listMoments(control, roomId).find((m) => m.shapeCount === 5)!
    expect(moment.reason).toBe('interval')

    // the participant deletes everything
    ouder.doc.transact(() => {
      for (const id of shapeIds(ouder.doc)) ouderRecords.delete(id)
    })
    await waitFor(() => shapeIds(fien.doc).length === 0, 'the delete reaches the facilitator')

    const result = await restoreMoment(control, roomId, moment.id)
    expect(result).toEqual({ restored: moment.id, written: 5, deleted: 0 })
    await waitFor(
      () =>
        JSON.stringify(records(fien.doc)) === JSON.stringify(before) &&
        JSON.stringify(records(ouder.doc)) === JSON.stringify(before),
      'everything is back for both clients',
    )
    // and for someone who arrives afterwards, from the stored room
    const late = client(s, roomId, 'p:2')
    await waitSynced(late)
    expect(records(late.doc)).toEqual(before)

    // the canvas as it was just before the restore (empty) is itself a moment
    const moments = listMoments(control, roomId)
    const restoreMomentKept = moments.find((m) => m.reason === 'restore')
    expect(restoreMomentKept).toMatchObject({ shapeCount: 0 })
    expect(moments.indexOf(restoreMomentKept!)).toBeLessThan(moments.indexOf(moments.find((m) => m.id === moment.id)!))

    // restoring a moment that equals the canvas writes nothing
    expect(await restoreMoment(control, roomId, moment.id)).toEqual({ restored: moment.id, written: 0, deleted: 0 })
    // an unknown moment, or one of another room, is not restored
    expect(await restoreMoment(control, newRoomId('other'), moment.id)).toBeUndefined()
  })

  it('restores into a room nobody has open, removing what came later', async () => {
    const { s, control } = await server({ graceMs: 20 })
    const roomId = newRoomId('canvas')
    const fien = client(s, roomId, 'u:fien')
    await waitSynced(fien)
    const fienRecords = getRecordMap(fien.doc)
    fienRecords.set('shape:a', shape('a', 0, 'fien'))
    await waitFor(() => listMoments(control, roomId).some((m) => m.shapeCount === 1), 'a moment with 1 shape')
    const moment = listMoments(control, roomId).find((m) => m.shapeCount === 1)!
    fienRecords.set('shape:b', shape('b', 200, 'fien'))
    await waitFor(() => s.collab.registry.get(roomId)?.doc.getArray('tl_records').length === 2, 'second shape stored')
    fien.destroy()
    await waitFor(() => s.collab.registry.get(roomId) === undefined, 'the room leaves memory')
    expect(await restoreMoment(control, roomId, moment.id)).toMatchObject({ written: 0, deleted: 1 })
    const again = client(s, roomId, 'u:fien')
    await waitSynced(again)
    expect(shapeIds(again.doc)).toEqual(['shape:a'])
  })
})
