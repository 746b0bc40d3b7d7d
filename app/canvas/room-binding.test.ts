import { atom } from 'tldraw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { bindRoom, createRoomStore, editMode, type EditMode, type RoomBindingOptions } from './room-binding'
import { geoShape, syncDocs } from './test-support'
import { META_KEY, SEED_PAGE_ID } from './yjs-binding'

const cleanups: Array<() => void> = []
afterEach(() => cleanups.splice(0).forEach((f) => f()))

function room(opts: Partial<RoomBindingOptions> = {}) {
  const doc = opts.doc ?? new Y.Doc()
  const awareness = new Awareness(doc)
  const store = createRoomStore({ status: atom('status', 'online'), mode: atom<EditMode>('mode', 'readwrite') })
  const modes: EditMode[] = []
  const onProblem = vi.fn()
  const binding = bindRoom({
    store,
    doc,
    awareness,
    readOnly: false,
    user: { id: 'u1', name: 'Anna', role: 'facilitator' },
    locale: 'nl',
    onMode: (mode) => modes.push(mode),
    onProblem,
    ...opts,
  })
  cleanups.push(
    () => binding.destroy(),
    () => awareness.destroy(),
  )
  return { doc, store, awareness, binding, modes, onProblem }
}

describe('editMode', () => {
  it('edits only when the view may and the binding can write', () => {
    expect(editMode(false, null)).toBe('readwrite')
    expect(editMode(true, null)).toBe('readonly')
    expect(editMode(false, 'newer-schema')).toBe('readonly')
  })
})

describe('bindRoom', () => {
  it('seeds an empty room, edits, and announces the user', () => {
    const r = room()
    expect(r.store.get(SEED_PAGE_ID)).toBeDefined()
    expect(r.binding.problem).toBeNull()
    expect(r.modes).toEqual(['readwrite'])
    expect(r.awareness.getLocalState()).toMatchObject({ user: { id: 'u1', name: 'Anna', role: 'facilitator' } })
  })

  it('a read-only view never edits', () => {
    expect(room({ readOnly: true }).modes).toEqual(['readonly'])
  })

  it('turns read-only when the doc gets written by a newer schema', () => {
    const other = room()
    const r = room()
    syncDocs(other.doc, r.doc)
    const current = other.store.schema.serialize()
    other.doc.getMap(META_KEY).set('schema', {
      ...current,
      sequences: { ...current.sequences, 'com.tldraw.shape': current.sequences['com.tldraw.shape']! + 1 },
    })
    syncDocs(other.doc, r.doc)
    expect(r.onProblem).toHaveBeenCalledWith('newer-schema')
    expect(r.modes.at(-1)).toBe('readonly')
  })

  it('stops writing into the doc and clears its presence on destroy', () => {
    const r = room()
    const destroy = cleanups.shift()!
    destroy()
    const before = Y.encodeStateVector(r.doc)
    r.store.put([geoShape('after-destroy')])
    expect(Y.encodeStateVector(r.doc)).toEqual(before)
    expect(r.awareness.getLocalState()).toMatchObject({ presence: null })
  })
})
