/**
 * Random peers, random edits, random disconnects, reconnects and replaced peers, with
 * aggressive compaction and eviction; then every peer, the server and a fresh client after a
 * restart must hold the same document. Seeds are fixed so a failure can be replayed.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
  connect,
  content,
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

async function run(seed: number) {
  const rnd = prng(seed)
  const file = tempDbFile('fuzz')
  let server: TestServer = await startServer(file, { compactEvery: 7, graceMs: 20 })
  cleanups.push(() => server.close())
  const roomId = newRoomId(`fuzz${seed}`)
  const open = (n: number) => {
    const p = connect(server.url, roomId, token(roomId, `p:${n}`), new Y.Doc())
    cleanups.push(() => p.destroy())
    return p
  }
  const peers: WebsocketProvider[] = [1, 2, 3, 4, 5].map(open)
  let next = 6

  for (let step = 0; step < 150; step++) {
    const i = Math.floor(rnd() * peers.length)
    const p = peers[i]
    const action = rnd()
    if (action < 0.65) {
      const n = 1 + Math.floor(rnd() * 3)
      for (let k = 0; k < n; k++) randomEdit(p.doc, rnd, `s${seed}p${i}`)
    } else if (action < 0.82) {
      if (p.shouldConnect) p.disconnect()
      else p.connect()
    } else if (action < 0.87) {
      // a peer leaves for good (possibly with unsent edits) and a new one joins
      p.destroy()
      peers[i] = open(next++)
    } else {
      await new Promise((r) => setTimeout(r, Math.floor(rnd() * 25)))
    }
  }

  for (const p of peers) if (!p.shouldConnect) p.connect()
  await Promise.all(peers.map(waitSynced))
  await waitFor(
    () => {
      const room = server.collab.registry.get(roomId)
      return room !== undefined && sameState([room.doc, ...peers.map((p) => p.doc)])
    },
    `seed ${seed}: peers and server converge`,
    30_000,
  )
  const expected = content(peers[0].doc)
  expect(expected.shapes.length + expected.notes.length).toBeGreaterThan(0)

  for (const p of peers) p.destroy()
  await server.close()
  server = await startServer(file)
  const fresh = connect(server.url, roomId, token(roomId, 'p:99'))
  cleanups.push(() => fresh.destroy())
  await waitSynced(fresh)
  expect(content(fresh.doc)).toEqual(expected)
}

describe('fuzz', () => {
  for (const seed of [1, 2, 3]) {
    it(`converges with random edits, disconnects and restarts (seed ${seed})`, () => run(seed), 60_000)
  }
})
