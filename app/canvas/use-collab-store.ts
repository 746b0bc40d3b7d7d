import { useEffect, useState } from 'react'
import { atom, createTLStore, defaultBindingUtils, defaultShapeUtils, type TLStoreWithStatus } from 'tldraw'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { customShapeUtils } from './cards'
import { connectionState, type ConnectionState, type ProviderStatus } from './connection-state'
import type { Locale } from '~/i18n'
import type { Role } from '../../db/roles'
import { bindPresence } from './presence'
import { bindStoreToYDoc, type BindingProblem } from './yjs-binding'

export interface CollabStoreOptions {
  roomId: string
  serverUrl: string
  token?: string
  user: { id: string; name: string; role: Role }
  readOnly: boolean
  locale: Locale
}

/**
 * The server closed the socket for good: 4401 not authenticated, 4403 forbidden, 4410 the
 * werksessie was deleted, 4422 rejected update.
 */
export type ServerRefusal = 'unauthenticated' | 'forbidden' | 'gone' | 'rejected'
const REFUSALS: Record<number, ServerRefusal> = {
  4401: 'unauthenticated',
  4403: 'forbidden',
  4410: 'gone',
  4422: 'rejected',
}
/** The answers of GET /api/v1/rooms/:roomId/access that mean reconnecting is pointless. */
const ACCESS_REFUSALS: Record<number, ServerRefusal> = { 401: 'unauthenticated', 403: 'forbidden', 404: 'gone' }

export interface CollabStoreState {
  storeWithStatus: TLStoreWithStatus
  connection: ConnectionState
  problem: BindingProblem | null
  refusal: ServerRefusal | null
}

/**
 * How long to wait for the first server sync before showing what IndexedDB had. Seeding before
 * the server answered is safe (fixed ids), this only avoids a flash of an empty page.
 */
const FIRST_SYNC_TIMEOUT_MS = 4000

