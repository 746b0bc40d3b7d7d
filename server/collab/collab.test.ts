import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { encodeAwarenessEntries } from './awareness'
import { encodeAwareness, encodeUpdate } from './protocol'
import type { RoomPolicy } from './room'
import {
  connect,
  content,
  loadStoredDoc,
  newRoomId,
  prng,
  randomEdit,
  sameState,
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

async function server(file = tempDbFile('collab'), options: Parameters<typeof startServer>[1] = {}) {
  const s = await startServer(file, options)
  cleanups.push(() => s.close())
  return s
}

function client(s: TestServer, roomId: string, subject = 'p:1') {
  const p = connect(s.url, roomId, token(roomId, subject))
  cleanups.push(() => p.destroy())
  return p
}

function rawClient(url: string) {
  const ws = new WebSocket(url)
  cleanups.push(() => ws.terminate())
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
  const opened = new Promise<void>((resolve, reject) => {
    ws.on('open', () => resolve())
    ws.on('error', reject)
  })
  return { ws, opened, closed }
}

describe('collaboration with real providers', () => {
  it('converges 4 clients making random concurrent edits, and serves it all after a restart', async () => {
    const file = tempDbFile('restart')
    const s = await server(file, { compactEvery: 25 })
    const roomId = newRoomId()
    const peers = [1, 2, 3, 4].map((n) => client(s, roomId, `p:${n}`))
    await Promise.all(peers.map(waitSynced))
    const rnd = prng(7)
    for (let round = 0; round < 60; round++) {
      for (const [i, p] of peers.entries()) randomEdit(p.doc, rnd, `c${i}`)
      if (round % 10 === 0) await new Promise((r) => setTimeout(r, 5))
    }
    await waitFor(() => sameState(peers.map((p) => p.doc)), 'peers converge')
    const expected = content(peers[0].doc)
    expect(expected.notes.length).toBeGreaterThan(0)

    for (const p of peers) p.destroy()
    await s.close()
    const again = await server(file)
    const fresh = client(again, roomId, 'p:5')
    await waitSynced(fresh)
    expect(content(fresh.doc)).toEqual(expected)
  })

  it('strips awareness a connection sends for other clients and stamps the authenticated identity', async () => {
    const s = await server()
    const roomId = newRoomId()
    const alice = client(s, roomId, 'p:1')
    const observer = client(s, roomId, 'u:obs')
    alice.awareness.setLocalState({
      user: { id: 'pid-u:boss', name: 'Ik ben de baas', role: 'facilitator', color: '#f00' },
      cursor: { x: 1 },
    })
    await Promise.all([waitSynced(alice), waitSynced(observer)])
    const aliceId = alice.doc.clientID
    await waitFor(() => observer.awareness.getStates().get(aliceId)?.cursor?.x === 1, 'alice visible')
    expect(observer.awareness.getStates().get(aliceId)!.user).toEqual({
      id: 'pid-p:1',
      name: 'Ouder 1',
      role: 'ouder',
      mode: 'edit',
      color: '#f00',
    })

    const mallory = rawClient(`${s.url}/${roomId}?token=${token(roomId, 'p:9')}`)
    await mallory.opened
    const malloryId = 424242
    mallory.ws.send(
      encodeAwareness(
        encodeAwarenessEntries([
          { clientId: aliceId, clock: 999, state: { user: { name: 'Gehackt' } } },
          { clientId: aliceId, clock: 1000, state: null },
          {
            clientId: malloryId,
            clock: 1,
            state: { user: { name: 'Begeleider', role: 'facilitator', color: '#0f0' }, cursor: { x: 5 } },
          },
        ]),
      ),
    )
    await waitFor(() => observer.awareness.getStates().has(malloryId), 'mallory visible')
    expect(observer.awareness.getStates().get(malloryId)).toEqual({
      user: { id: 'pid-p:9', name: 'Ouder 9', role: 'ouder', mode: 'edit', color: '#0f0' },
      cursor: { x: 5 },
    })
    expect(observer.awareness.getStates().get(aliceId)!.user.name).toBe('Ouder 1')

    mallory.ws.close()
    await waitFor(() => !observer.awareness.getStates().has(malloryId), 'mallory removed on close')
    expect(observer.awareness.getStates().has(aliceId)).toBe(true)
  })

  it('closes a connection that sends a malformed message with 4400; the room carries on', async () => {
    const s = await server()
    const roomId = newRoomId()
    const a = client(s, roomId, 'p:1')
    const b = client(s, roomId, 'p:2')
    await Promise.all([waitSynced(a), waitSynced(b)])
    const garbage = [
      new Uint8Array([0xff, 0xff, 0xff]), // unknown type, truncated varint
      encodeUpdate(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9])), // well-framed, undecodable update
      encodeAwareness(new Uint8Array([1, 5, 1, 3, 0x7b, 0x7b, 0x7b])), // awareness with broken JSON
      new Uint8Array([0, 1]), // step2 without payload
    ]
    for (const frame of garbage) {
      const bad = rawClient(`${s.url}/${roomId}?token=${token(roomId, 'p:9')}`)
      await bad.opened
      bad.ws.send(frame)
      expect((await bad.closed).code).toBe(4400)
    }
    a.doc.getMap('m').set('stillWorks', true)
    await waitFor(() => b.doc.getMap('m').get('stillWorks') === true, 'room still relays')
    expect((await loadStoredDoc(s.db, roomId)).getMap('m').toJSON()).toEqual({ stillWorks: true })
  })

  it('does not apply, store or relay an update the policy rejects, and closes that connection with 4422', async () => {
    const policy: RoomPolicy = {
      acceptUpdate: ({ update }) => {
        const forbidden = Y.decodeUpdate(update).structs.some((s) => s instanceof Y.Item && s.parentSub === 'locked')
        return forbidden ? { ok: false, reason: 'Dit onderdeel is vergrendeld' } : { ok: true }
      },
    }
    const s = await server(undefined, { policy })
    const roomId = newRoomId()
    const a = client(s, roomId, 'p:1')
    const b = client(s, roomId, 'p:2')
    await Promise.all([waitSynced(a), waitSynced(b)])
    const closes: number[] = []
    a.on('connection-close', (event) => closes.push(event?.code ?? 0))
    a.doc.getMap('m').set('locked', 'mine now')
    await waitFor(() => closes.length > 0, 'a closed')
    expect(closes[0]).toBe(4422)
    a.destroy() // the app stops retrying on 4422

    b.doc.getMap('m').set('allowed', 1)
    b.awareness.setLocalStateField('marker', 1)
    await waitFor(
      () => (s.collab.registry.get(roomId)?.doc.getMap('m').get('allowed') as number) === 1,
      'allowed applied',
    )
    expect(b.doc.getMap('m').has('locked')).toBe(false)
    expect(s.collab.registry.get(roomId)!.doc.getMap('m').has('locked')).toBe(false)
    expect((await loadStoredDoc(s.db, roomId)).getMap('m').toJSON()).toEqual({ allowed: 1 })
  })

  it('echoes awareness to its sender, so a lone client keeps receiving messages and is not dropped', async () => {
    const s = await server()
    const roomId = newRoomId()
    const alone = client(s, roomId)
    await waitSynced(alone)
    const before = alone.wsLastMessageReceived
    await new Promise((r) => setTimeout(r, 5))
    alone.awareness.setLocalStateField('cursor', { x: 1 }) // what the 15 s renewal sends too
    await waitFor(() => alone.wsLastMessageReceived > before, 'echo received')
  })
})
