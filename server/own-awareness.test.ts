import { afterEach, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { sendOwnAwarenessOnly } from '../app/canvas/own-awareness'
import { connect, newRoomId, startServer, tempDbFile, token, waitFor, waitSynced } from './collab/test-support'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

/** Counts the awareness frames (first byte 1) a provider sends from now on. */
function countAwarenessFrames(provider: WebsocketProvider): { count: number } {
  const counter = { count: 0 }
  const ws = provider.ws!
  const send = ws.send.bind(ws)
  ws.send = (data: Parameters<WebSocket['send']>[0]) => {
    if (data instanceof Uint8Array && data[0] === 1) counter.count++
    send(data)
  }
  return counter
}

describe('the canvas sends only its own presence', () => {
  it('does not echo other people’s cursors back to the server, and its own state still reaches everyone', async () => {
    const s = await startServer(tempDbFile('own-awareness'))
    cleanups.push(() => s.close())
    const roomId = newRoomId()
    const open = (subject: string, own: boolean) => {
      const p = connect(s.url, roomId, token(roomId, subject))
      if (own) sendOwnAwarenessOnly(p)
      cleanups.push(() => p.destroy())
      return p
    }
    const mover = open('p:mover', true)
    const stock = open('p:stock', false)
    const ours = open('p:ours', true)
    await Promise.all([mover, stock, ours].map(waitSynced))
    ours.awareness.setLocalStateField('cursor', { x: 1, y: 1 })
    await waitFor(() => mover.awareness.getStates().get(ours.awareness.clientID)?.cursor !== undefined, 'own state')
    const stockFrames = countAwarenessFrames(stock)
    const ourFrames = countAwarenessFrames(ours)

    for (let i = 1; i <= 40; i++) mover.awareness.setLocalStateField('cursor', { x: i, y: i })
    const seen = (p: WebsocketProvider) =>
      (p.awareness.getStates().get(mover.awareness.clientID)?.cursor as { x: number } | undefined)?.x === 40
    await waitFor(() => seen(stock) && seen(ours), 'the last cursor position')

    // The stock provider echoed what it heard; ours sent nothing that was not its own.
    expect(stockFrames.count).toBeGreaterThan(0)
    expect(ourFrames.count).toBe(0)

    ours.awareness.setLocalStateField('cursor', { x: 7, y: 7 })
    await waitFor(
      () => (stock.awareness.getStates().get(ours.awareness.clientID)?.cursor as { x: number })?.x === 7,
      'own change',
    )
    expect(ourFrames.count).toBe(1)
  })
})
