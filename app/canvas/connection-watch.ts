import type { WebsocketProvider } from 'y-websocket'
import {
  initialLink,
  linkBadge,
  refusalForAccess,
  socketClosed,
  statusChanged,
  type ServerRefusal,
} from './connection-machine'
import type { ConnectionState, ProviderStatus } from './connection-state'

export interface WatchConnectionOptions {
  provider: WebsocketProvider
  roomId: string
  /** The badge's state, on every provider status, online/offline event and once a second. */
  onConnection: (connection: ConnectionState) => void
  /**
   * The server refused for good; the provider is disconnected already and stays so. `reason` is
   * the server's close reason (Dutch), when it gave one.
   */
  onRefusal: (refusal: ServerRefusal, reason?: string) => void
}

const isOnline = () => (typeof navigator === 'undefined' ? true : navigator.onLine)

/**
 * Feeds the provider's and the browser's events into the connection machine and acts on what it
 * decides: report the badge, ask the access endpoint why, stop on a refusal. Returns the stop.
 */
export function watchConnection(opts: WatchConnectionOptions): () => void {
  const { provider, roomId } = opts
  let link = initialLink(Date.now())
  let stopped = false

  const recompute = () => opts.onConnection(linkBadge(link, isOnline(), Date.now()))
  const onStatus = (event: { status: ProviderStatus }) => {
    link = statusChanged(link, event.status, Date.now())
    recompute()
  }
  const refuse = (refusal: ServerRefusal, reason?: string) => {
    provider.disconnect()
    opts.onRefusal(refusal, reason)
  }
  const askWhyRefused = async () => {
    try {
      const res = await fetch(`/api/v1/rooms/${encodeURIComponent(roomId)}/access`, { credentials: 'same-origin' })
      const refusal = refusalForAccess(res.status)
      if (refusal && !stopped) refuse(refusal)
    } catch {
      // offline or server down: keep reconnecting
    }
  }
  const onClose = (event: CloseEvent | null) => {
    const outcome = socketClosed(link, event?.code, isOnline())
    link = outcome.link
    if (outcome.refusal) refuse(outcome.refusal, event?.reason || undefined)
    else if (outcome.askWhy) void askWhyRefused()
  }

  provider.on('status', onStatus)
  provider.on('connection-close', onClose)
  window.addEventListener('online', recompute)
  window.addEventListener('offline', recompute)
  const tick = setInterval(recompute, 1000)
  return () => {
    stopped = true
    clearInterval(tick)
    window.removeEventListener('online', recompute)
    window.removeEventListener('offline', recompute)
    provider.off('status', onStatus)
    provider.off('connection-close', onClose)
  }
}
