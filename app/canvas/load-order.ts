/**
 * How long to wait for the first server sync before showing what IndexedDB had. Seeding before
 * the server answered is safe (fixed ids), this only avoids a flash of an empty page.
 */
export const FIRST_SYNC_TIMEOUT_MS = 4000

/** The part of y-websocket's provider the load order listens to. */
export interface FirstSyncSource {
  readonly synced: boolean
  on(name: 'sync', listener: (synced: boolean) => void): void
  off(name: 'sync', listener: (synced: boolean) => void): void
}

/** The browser's online flag and offline event (a fake in tests). */
export interface Network {
  isOnline(): boolean
  /** Calls `listener` when the browser goes offline; returns the unsubscribe. */
  onOffline(listener: () => void): () => void
}

export const browserNetwork: Network = {
  isOnline: () => navigator.onLine,
  onOffline: (listener) => {
    window.addEventListener('offline', listener)
    return () => window.removeEventListener('offline', listener)
  },
}

export interface Pending {
  /** Resolves once; never rejects on its own. */
  ready: Promise<void>
  /** Resolves `ready` now and lets go of every listener and timer (safe to repeat). */
  cancel: () => void
}

/**
 * Resolves at the server's first sync, or as soon as waiting is pointless: the browser is or goes
 * offline, or `timeoutMs` passed without an answer.
 */
export function firstServerSync(provider: FirstSyncSource, network: Network, timeoutMs: number): Pending {
  if (provider.synced) return { ready: Promise.resolve(), cancel: () => {} }
  let cancel = () => {}
  const ready = new Promise<void>((resolve) => {
    const onSync = (synced: boolean) => synced && done()
    const timer = setTimeout(() => done(), timeoutMs)
    let stopOffline = () => {}
    const done = () => {
      clearTimeout(timer)
      provider.off('sync', onSync)
      stopOffline()
      resolve()
    }
    cancel = done
    provider.on('sync', onSync)
    stopOffline = network.onOffline(done)
    if (!network.isOnline()) done()
  })
  return { ready, cancel }
}

/**
 * The load order of a room: IndexedDB first, then the server's answer (or give up waiting), and
 * only then may the store be bound and seeded, so an empty page never overwrites what either had.
 * `ready` rejects when IndexedDB cannot be opened.
 */
export function whenReadyToBind(opts: {
  local: { whenSynced: Promise<unknown> }
  provider: FirstSyncSource
  network?: Network
  timeoutMs?: number
}): Pending {
  const sync = firstServerSync(opts.provider, opts.network ?? browserNetwork, opts.timeoutMs ?? FIRST_SYNC_TIMEOUT_MS)
  return { ready: Promise.all([opts.local.whenSynced, sync.ready]).then(() => {}), cancel: sync.cancel }
}
