import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { firstServerSync, whenReadyToBind, type FirstSyncSource, type Network } from './load-order'

/** A provider that syncs when told to, counting its listeners. */
function fakeProvider(synced = false) {
  const listeners = new Set<(synced: boolean) => void>()
  const provider: FirstSyncSource & { emit(synced: boolean): void; listeners: number } = {
    synced,
    on: (_, f) => void listeners.add(f),
    off: (_, f) => void listeners.delete(f),
    emit: (s) => listeners.forEach((f) => f(s)),
    get listeners() {
      return listeners.size
    },
  }
  return provider
}

function fakeNetwork(online = true) {
  const listeners = new Set<() => void>()
  const network: Network & { goOffline(): void; listeners: number } = {
    isOnline: () => online,
    onOffline: (f) => {
      listeners.add(f)
      return () => listeners.delete(f)
    },
    goOffline: () => {
      online = false
      listeners.forEach((f) => f())
    },
    get listeners() {
      return listeners.size
    },
  }
  return network
}

/** Whether a promise has settled, after letting pending callbacks run. */
async function settled(promise: Promise<unknown>) {
  let done = false
  void promise.then(
    () => (done = true),
    () => (done = true),
  )
  await vi.advanceTimersByTimeAsync(0)
  return done
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('firstServerSync', () => {
  it('waits for the first sync, then lets go of its listeners', async () => {
    const provider = fakeProvider()
    const network = fakeNetwork()
    const { ready } = firstServerSync(provider, network, 4000)
    provider.emit(false)
    expect(await settled(ready)).toBe(false)
    provider.emit(true)
    expect(await settled(ready)).toBe(true)
    expect([provider.listeners, network.listeners]).toEqual([0, 0])
  })

  it('gives up waiting after the timeout', async () => {
    const { ready } = firstServerSync(fakeProvider(), fakeNetwork(), 4000)
    await vi.advanceTimersByTimeAsync(3999)
    expect(await settled(ready)).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(await settled(ready)).toBe(true)
  })

  it('does not wait when offline, or once the browser goes offline', async () => {
    expect(await settled(firstServerSync(fakeProvider(), fakeNetwork(false), 4000).ready)).toBe(true)
    const network = fakeNetwork()
    const { ready } = firstServerSync(fakeProvider(), network, 4000)
    network.goOffline()
    expect(await settled(ready)).toBe(true)
  })

  it('is ready at once when the provider has synced already, and on cancel', async () => {
    expect(await settled(firstServerSync(fakeProvider(true), fakeNetwork(), 4000).ready)).toBe(true)
    const provider = fakeProvider()
    const pending = firstServerSync(provider, fakeNetwork(), 4000)
    pending.cancel()
    expect(await settled(pending.ready)).toBe(true)
    expect(provider.listeners).toBe(0)
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('whenReadyToBind', () => {
  it('needs IndexedDB loaded as well as the server answer (or giving up on it)', async () => {
    let loadLocal = () => {}
    const local = { whenSynced: new Promise<void>((resolve) => (loadLocal = resolve)) }
    const provider = fakeProvider()
    const { ready } = whenReadyToBind({ local, provider, network: fakeNetwork() })
    provider.emit(true)
    expect(await settled(ready)).toBe(false)
    loadLocal()
    expect(await settled(ready)).toBe(true)
  })

  it('fails when IndexedDB fails', async () => {
    const local = { whenSynced: Promise.reject(new Error('no IndexedDB')) }
    const { ready } = whenReadyToBind({ local, provider: fakeProvider(true), network: fakeNetwork() })
    await expect(ready).rejects.toThrow('no IndexedDB')
  })
})
