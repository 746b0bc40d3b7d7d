/**
 * Collaboration server benchmark: `npm run bench:collab`.
 * Runs the real collab server in-process (HTTP on 127.0.0.1:0, temp SQLite file) with real
 * y-websocket providers, prints a table, and writes the figures into the
 * "## Collaboration server" section of docs/performance.md.
 * Clients and server share one process and one core's event loop: figures include client-side
 * Yjs work and are an upper bound for what a browser on the LAN would see.
 */
import { execSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { getRecordMap } from '../../app/canvas/y-records'
import { openDb } from '../../db/client'
import { SqliteRoomStorage } from '../../server/collab/storage'
import {
  connect,
  newRoomId,
  startServer,
  tempDbFile,
  token,
  waitFor,
  waitSynced,
  type TestServer,
} from '../../server/collab/test-support'

const SHAPES = 1000
const CONNECTIONS = 20
const READERS = 10
const UPDATES = 500

function shapeRecord(i: number) {
  return {
    id: `shape:${i.toString(36).padStart(8, '0')}`,
    typeName: 'shape',
    type: 'geo',
    x: (i % 40) * 120,
    y: Math.floor(i / 40) * 90,
    rotation: 0,
    index: `a${i}`,
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      w: 100,
      h: 60,
      geo: 'rectangle',
      color: 'black',
      labelColor: 'black',
      fill: 'semi',
      dash: 'draw',
      size: 'm',
      font: 'draw',
      text: `Idee ${i}: speelplek`,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      scale: 1,
    },
  }
}

/** Stores `SHAPES` records as one update each, the way they would arrive when drawn. */
function seedRoom(storage: SqliteRoomStorage, roomId: string) {
  const doc = new Y.Doc()
  doc.on('update', (u: Uint8Array) => storage.append(roomId, u))
  // The canvas's own layout: tldraw records in a YKeyValue (app/canvas/y-records.ts).
  const records = getRecordMap(doc)
  for (let i = 0; i < SHAPES; i++) records.set(shapeRecord(i).id, shapeRecord(i))
  doc.destroy()
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}
const ms = (v: number) => `${v.toFixed(1)} ms`
const timingRows = (label: string, t: { open: number; connect: number }[]): [string, string, string][] => [
  [
    `open → synced, ${label} (n=${t.length})`,
    ms(
      pct(
        t.map((x) => x.open),
        50,
      ),
    ),
    ms(
      pct(
        t.map((x) => x.open),
        99,
      ),
    ),
  ],
  [
    `connect → synced, ${label} (n=${t.length})`,
    ms(
      pct(
        t.map((x) => x.connect),
        50,
      ),
    ),
    ms(
      pct(
        t.map((x) => x.connect),
        99,
      ),
    ),
  ],
]

type Timing = { open: number; connect: number }

/**
 * For one fresh provider: ms from websocket open to synced, and from creating the provider
 * (TCP connect, upgrade, token check) to synced. In one process the server may already load
 * the room before the client sees `open`, so the second figure is the honest one for cold loads.
 */
async function openToSynced(server: TestServer, roomId: string): Promise<{ ms: Timing; provider: WebsocketProvider }> {
  const created = performance.now()
  const provider = connect(server.url, roomId, token(roomId, 'p:1'))
  let opened = 0
  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'connected') opened = performance.now()
  })
  await waitSynced(provider)
  if (getRecordMap(provider.doc).entries().length < SHAPES) throw new Error('synced without all shapes')
  const done = performance.now()
  return { ms: { open: done - opened, connect: done - created }, provider }
}

