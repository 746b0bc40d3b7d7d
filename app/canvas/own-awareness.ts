import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import type { WebsocketProvider } from 'y-websocket'

/** y-websocket's message type for awareness (y-websocket.js `messageAwareness`). */
const MESSAGE_AWARENESS = 1

/**
 * The stock provider sends every awareness change it hears of — other people's cursors
 * included — back to the server, so in a room of N people moving their pointers each browser
 * echoes N−1 streams, and the room server counts those frames against the sender's message
 * rate. Only this browser's own state is ours to send: replace the provider's handler with one
 * that sends just that (its removal on leaving too). Other tabs of this browser hear it through
 * the server, as they hear everyone else.
 */
export function sendOwnAwarenessOnly(provider: WebsocketProvider): void {
  const { awareness } = provider
  awareness.off('update', provider._awarenessUpdateHandler)
  const handler = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    const own = awareness.clientID
    if (!added.includes(own) && !updated.includes(own) && !removed.includes(own)) return
    if (!provider.wsconnected || !provider.ws) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [own]))
    provider.ws.send(encoding.toUint8Array(encoder))
  }
  // destroy() takes the handler off through this field
  provider._awarenessUpdateHandler = handler
  awareness.on('update', handler)
}
