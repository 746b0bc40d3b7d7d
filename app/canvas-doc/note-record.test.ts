import { createTLStore, defaultBindingUtils, defaultShapeUtils, type TLRecord } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { noteRecord } from './note-record'

describe('the note record of the canvas document contract', () => {
  it("is a valid note for tldraw's own schema, as a raw Yjs client would write it", () => {
    const store = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
    const record = noteRecord({
      id: 'shape:abc',
      parentId: 'page:page',
      x: 10,
      y: 20,
      text: 'Een idee\nmet twee regels',
      createdBy: 'pid-1',
    })
    const valid = store.schema.validateRecord(store, record as unknown as TLRecord, 'createRecord', null)
    expect(valid).toMatchObject({ type: 'note', meta: { createdBy: 'pid-1' } })
  })
})
