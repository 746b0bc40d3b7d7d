import {
  GeoShapeUtil,
  createShapeId,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  type TLShape,
  type TLStore,
} from 'tldraw'
import * as Y from 'yjs'
import { SEED_PAGE_ID } from './yjs-binding'

/** Helpers shared by the canvas unit tests and the doc-growth benchmark (Node only). */

export function makeStore(): TLStore {
  return createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
}

/** Exchanges what each doc is missing, like a y-websocket round trip, with a 'remote' origin. */
export function syncDocs(a: Y.Doc, b: Y.Doc) {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a))
  Y.applyUpdate(b, toB, 'remote')
  Y.applyUpdate(a, toA, 'remote')
}

/** Forwards every update of `a` to `b` and back as it happens (a live connection). */
export function connectDocs(a: Y.Doc, b: Y.Doc): () => void {
  const ab = (update: Uint8Array, origin: unknown) => {
    if (origin !== b) Y.applyUpdate(b, update, a)
  }
  const ba = (update: Uint8Array, origin: unknown) => {
    if (origin !== a) Y.applyUpdate(a, update, b)
  }
  a.on('update', ab)
  b.on('update', ba)
  syncDocs(a, b)
  return () => {
    a.off('update', ab)
    b.off('update', ba)
  }
}

/** Document-scope records of a store, sorted, for comparing two stores. */
export function documentRecords(store: TLStore) {
  const types = store.schema.types as Record<string, { scope: string }>
  return store
    .allRecords()
    .filter((r) => types[r.typeName]?.scope === 'document')
    .sort((x, y) => (x.id < y.id ? -1 : 1))
}

/** The store's history listeners run on the next frame outside tests; flush them now. */
export function flush(store: TLStore) {
  store._flushHistory()
}

/** A valid geo shape on the seeded page (default props, without an editor). */
export function geoShape(id: string, x = 0, y = 0): TLShape {
  const props = (GeoShapeUtil.prototype as unknown as { getDefaultProps(this: object): object }).getDefaultProps.call({
    options: {},
  })
  return {
    ...(geoType.create({ id: createShapeId(id), type: 'geo', parentId: SEED_PAGE_ID, index: 'a1', props }) as TLShape),
    x,
    y,
  }
}
const geoType = makeStore().schema.types.shape as unknown as { create(r: object): unknown }
