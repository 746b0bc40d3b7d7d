/**
 * Frames built once for every recipient: a relayed update (or awareness change) goes to N
 * connections as the same bytes, so its websocket frame (RFC 6455 §5.2: server frames are not
 * masked) is made here once, and each connection writes it to its socket as it is. Through
 * ws.send, every recipient framed it again: a header allocation, and a second write per send
 * (issue 7, item 8; docs/performance.md).
 */
import { messageSync } from './protocol'

/** y-protocols/sync's message type of an update (sync.messageYjsUpdate). */
const MESSAGE_YJS_UPDATE = 2

/** One message for the wire: the whole websocket frame, and its payload for ws.send's fallback. */
export interface Wire {
  frame: Buffer
  payload: Buffer
}

const varUintLength = (n: number): number => {
  let length = 1
  while (n > 127) {
    n = Math.floor(n / 128)
    length++
  }
  return length
}

/** A buffer holding a binary frame header for `payloadLength`, and where its payload starts. */
function allocFrame(payloadLength: number): { frame: Buffer; start: number } {
  const start = payloadLength < 126 ? 2 : payloadLength < 65_536 ? 4 : 10
  const frame = Buffer.allocUnsafe(start + payloadLength)
  frame[0] = 0x82 // FIN, opcode 2 (binary)
  if (payloadLength < 126) frame[1] = payloadLength
  else if (payloadLength < 65_536) {
    frame[1] = 126
    frame.writeUInt16BE(payloadLength, 2)
  } else {
    frame[1] = 127
    frame.writeBigUInt64BE(BigInt(payloadLength), 2)
  }
  return { frame, start }
}

function writeVarUint(target: Buffer, at: number, n: number): number {
  while (n > 127) {
    target[at++] = 0x80 | (n % 128)
    n = Math.floor(n / 128)
  }
  target[at++] = n
  return at
}

/** A y-protocols message (already encoded) as a frame. */
export function wireOf(message: Uint8Array): Wire {
  const { frame, start } = allocFrame(message.byteLength)
  frame.set(message, start)
  return { frame, payload: frame.subarray(start) }
}

/**
 * A Yjs update as the sync message `encodeUpdate` makes (sync, update, length-prefixed bytes),
 * framed, in one allocation and one copy.
 */
export function updateWire(update: Uint8Array): Wire {
  const payloadLength = 2 + varUintLength(update.byteLength) + update.byteLength
  const { frame, start } = allocFrame(payloadLength)
  frame[start] = messageSync
  frame[start + 1] = MESSAGE_YJS_UPDATE
  const at = writeVarUint(frame, start + 2, update.byteLength)
  frame.set(update, at)
  return { frame, payload: frame.subarray(start) }
}
