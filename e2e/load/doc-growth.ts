/**
 * Doc growth: how big does the Y.Doc get when one shape is edited 1,000 times, by one client or by
 * two clients taking turns? Runs real tldraw stores through the real binding, once per record
 * representation (Y.Map keyed by id vs y-utility's YKeyValue). Prints bytes of
 * Y.encodeStateAsUpdate. Run: `npx tsx e2e/load/doc-growth.ts [edits]` (npm run bench:doc-growth).
 */
import os from 'node:os'
import type { TLRecord, TLStore } from 'tldraw'
import * as Y from 'yjs'
import { connectDocs, flush, geoShape, makeStore } from '../../app/canvas/test-support'
import type { RecordRepresentation } from '../../app/canvas/y-records'
import { bindStoreToYDoc } from '../../app/canvas/yjs-binding'

// tldraw schedules store listeners with requestAnimationFrame, which Node lacks.
globalThis.requestAnimationFrame ??= (cb: FrameRequestCallback) =>
  setTimeout(() => cb(performance.now()), 16) as unknown as number
globalThis.cancelAnimationFrame ??= (handle: number) => clearTimeout(handle)

const EDITS = Number(process.argv[2] ?? 1000)
const SHAPES = 20

interface Client {
  doc: Y.Doc
  store: TLStore
}

function client(representation: RecordRepresentation): Client {
  const doc = new Y.Doc()
  const store = makeStore()
  bindStoreToYDoc({ store, doc, representation, warn: () => {} })
  return { doc, store }
}

/** One edit: one `store.put` (one Y transaction) moving the given shapes. */
function move(c: Client, ids: TLRecord['id'][], i: number) {
  c.store.put(
    ids.map((id) => {
      const shape = c.store.get(id) as TLRecord & { x: number }
      return { ...shape, x: shape.x + 1, y: i } as TLRecord
    }),
  )
  flush(c.store) // store listeners run on the next frame outside tests
}

type Pattern = 'same shape' | 'round-robin' | 'group move'

const size = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc).byteLength

function run(representation: RecordRepresentation, writers: 1 | 2, pattern: Pattern) {
  const shapeCount = pattern === 'same shape' ? 1 : SHAPES
  const a = client(representation)
  const b = client(representation)
  const disconnect = connectDocs(a.doc, b.doc)
  const shapes = Array.from({ length: shapeCount }, (_, i) => geoShape(`s${i}`, i * 10, 0))
  a.store.put(shapes)
  flush(a.store)
  const base = size(a.doc)
  const started = performance.now()
  for (let i = 0; i < EDITS; i++) {
    const editor = writers === 2 && i % 2 === 1 ? b : a
    const ids = pattern === 'group move' ? shapes.map((sh) => sh.id) : [shapes[i % shapeCount].id]
    move(editor, ids, i)
  }
  const ms = performance.now() - started
  disconnect()
  // A late joiner receives exactly this.
  const joiner = new Y.Doc()
  Y.applyUpdate(joiner, Y.encodeStateAsUpdate(a.doc))
  const converged = JSON.stringify(a.store.get(shapes[0].id)) === JSON.stringify(b.store.get(shapes[0].id))
  return { base, after: size(a.doc), joiner: size(joiner), ms, converged }
}

const cpu = os.cpus()[0]?.model ?? 'unknown'
console.log(
  `doc growth — ${EDITS} edits, ${new Date().toISOString()}, node ${process.version}, ${os.cpus().length}× ${cpu}`,
)
console.log(
  `representation | writers | edit pattern (${SHAPES} shapes unless "same shape") | bytes before | bytes after | growth/edit | late joiner | ms | converged`,
)
for (const representation of ['ymap', 'ykeyvalue'] as const) {
  for (const [writers, pattern] of [
    [1, 'same shape'],
    [2, 'same shape'],
    [1, 'round-robin'],
    [2, 'round-robin'],
    [1, 'group move'],
    [2, 'group move'],
  ] as const) {
    const r = run(representation, writers, pattern)
    const row = [
      representation,
      writers === 1 ? 'one client' : 'two alternating',
      pattern,
      r.base,
      r.after,
      ((r.after - r.base) / EDITS).toFixed(1),
      r.joiner,
      r.ms.toFixed(0),
      r.converged ? 'yes' : 'NO',
    ].join(' | ')
    console.log(row)
  }
}
// tldraw's frame scheduler keeps re-arming its timer; nothing else is pending.
process.exit(0)
