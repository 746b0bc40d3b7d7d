import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getRecordMap, RECORDS_KEY, replaceRecords, type RecordRepresentation } from './y-records'

const sorted = (doc: Y.Doc, representation: RecordRepresentation) =>
  Object.fromEntries(
    getRecordMap(doc, representation)
      .entries()
      .sort(([a], [b]) => a.localeCompare(b)),
  )

describe('replaceRecords', () => {
  for (const representation of ['ykeyvalue', 'ymap'] as const) {
    it(`makes a ${representation} doc hold exactly the target, writing only what differs`, () => {
      const doc = new Y.Doc()
      const records = getRecordMap(doc, representation)
      records.set('shape:same', { id: 'shape:same', x: 1, props: { a: [1, 2] } })
      records.set('shape:changed', { id: 'shape:changed', x: 1 })
      records.set('shape:later', { id: 'shape:later', x: 9 })
      const target = new Map<string, unknown>([
        // equal, with its keys in another order
        ['shape:same', { props: { a: [1, 2] }, x: 1, id: 'shape:same' }],
        ['shape:changed', { id: 'shape:changed', x: 2 }],
        ['shape:gone', { id: 'shape:gone', x: 3 }],
      ])
      const updates: Uint8Array[] = []
      doc.on('update', (u: Uint8Array) => updates.push(u))
      expect(replaceRecords(doc, target, representation)).toEqual({ written: 2, deleted: 1 })
      expect(updates).toHaveLength(1) // one transaction
      expect(sorted(doc, representation)).toEqual(
        Object.fromEntries([...target].sort(([a], [b]) => a.localeCompare(b))),
      )
      // a second time there is nothing to do
      expect(replaceRecords(doc, target, representation)).toEqual({ written: 0, deleted: 0 })
    })
  }

  it('drops the duplicates two clients left by writing one key at once, keeping the rightmost rule', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    getRecordMap(a).set('shape:x', { id: 'shape:x', by: 'a' })
    getRecordMap(b).set('shape:x', { id: 'shape:x', by: 'b' })
    // merged without a YKeyValue on the doc, so nothing cleaned the duplicate up
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(a))
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(b))
    expect(doc.getArray(RECORDS_KEY.ykeyvalue).length).toBe(2)
    replaceRecords(doc, new Map([['shape:x', { id: 'shape:x', by: 'restored' }]]))
    expect(doc.getArray(RECORDS_KEY.ykeyvalue).toJSON()).toEqual([
      { key: 'shape:x', val: { id: 'shape:x', by: 'restored' } },
    ])
  })
})
