/**
 * Presence survives a reconnect: stock providers echo every awareness change they receive,
 * removals included, so a bystander's echo must not take a person's client id while that person
 * reconnects; and a reconnecting person takes their id back from an earlier (half-open) socket.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { encodeAwarenessEntries } from './awareness'
import { encodeAwareness } from './protocol'
import { rawClient } from './raw-client'
import {
  connect,
  newRoomId,
  startServer,
  tempDbFile,
  token,
  waitFor,
  waitSynced,
  type TestServer,
} from './test-support'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

async function server() {
  const s = await startServer(tempDbFile('presence'), { graceMs: 60_000 })
  cleanups.push(() => s.close())
  return s
}

function client(s: TestServer, roomId: string, subject: string, doc = new Y.Doc()) {
  const p = connect(s.url, roomId, token(roomId, subject), doc)
  cleanups.push(() => p.destroy())
  return p
}

describe('presence across reconnects', () => {
  it("brings the facilitator's cursor back for everyone after a blip, although a bystander echoed its removal", async () => {
    const s = await server()
    const roomId = newRoomId()
    const facilitator = client(s, roomId, 'u:f')
    const bystander = client(s, roomId, 'p:2')
    facilitator.awareness.setLocalStateField('cursor', { x: 1 })
    bystander.awareness.setLocalStateField('cursor', { x: 2 })
    await Promise.all([facilitator, bystander].map(waitSynced))
    const id = facilitator.doc.clientID
    await waitFor(() => bystander.awareness.getStates().get(id)?.cursor?.x === 1, 'facilitator visible')

    // The blip: the facilitator's socket goes; the server removes its state, the bystander's
    // stock provider receives the removal and sends it back.
    facilitator.disconnect()
    await waitFor(() => !bystander.awareness.getStates().has(id), 'removal reached the bystander')
    // Anything the bystander sends after its echo arrives after it: wait for that at the server.
    const room = s.collab.registry.get(roomId)!
    bystander.awareness.setLocalStateField('marker', 1)
    await waitFor(() => room.awareness.getStates().get(bystander.doc.clientID)?.marker === 1, 'echo processed')

    // Back with the same doc and the same awareness clock (nothing changed while away).
    facilitator.connect()
    await waitSynced(facilitator)
    await waitFor(() => bystander.awareness.getStates().get(id)?.cursor?.x === 1, 'facilitator visible again')
    expect(bystander.awareness.getStates().get(id)!.user).toMatchObject({ id: 'pid-u:f', name: 'Begeleider f' })

    // And it is the facilitator's again: their next move reaches the bystander.
    facilitator.awareness.setLocalStateField('cursor', { x: 3 })
    await waitFor(() => bystander.awareness.getStates().get(id)?.cursor?.x === 3, 'facilitator moves')
    const latecomer = client(s, roomId, 'p:3')
    await waitFor(() => latecomer.awareness.getStates().get(id)?.cursor?.x === 3, 'latecomer sees the facilitator')
  })

  it('never lets a removal claim an id, nor lets anyone but its connection remove a state', async () => {
    const s = await server()
    const roomId = newRoomId()
    const alice = client(s, roomId, 'p:1')
    const observer = client(s, roomId, 'u:obs')
    alice.awareness.setLocalStateField('cursor', { x: 1 })
    await Promise.all([alice, observer].map(waitSynced))
    const id = alice.doc.clientID
    await waitFor(() => observer.awareness.getStates().has(id), 'alice visible')

    const mallory = rawClient(`${s.url}/${roomId}?token=${token(roomId, 'p:9')}`)
    cleanups.push(() => mallory.ws.terminate())
    await mallory.opened
    const clock = s.collab.registry.get(roomId)!.awareness.meta.get(id)!.clock
    // a removal of alice's live state, and a removal of an id nobody has
    mallory.send(
      encodeAwareness(
        encodeAwarenessEntries([
          { clientId: id, clock: clock + 1, state: null },
          { clientId: 5555, clock: 1, state: null },
        ]),
      ),
    )
    // then a state for 5555: mallory's own, since the removal did not make it anyone's
    mallory.send(encodeAwareness(encodeAwarenessEntries([{ clientId: 5555, clock: 2, state: { cursor: { x: 9 } } }])))
    await waitFor(() => observer.awareness.getStates().has(5555), "mallory's own state")
    expect(observer.awareness.getStates().get(id)?.cursor).toEqual({ x: 1 })
  })

  it('hands a reconnecting person their id from their earlier, still open connection; closing that one keeps it', async () => {
    const s = await server()
    const roomId = newRoomId()
    const bystander = client(s, roomId, 'p:2')
    await waitSynced(bystander)
    const id = 987654
    // The earlier connection of u:f, half-open: the server still thinks it is there.
    const stale = rawClient(`${s.url}/${roomId}?token=${token(roomId, 'u:f')}`)
    cleanups.push(() => stale.ws.terminate())
    await stale.opened
    stale.send(encodeAwareness(encodeAwarenessEntries([{ clientId: id, clock: 1, state: { cursor: { x: 1 } } }])))
    await waitFor(() => bystander.awareness.getStates().get(id)?.cursor?.x === 1, 'stale state visible')

    // Someone else cannot take it while it is held ...
    const mallory = rawClient(`${s.url}/${roomId}?token=${token(roomId, 'p:9')}`)
    cleanups.push(() => mallory.ws.terminate())
    await mallory.opened
    mallory.send(encodeAwareness(encodeAwarenessEntries([{ clientId: id, clock: 5, state: { cursor: { x: 666 } } }])))

    // ... but the same person's new tab with that id can, as its first id.
    const doc = new Y.Doc()
    doc.clientID = id
    const fresh = client(s, roomId, 'u:f', doc)
    fresh.awareness.setLocalStateField('cursor', { x: 2 })
    await waitSynced(fresh)
    await waitFor(() => bystander.awareness.getStates().get(id)?.cursor?.x === 2, 'new connection speaks for it')

    stale.ws.terminate()
    await waitFor(() => s.collab.registry.get(roomId)!.connectionCount === 3, 'stale socket gone')
    fresh.awareness.setLocalStateField('cursor', { x: 3 })
    await waitFor(() => bystander.awareness.getStates().get(id)?.cursor?.x === 3, 'still visible and moving')
    expect(bystander.awareness.getStates().get(id)!.user).toMatchObject({ id: 'pid-u:f' })
  })
})
