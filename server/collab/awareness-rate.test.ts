import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { encodeAwarenessEntries } from './awareness'
import { encodeAwareness, encodeSyncStep1 } from './protocol'
import { rawClient } from './raw-client'
import { connect, newRoomId, startServer, tempDbFile, token, waitFor, waitSynced } from './test-support'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

/**
 * A stock provider re-sends every presence change it hears. Those echoes have a frame budget of
 * their own, so a busy room's cursors do not use up the budget a connection has for its edits.
 */
describe('awareness frames are counted apart from other messages', () => {
  it('lets echoes of others’ presence far past the message rate through, and cuts off a flood of awareness frames', async () => {
    const s = await startServer(tempDbFile('awareness-rate'), {
      rateLimit: { perSecond: 5, burst: 10 },
      awarenessFrameLimit: { perSecond: 50, burst: 300 },
      graceMs: 60_000,
    })
    cleanups.push(() => s.close())
    const roomId = newRoomId()
    const mover = connect(s.url, roomId, token(roomId, 'p:mover'))
    cleanups.push(() => mover.destroy())
    await waitSynced(mover)
    mover.awareness.setLocalStateField('cursor', { x: 1 })
    const moverId = mover.awareness.clientID

    const echo = (i: number) =>
      encodeAwareness(encodeAwarenessEntries([{ clientId: moverId, clock: i + 1, state: { cursor: { x: i } } }]))
    const bystander = rawClient(`${s.url}/${roomId}?token=${token(roomId, 'p:bystander')}`)
    cleanups.push(() => bystander.ws.terminate())
    await bystander.opened
    for (let i = 0; i < 200; i++) bystander.send(echo(i))
    // Still connected: a sync step 1 after the echoes is answered.
    const answered = new Promise<void>((resolve) => bystander.ws.once('message', () => resolve()))
    bystander.send(encodeSyncStep1(new Y.Doc()))
    await answered
    expect(bystander.ws.readyState).toBe(bystander.ws.OPEN)
    // The echoes were someone else's: the mover's presence is untouched.
    expect((mover.awareness.getStates().get(moverId)?.cursor as { x: number }).x).toBe(1)

    const flooder = rawClient(`${s.url}/${roomId}?token=${token(roomId, 'p:flooder')}`)
    cleanups.push(() => flooder.ws.terminate())
    await flooder.opened
    let closed: { code: number; reason: string } | null = null
    void flooder.closed.then((r) => (closed = r))
    for (let i = 0; i < 5000 && closed === null && flooder.ws.readyState === flooder.ws.OPEN; i++) flooder.send(echo(i))
    expect(await flooder.closed).toMatchObject({ code: 1008, reason: 'Te veel berichten' })
    await waitFor(() => s.collab.registry.get(roomId)?.connectionCount === 2, 'the flooder gone')
  })
})
