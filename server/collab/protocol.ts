/**
 * The y-websocket wire protocol, as the stock `WebsocketProvider` speaks it.
 * Encoding uses y-protocols' writers. Decoding is our own and strict: y-protocols' readers
 * apply an update the moment they read it, log and swallow what fails, and ignore trailing
 * bytes; here anything that does not parse completely throws a ProtocolError before the room
 * acts on it, so the room never acts on half a message. See docs/collab-protocol.md.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as authProtocol from 'y-protocols/auth'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

/** y-websocket's outer message types; y-protocols defines only what follows them. */
export const messageSync = 0
export const messageAwareness = 1
export const messageAuth = 2
export const messageQueryAwareness = 3

export const syncStep1 = syncProtocol.messageYjsSyncStep1
export const syncStep2 = syncProtocol.messageYjsSyncStep2
export const syncUpdate = syncProtocol.messageYjsUpdate

/** Close codes the collab server uses (4xxx are application codes). */
export const CloseCode = {
  /** ws closes with this itself when a frame exceeds maxPayload */
  tooBig: 1009,
  /** rate limit, queue overflow */
  policy: 1008,
  serverError: 1011,
  goingAway: 1001,
  tryAgainLater: 1013,
  malformed: 4400,
  notAuthenticated: 4401,
  forbidden: 4403,
  /** an update for someone else's client ids, or building on what the room does not have */
  conflict: 4409,
  /** the werksessie and its canvas were deleted */
  gone: 4410,
  /** an update, awareness state or rate over its budget (budgets.ts) */
  overBudget: 4413,
  /** a well-formed update the RoomPolicy refused */
  rejected: 4422,
} as const

export class ProtocolError extends Error {}

export type ClientMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array }
  | { type: 'sync-update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }
  | { type: 'auth' }

/** Decodes one client frame; throws ProtocolError for anything malformed or unknown. */
export function decodeMessage(data: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(data)
    const type = decoding.readVarUint(decoder)
    let message: ClientMessage
    if (type === messageSync) {
      const sub = decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      if (sub === syncStep1) {
        Y.decodeStateVector(payload) // throws if malformed
        message = { type: 'sync-step1', stateVector: payload }
      } else if (sub === syncStep2) message = { type: 'sync-step2', update: payload }
      else if (sub === syncUpdate) message = { type: 'sync-update', update: payload }
      else throw new ProtocolError(`unknown sync message type ${sub}`)
    } else if (type === messageAwareness) {
      message = { type: 'awareness', update: decoding.readVarUint8Array(decoder) }
    } else if (type === messageQueryAwareness) {
      message = { type: 'query-awareness' }
    } else if (type === messageAuth) {
      // Clients have nothing to say in the auth channel; accept and ignore.
      decoder.pos = data.length
      message = { type: 'auth' }
    } else {
      throw new ProtocolError(`unknown message type ${type}`)
    }
    if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after message')
    return message
  } catch (err) {
    if (err instanceof ProtocolError) throw err
    throw new ProtocolError(`undecodable message: ${(err as Error).message}`)
  }
}

/** An update that carries nothing (no structs, empty delete set): what an idle step2 holds. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0
}

/** A frame: the message type, then what the y-protocols writer puts after it. */
function frame(messageType: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, messageType)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return frame(messageSync, (e) => syncProtocol.writeSyncStep1(e, doc))
}

export function encodeSyncStep2(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  return frame(messageSync, (e) => syncProtocol.writeSyncStep2(e, doc, stateVector))
}

/** A step2 whose update is already encoded (the state a worker built). */
export function encodeSyncStep2Update(update: Uint8Array): Uint8Array {
  return frame(messageSync, (e) => {
    encoding.writeVarUint(e, syncStep2)
    encoding.writeVarUint8Array(e, update)
  })
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return frame(messageSync, (e) => syncProtocol.writeUpdate(e, update))
}

export function encodeAwareness(awarenessUpdate: Uint8Array): Uint8Array {
  return frame(messageAwareness, (e) => encoding.writeVarUint8Array(e, awarenessUpdate))
}

export function encodePermissionDenied(reason: string): Uint8Array {
  return frame(messageAuth, (e) => authProtocol.writePermissionDenied(e, reason))
}