async function measureSync(server: TestServer, storage: SqliteRoomStorage) {
  // server side only: registry.acquire of a room with 1,000 update rows, then of its snapshot
  const serverLog: number[] = []
  const serverSnapshot: number[] = []
  for (let i = 0; i < CONNECTIONS; i++) {
    const id = newRoomId('load')
    seedRoom(storage, id)
    let t0 = performance.now()
    const room = await server.collab.registry.acquire(id)
    serverLog.push(performance.now() - t0)
    room.compact()
    await waitFor(() => server.collab.registry.get(id) === undefined, 'room evicted')
    t0 = performance.now()
    await server.collab.registry.acquire(id)
    serverSnapshot.push(performance.now() - t0)
  }
  // cold, from 1,000 uncompacted update rows: a new room each time
  const coldLog: Timing[] = []
  for (let i = 0; i < CONNECTIONS; i++) {
    const roomId = newRoomId('cold')
    seedRoom(storage, roomId)
    const { ms, provider } = await openToSynced(server, roomId)
    coldLog.push(ms)
    provider.destroy()
  }
  // cold, from a snapshot: the room was evicted (and so compacted) after each connection
  const roomId = newRoomId('snap')
  seedRoom(storage, roomId)
  const coldSnapshot: Timing[] = []
  for (let i = 0; i < CONNECTIONS; i++) {
    await waitFor(() => server.collab.registry.get(roomId) === undefined, 'room evicted')
    const { ms, provider } = await openToSynced(server, roomId)
    if (i > 0) coldSnapshot.push(ms) // the first load still read the update log
    provider.destroy()
  }
  // warm: the room stays in memory because one client keeps it open
  const holder = connect(server.url, roomId, token(roomId, 'p:0'))
  await waitSynced(holder)
  const warm: Timing[] = []
  for (let i = 0; i < CONNECTIONS; i++) {
    const { ms, provider } = await openToSynced(server, roomId)
    warm.push(ms)
    provider.destroy()
  }
  holder.destroy()
  return { serverLog, serverSnapshot, coldLog, coldSnapshot, warm }
}

async function measureFanOut(server: TestServer) {
  const roomId = newRoomId('fanout')
  const writer = connect(server.url, roomId, token(roomId, 'p:0'))
  const readers = Array.from({ length: READERS }, (_, i) => connect(server.url, roomId, token(roomId, `p:${i + 1}`)))
  await Promise.all([writer, ...readers].map(waitSynced))
  const sentAt = new Map<string, number>()
  const latencies: number[] = []
  let received = 0
  for (const reader of readers) {
    getRecordMap(reader.doc).onChange((changes) => {
      const now = performance.now()
      for (const key of changes.keys()) {
        const t0 = sentAt.get(key)
        if (t0 !== undefined) latencies.push(now - t0)
        received++
      }
    })
  }
  const records = getRecordMap(writer.doc)
  const send = (i: number, tag: string) => {
    const rec = shapeRecord(i)
    const key = `${tag}:${rec.id}`
    sentAt.set(key, performance.now())
    records.set(key, rec)
  }
  // one at a time: each update reaches all readers before the next is sent
  for (let i = 0; i < UPDATES; i++) {
    const target = received + READERS
    send(i, 'seq')
    await waitFor(() => received >= target, 'fan-out', 30_000)
  }
  const sequential = latencies.splice(0)
  // burst: all updates back to back
  const burstStart = performance.now()
  const target = received + UPDATES * READERS
  for (let i = 0; i < UPDATES; i++) send(i, 'burst')
  await waitFor(() => received >= target, 'burst fan-out', 60_000)
  const burstTotal = performance.now() - burstStart
  const burst = latencies.splice(0)
  for (const p of [writer, ...readers]) p.destroy()
  return { sequential, burst, burstTotal }
}

function storageFigures(file: string) {
  const db = openDb(file)
  db.$client.pragma('wal_checkpoint(TRUNCATE)')
  const updates = (db.$client.prepare('select count(*) n from room_updates').get() as { n: number }).n
  const snaps = db.$client
    .prepare('select count(*) n, coalesce(sum(length(state)), 0) bytes from room_snapshots')
    .get() as { n: number; bytes: number }
  db.$client.close()
  return { updates, snapshots: snaps.n, snapshotBytes: snaps.bytes, fileBytes: fs.statSync(file).size }
}

function machine() {
  const cpu =
    /model name\s*:\s*(.+)/.exec(fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '')?.[1] ??
    os.cpus()[0]?.model ??
    'unknown'
  return {
    date: execSync('date').toString().trim(),
    cores: os.availableParallelism(),
    node: process.version,
    arch: os.machine(),
    cpu,
  }
}

