import {
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  type Atom,
  type TLAssetStore,
  type TLStore,
  type TLStoreWithStatus,
} from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import type { Locale } from '~/i18n'
import type { Role } from '../../db/roles'
import { customShapeUtils } from './cards'
import { bindPresence } from './presence'
import { bindStoreToYDoc, type BindingProblem } from './yjs-binding'

export type EditMode = 'readonly' | 'readwrite'

/** A read-only view never edits; any other view edits as long as the binding can write. */
export function editMode(readOnly: boolean, problem: BindingProblem | null): EditMode {
  return readOnly || problem ? 'readonly' : 'readwrite'
}

/** Without a werksessie to store pictures with, none are taken (tldraw would put them into the document). */
const noPictures: TLAssetStore = {
  upload: () => Promise.reject(new Error('pictures are stored with a werksessie only')),
}

/**
 * The room's tldraw store; tldraw reads the two atoms for its collaboration UI. Pictures go to
 * `assets` (photo-assets.ts), never into the room's document as `data:` URLs.
 */
export function createRoomStore(
  collaboration: { status: Atom<'online' | 'offline'>; mode: Atom<EditMode> },
  assets: TLAssetStore = noPictures,
): TLStore {
  return createTLStore({
    // The wijk cards are part of every client's schema, or their records would be dropped.
    shapeUtils: [...defaultShapeUtils, ...customShapeUtils],
    bindingUtils: defaultBindingUtils,
    // tldraw turns `mode` into the editor's isReadonly and shows its collaboration UI.
    collaboration,
    assets,
  })
}

export interface RoomBindingOptions {
  store: TLStore
  doc: Y.Doc
  awareness: Awareness
  readOnly: boolean
  user: { id: string; name: string; role: Role }
  locale: Locale
  /** The editor's mode, on binding and whenever writing becomes impossible or possible again. */
  onMode: (mode: EditMode) => void
  onProblem: (problem: BindingProblem | null) => void
}

export interface RoomBinding {
  /** The problem found while binding, if any (later ones arrive through `onProblem`). */
  readonly problem: BindingProblem | null
  destroy(): void
}

/**
 * Binds a loaded room: the store to the doc (seeding an empty doc) and the presence to the
 * awareness. Call it only once the load order allows (see load-order.ts).
 */
export function bindRoom(opts: RoomBindingOptions): RoomBinding {
  const { store, doc, readOnly } = opts
  const binding = bindStoreToYDoc({
    store,
    doc,
    readOnly,
    migrateDoc: opts.user.role === 'facilitator',
    onProblem: (problem) => {
      opts.onMode(editMode(readOnly, problem))
      opts.onProblem(problem)
    },
  })
  binding.seedIfEmpty()
  opts.onMode(editMode(readOnly, binding.problem))
  const stopPresence = bindPresence({
    store,
    awareness: opts.awareness,
    user: opts.user,
    locale: opts.locale,
    readOnly,
  })
  return {
    problem: binding.problem,
    destroy: () => {
      binding.destroy()
      stopPresence()
    },
  }
}

/** What tldraw is given once the room is bound. */
export const syncedStore = (store: TLStore): TLStoreWithStatus => ({
  status: 'synced-remote',
  connectionStatus: 'online',
  store,
})
