/** What the status badge says, from the websocket provider's status and the browser's online flag. */
export type ConnectionState = 'connected' | 'reconnecting' | 'offline'
export type ProviderStatus = 'connecting' | 'connected' | 'disconnected'

/** After this long without a connection we stop promising a reconnect and say "offline". */
export const OFFLINE_AFTER_MS = 10_000

export function connectionState(input: {
  /** `navigator.onLine` */
  online: boolean
  status: ProviderStatus
  /** How long the provider has not been connected (0 while connected). */
  notConnectedForMs: number
}): ConnectionState {
  if (!input.online) return 'offline'
  if (input.status === 'connected') return 'connected'
  return input.notConnectedForMs >= OFFLINE_AFTER_MS ? 'offline' : 'reconnecting'
}