async function main() {
  process.setMaxListeners(0) // every provider adds an 'exit' listener
  const file = tempDbFile('bench')
  let server = await startServer(file, { graceMs: 0 })
  const storage = new SqliteRoomStorage(server.db)
  const sync = await measureSync(server, storage)
  await server.close()
  server = await startServer(file, { graceMs: 60_000 })
  const fan = await measureFanOut(server)
  await server.close() // compacts every room still in memory
  const store = storageFigures(file)
  const m = machine()

  const rows: [string, string, string][] = [
    [
      `server: load room from ${SHAPES} update rows (n=${CONNECTIONS})`,
      ms(pct(sync.serverLog, 50)),
      ms(pct(sync.serverLog, 99)),
    ],
    [
      `server: load room from its snapshot (n=${CONNECTIONS})`,
      ms(pct(sync.serverSnapshot, 50)),
      ms(pct(sync.serverSnapshot, 99)),
    ],
    ...timingRows(`cold load, ${SHAPES} update rows`, sync.coldLog),
    ...timingRows('cold load from snapshot', sync.coldSnapshot),
    ...timingRows('warm room in memory', sync.warm),
    [
      `update → ${READERS} clients, one at a time (${UPDATES}×${READERS})`,
      ms(pct(fan.sequential, 50)),
      ms(pct(fan.sequential, 99)),
    ],
    [
      `update → ${READERS} clients, burst of ${UPDATES} (total ${ms(fan.burstTotal)})`,
      ms(pct(fan.burst, 50)),
      ms(pct(fan.burst, 99)),
    ],
  ]
  const storageLine = `${store.updates} update rows, ${store.snapshots} snapshots (${(store.snapshotBytes / 1024).toFixed(0)} KiB), database file ${(store.fileBytes / 1024 / 1024).toFixed(2)} MiB`
  const table = ['| measurement | p50 | p99 |', '|---|---:|---:|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join(
    '\n',
  )
  console.log(`\n${table}\n\nAfter compaction: ${storageLine}`)
  console.log(`Machine: ${m.cpu}, ${m.cores} cores, ${m.arch}, Node ${m.node}; ${m.date}\n`)

  writeSection(
    [
      '## Collaboration server',
      '',
      `Measured with \`npm run bench:collab\` (e2e/load/collab-bench.ts) on ${m.date}.`,
      `Machine: ${m.cpu}, ${m.cores} cores (\`nproc\`), ${m.arch}, Node ${m.node}.`,
      '',
      `Server and clients run in one Node process over loopback: the figures include the clients' Yjs work.`,
      `Room: ${SHAPES} tldraw-like shape records (~300 bytes JSON each) in the canvas's YKeyValue layout; SQLite WAL, synchronous=NORMAL.`,
      `Every update is committed to SQLite before it is relayed (docs/collab-protocol.md).`,
      '',
      table,
      '',
      `After compaction: ${storageLine}.`,
      '',
      `"One at a time" is the latency a person sees: one edit, committed, at all ${READERS} others. The burst`,
      `sends ${UPDATES} edits back to back, so its per-update figures are mostly queueing; what it shows is`,
      `throughput: ${Math.round((UPDATES * READERS) / (fan.burstTotal / 1000))} deliveries/s (${Math.round(UPDATES / (fan.burstTotal / 1000))} committed updates/s, each relayed to ${READERS} clients).`,
      '',
    ].join('\n'),
  )
}

/** Replaces (or appends) only our section of docs/performance.md. */
function writeSection(section: string) {
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/performance.md')
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Performance\n'
  const start = current.search(/^## Collaboration server\s*$/m)
  let next: string
  if (start === -1) {
    next = `${current.trimEnd()}\n\n${section}`
  } else {
    const rest = current.slice(start + 1)
    const end = rest.search(/^## /m)
    next = current.slice(0, start) + section + (end === -1 ? '' : `\n${rest.slice(end)}`)
  }
  fs.writeFileSync(file, next.endsWith('\n') ? next : `${next}\n`)
  console.log(`wrote ${path.relative(process.cwd(), file)}`)
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err)
    process.exit(1)
  },
)
