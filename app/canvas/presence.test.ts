import { InstancePresenceRecordType, TLINSTANCE_ID, TLPOINTER_ID, type TLInstancePresence } from 'tldraw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { FACILITATOR_COLOR, bindPresence, displayName, presenceColor, remotePresenceRecord } from './presence'
import { makeStore } from './test-support'
import { bindStoreToYDoc } from './yjs-binding'

function presenceFor(name: string): TLInstancePresence {
  return InstancePresenceRecordType.create({
    id: InstancePresenceRecordType.createId('x'),
    userId: 'user:someone' as TLInstancePresence['userId'],
    userName: name,
    currentPageId: 'page:page' as TLInstancePresence['currentPageId'],
    cursor: { x: 10, y: 20, type: 'default', rotation: 0 },
  })
}

function forward(from: Awareness, to: Awareness) {
  applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [from.clientID]), 'remote')
}

describe('presence conversion', () => {
  it('shows the server-set name and role, not the name inside the presence record', () => {
    const record = remotePresenceRecord(
      42,
      { user: { id: 'p:7', name: 'Ouder 3', role: 'ouder' }, presence: presenceFor('Spoofed') },
      'nl',
    )
    expect(record).toMatchObject({
      id: 'instance_presence:42',
      userId: 'user:p:7',
      userName: 'Ouder 3',
      color: presenceColor('p:7', 'ouder'),
      cursor: { x: 10, y: 20 },
    })
  })

  it('translates the role and gives the facilitator her own colour', () => {
    expect(displayName('Anna', 'facilitator', 'nl')).toBe('Anna · begeleider')
    expect(displayName('Anna', 'facilitator', 'en')).toBe('Anna · facilitator')
    expect(displayName('Ouder 3', 'ouder', 'nl')).toBe('Ouder 3')
    expect(presenceColor('u:1', 'facilitator')).toBe(FACILITATOR_COLOR)
    expect(presenceColor('p:1')).toBe(presenceColor('p:1'))
  })

  it('ignores states without presence or with an invalid one', () => {
    expect(remotePresenceRecord(1, { user: { id: 'a' } }, 'nl')).toBeNull()
    expect(remotePresenceRecord(1, { presence: { cursor: 'nope' } as never }, 'nl')).toBeNull()
  })
})

describe('bindPresence', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('puts remote cursors into the store and removes them when the client leaves', () => {
    const store = makeStore()
    const local = new Awareness(new Y.Doc())
    const remote = new Awareness(new Y.Doc())
    const stop = bindPresence({
      store,
      awareness: local,
      user: { id: 'u:1', name: 'Anna', role: 'facilitator' },
      locale: 'nl',
    })

    remote.setLocalState({ user: { id: 'p:3', name: 'Ouder 3', role: 'ouder' }, presence: presenceFor('x') })
    forward(remote, local)
    const id = InstancePresenceRecordType.createId(String(remote.clientID))
    expect(store.get(id)).toMatchObject({ userName: 'Ouder 3' })

    removeAwarenessStates(local, [remote.clientID], 'remote')
    expect(store.has(id)).toBe(false)
    stop()
  })

  it('publishes the local cursor, throttled, and not at all when read-only', () => {
    const doc = new Y.Doc()
    const store = makeStore()
    const binding = bindStoreToYDoc({ store, doc })
    binding.seedIfEmpty()
    // What the editor does on mount: create the session records (instance, pointer, camera).
    ;(store as unknown as { ensureStoreIsUsable(): void }).ensureStoreIsUsable()
    const awareness = new Awareness(doc)
    const stop = bindPresence({ store, awareness, user: { id: 'p:3', name: 'Ouder 3', role: 'ouder' }, locale: 'nl' })
    expect(awareness.getLocalState()).toMatchObject({
      user: { id: 'p:3', name: 'Ouder 3', role: 'ouder' },
      presence: { userId: 'user:p:3', currentPageId: 'page:page' },
    })

    const move = (x: number) => store.put([{ ...store.get(TLPOINTER_ID)!, x }])
    move(1)
    move(2)
    move(3)
    expect(awareness.getLocalState()?.presence.cursor.x).toBe(0)
    vi.advanceTimersByTime(40)
    expect(awareness.getLocalState()?.presence.cursor.x).toBe(3)
    stop()
    expect(awareness.getLocalState()?.presence).toBeNull()

    const projector = new Awareness(new Y.Doc())
    const stopProjector = bindPresence({
      store,
      awareness: projector,
      user: { id: 'u:9', name: 'Beamer', role: 'facilitator' },
      locale: 'nl',
      readOnly: true,
    })
    expect(projector.getLocalState()?.presence).toBeUndefined()
    expect(store.get(TLINSTANCE_ID)).toBeDefined()
    stopProjector()
  })
})
