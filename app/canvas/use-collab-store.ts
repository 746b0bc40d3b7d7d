import { useEffect, useRef, useState } from 'react'
import { atom, type TLAssetStore, type TLStoreWithStatus } from 'tldraw'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import { sendOwnAwarenessOnly } from './own-awareness'
import * as Y from 'yjs'
import type { Locale } from '~/i18n'
import type { Role } from '../../db/roles'
import { resetsLocalCopy, type ServerRefusal } from './connection-machine'
import type { ConnectionState } from './connection-state'
import { watchConnection } from './connection-watch'
import { whenReadyToBind } from './load-order'
import { bindRoom, createRoomStore, syncedStore, type EditMode, type RoomBinding } from './room-binding'
import type { BindingProblem } from './yjs-binding'

export type { ServerRefusal }

export interface CollabStoreOptions {
  roomId: string
  serverUrl: string
  token?: string
  user: { id: string; name: string; role: Role }
  readOnly: boolean
  locale: Locale
  /** where pictures are stored (photo-assets.ts); keep it the same object while the room is open */
  assets?: TLAssetStore
}

export interface CollabStoreState {
  storeWithStatus: TLStoreWithStatus
  connection: ConnectionState
  problem: BindingProblem | null
  refusal: ServerRefusal | null
  /**
   * The server refused a change of ours (the reason, in Dutch): the canvas dropped its local and
   * offline copy and shows the room as the server has it.
   */
  reset: string | null
  dismissReset(): void
}

/**
 * Browser-only: Y.Doc + IndexedDB + y-websocket + the store binding and presence. The parts live
 * in their own modules: the connection (connection-machine.ts, connection-watch.ts), the load
 * order (load-order.ts) and the binding (room-binding.ts); this hook only wires them together.
 */
export function useCollabStore(opts: CollabStoreOptions): CollabStoreState {
  const { roomId, serverUrl, token, readOnly, locale, assets } = opts
  const { id: userId, name: userName, role } = opts.user
  const [state, setState] = useState<Omit<CollabStoreState, 'reset' | 'dismissReset'>>({
    storeWithStatus: { status: 'loading' },
    connection: 'reconnecting',
    problem: null,
    refusal: null,
  })
  // Each reset opens the room again, with a new doc and an empty offline copy.
  const [generation, setGeneration] = useState(0)
  const [reset, setReset] = useState<string | null>(null)
  // Resets in a row: a canvas whose loading itself is refused would otherwise reset forever.
  const resets = useRef<number[]>([])

  useEffect(() => {
    let disposed = false
    const update = (patch: Partial<typeof state>) => {
      if (!disposed) setState((prev) => ({ ...prev, ...patch }))
    }
    update({ storeWithStatus: { status: 'loading' }, problem: null, refusal: null })

    const doc = new Y.Doc()
    const $status = atom<'online' | 'offline'>('collab status', 'offline')
    const $mode = atom<EditMode>('collab mode', readOnly ? 'readonly' : 'readwrite')
    const store = createRoomStore({ status: $status, mode: $mode }, assets)
    const local = new IndexeddbPersistence(`wijkatelier-canvas:${roomId}`, doc)
    // A read-only view (the projector) also asks the server for a read-only connection, so even
    // a facilitator's cookie cannot write through it.
    const params: Record<string, string> = { ...(token ? { token } : {}), ...(readOnly ? { mode: 'read' } : {}) }
    const provider = new WebsocketProvider(serverUrl, roomId, doc, { params })
    sendOwnAwarenessOnly(provider)

    const stopWatching = watchConnection({
      provider,
      roomId,
      onConnection: (connection) => {
        $status.set(connection === 'connected' ? 'online' : 'offline')
        update({ connection })
      },
      onRefusal: (refusal, reason) => {
        $mode.set('readonly')
        const now = Date.now()
        resets.current = [...resets.current.filter((at) => now - at < 60_000), now]
        if (resetsLocalCopy(refusal) && resets.current.length <= 3) {
          // The refused change is in this doc and its offline copy; kept, it would be sent again
          // on every reconnect. Both go, and the room is loaded again as the server has it.
          void local.clearData().finally(() => {
            if (disposed) return
            setReset(reason ?? '')
            setGeneration((n) => n + 1)
          })
          return
        }
        // A deleted werksessie leaves nothing behind on this device either.
        if (refusal === 'gone') void local.clearData()
        update({ refusal })
      },
    })

    const load = whenReadyToBind({ local, provider })
    let room: RoomBinding | null = null
    load.ready
      .then(() => {
        if (disposed) return
        room = bindRoom({
          store,
          doc,
          awareness: provider.awareness,
          readOnly,
          user: { id: userId, name: userName, role },
          locale,
          onMode: (mode) => $mode.set(mode),
          onProblem: (problem) => update({ problem }),
        })
        update({ problem: room.problem, storeWithStatus: syncedStore(store) })
      })
      .catch((error: unknown) => {
        console.error('[canvas] could not open room', roomId, error)
        update({
          storeWithStatus: { status: 'error', error: error instanceof Error ? error : new Error(String(error)) },
        })
      })

    return () => {
      disposed = true
      room?.destroy()
      load.cancel()
      stopWatching()
      provider.destroy()
      void local.destroy()
      doc.destroy()
    }
  }, [roomId, serverUrl, token, readOnly, locale, userId, userName, role, assets, generation])

  return { ...state, reset, dismissReset: () => setReset(null) }
}
