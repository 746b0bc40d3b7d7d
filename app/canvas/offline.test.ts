import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import { documentRecords, geoShape, makeStore, syncDocs } from './test-support'
import { SEED_PAGE_ID, bindStoreToYDoc } from './yjs-binding'

const open: Array<{ destroy(): unknown }> = []
afterEach(async () => {
  for (const o of open.splice(0)) await o.destroy()
})

/** A browser tab: IndexedDB loads first, then the binding and the seed (as useCollabStore does). */
async function tab(dbName: string) {
  const doc = new Y.Doc()
  const local = new IndexeddbPersistence(dbName, doc)
  await local.whenSynced
  const store = makeStore()
  const binding = bindStoreToYDoc({ store, doc, warn: () => {} })
  binding.seedIfEmpty()
  open.push(local, { destroy: () => binding.destroy() })
  return { doc, store, local }
}

describe('offline persistence', () => {
  it('two browsers with empty IndexedDB and an empty room end with one page', async () => {
    const a = await tab('room-1-browser-a')
    const b = await tab('room-1-browser-b')
    syncDocs(a.doc, b.doc)
    for (const c of [a, b]) {
      expect(
        documentRecords(c.store)
          .filter((r) => r.typeName === 'page')
          .map((r) => r.id),
      ).toEqual([SEED_PAGE_ID])
    }
  })

  it('keeps offline edits across a reload and merges them when the connection returns', async () => {
    const server = new Y.Doc()
    const first = await tab('room-2-browser')
    syncDocs(first.doc, server)
    // Offline from here on: draw, then close the tab.
    first.store.put([geoShape('drawn-offline', 40, 50)])
    await first.local.destroy()

    const again = await tab('room-2-browser')
    expect(again.store.get(geoShape('drawn-offline').id)).toMatchObject({ x: 40, y: 50 })
    syncDocs(again.doc, server)
    const other = makeStore()
    bindStoreToYDoc({ store: other, doc: server, warn: () => {} })
    expect(other.get(geoShape('drawn-offline').id)).toMatchObject({ x: 40, y: 50 })
    expect(documentRecords(other).filter((r) => r.typeName === 'page')).toHaveLength(1)
  })
})