/** Browser-only: Y.Doc + IndexedDB + y-websocket + the store binding and presence. */
export function useCollabStore(opts: CollabStoreOptions): CollabStoreState {
  const { roomId, serverUrl, token, readOnly, locale } = opts
  const { id: userId, name: userName, role } = opts.user
  const [state, setState] = useState<CollabStoreState>({
    storeWithStatus: { status: 'loading' },
    connection: 'reconnecting',
    problem: null,
    refusal: null,
  })

  useEffect(() => {
    let disposed = false
    const cleanups: Array<() => void> = []
    const update = (patch: Partial<CollabStoreState>) => {
      if (!disposed) setState((prev) => ({ ...prev, ...patch }))
    }
    update({ storeWithStatus: { status: 'loading' }, problem: null, refusal: null })

    const doc = new Y.Doc()
    const $status = atom<'online' | 'offline'>('collab status', 'offline')
    const $mode = atom<'readonly' | 'readwrite'>('collab mode', readOnly ? 'readonly' : 'readwrite')
    const store = createTLStore({
      // The wijk cards are part of every client's schema, or their records would be dropped.
      shapeUtils: [...defaultShapeUtils, ...customShapeUtils],
      bindingUtils: defaultBindingUtils,
      // tldraw turns `mode` into the editor's isReadonly and shows its collaboration UI.
      collaboration: { status: $status, mode: $mode },
    })
    const local = new IndexeddbPersistence(`wijkatelier-canvas:${roomId}`, doc)
    // A read-only view (the projector) also asks the server for a read-only connection, so even
    // a facilitator's cookie cannot write through it.
    const params: Record<string, string> = { ...(token ? { token } : {}), ...(readOnly ? { mode: 'read' } : {}) }
    const provider = new WebsocketProvider(serverUrl, roomId, doc, { params })

    // --- connection state ---
    let status: ProviderStatus = 'connecting'
    let notConnectedSince = Date.now()
    const recompute = () => {
      const online = typeof navigator === 'undefined' ? true : navigator.onLine
      const connection = connectionState({
        online,
        status,
        notConnectedForMs: status === 'connected' ? 0 : Date.now() - notConnectedSince,
      })
      $status.set(connection === 'connected' ? 'online' : 'offline')
      update({ connection })
    }
    let failedAttempts = 0
    const onStatus = (event: { status: ProviderStatus }) => {
      if (event.status === 'connected') failedAttempts = 0
      if (event.status !== 'connected' && status === 'connected') notConnectedSince = Date.now()
      status = event.status
      recompute()
    }
    provider.on('status', onStatus)
    // Reconnecting after these would only be refused again (or resend a rejected edit).
    const onClose = (event: CloseEvent | null) => {
      const refusal = event ? REFUSALS[event.code] : undefined
      if (!refusal) {
        // A refused upgrade reaches the browser as a bare close; ask over HTTP why, now and then.
        failedAttempts++
        if (failedAttempts % 3 === 2 && navigator.onLine) void askWhyRefused()
        return
      }
      refuse(refusal)
    }
    const askWhyRefused = async () => {
      try {
        const res = await fetch(`/api/v1/rooms/${encodeURIComponent(roomId)}/access`, { credentials: 'same-origin' })
        const refusal = ACCESS_REFUSALS[res.status]
        if (refusal && !disposed) refuse(refusal)
      } catch {
        // offline or server down: keep reconnecting
      }
    }
    const refuse = (refusal: ServerRefusal) => {
      provider.disconnect()
      $mode.set('readonly')
      // A deleted werksessie leaves nothing behind on this device either.
      if (refusal === 'gone') void local.clearData()
      update({ refusal })
    }
    provider.on('connection-close', onClose)
    cleanups.push(() => provider.off('connection-close', onClose))
    window.addEventListener('online', recompute)
    window.addEventListener('offline', recompute)
    const tick = setInterval(recompute, 1000)
    cleanups.push(() => {
      clearInterval(tick)
      window.removeEventListener('online', recompute)
      window.removeEventListener('offline', recompute)
      provider.off('status', onStatus)
    })

    // --- load: IndexedDB first, then the server's answer (or give up waiting), then bind ---
    const firstServerSync = new Promise<void>((resolve) => {
      if (provider.synced) return resolve()
      const onSync = (synced: boolean) => synced && done()
      const timer = setTimeout(() => done(), FIRST_SYNC_TIMEOUT_MS)
      const done = () => {
        clearTimeout(timer)
        provider.off('sync', onSync)
        window.removeEventListener('offline', done)
        resolve()
      }
      provider.on('sync', onSync)
      window.addEventListener('offline', done)
      if (!navigator.onLine) done()
      cleanups.push(done)
    })

    Promise.all([local.whenSynced, firstServerSync])
      .then(() => {
        if (disposed) return
        const binding = bindStoreToYDoc({
          store,
          doc,
          readOnly,
          onProblem: (problem) => {
            $mode.set(readOnly || problem ? 'readonly' : 'readwrite')
            update({ problem })
          },
        })
        binding.seedIfEmpty()
        $mode.set(readOnly || binding.problem ? 'readonly' : 'readwrite')
        const stopPresence = bindPresence({
          store,
          awareness: provider.awareness,
          user: { id: userId, name: userName, role },
          locale,
          readOnly,
        })
        cleanups.push(stopPresence, () => binding.destroy())
        update({
          problem: binding.problem,
          storeWithStatus: { status: 'synced-remote', connectionStatus: 'online', store },
        })
      })
      .catch((error: unknown) => {
        console.error('[canvas] could not open room', roomId, error)
        update({
          storeWithStatus: { status: 'error', error: error instanceof Error ? error : new Error(String(error)) },
        })
      })

    return () => {
      disposed = true
      cleanups
        .splice(0)
        .reverse()
        .forEach((f) => f())
      provider.destroy()
      void local.destroy()
      doc.destroy()
    }
  }, [roomId, serverUrl, token, readOnly, locale, userId, userName, role])

  return state
}
