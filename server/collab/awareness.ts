/**
 * Awareness hardening. The reference server relays awareness verbatim, so any connection can
 * rewrite or remove another person's cursor and name. Here a connection may only speak for
 * the client ids it introduced itself, and the server stamps every state's `user` with the
 * identity it authenticated. Format (y-protocols/awareness):
 * varUint count, then per entry varUint clientID, varUint clock, varString JSON state.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { CollabPeer } from './peer'
import { ProtocolError } from './protocol'

export interface AwarenessEntry {
  clientId: number
  clock: number
  state: Record<string, unknown> | null
  /** length of the state's JSON as received (for the awareness state budget) */
  bytes?: number
}

export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    const entries: AwarenessEntry[] = []
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const json = decoding.readVarString(decoder)
      const state: unknown = JSON.parse(json)
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
        throw new ProtocolError('awareness state must be an object or null')
      }
      entries.push({ clientId, clock, state: state as Record<string, unknown> | null, bytes: json.length })
    }
    if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after awareness update')
    return entries
  } catch (err) {
    if (err instanceof ProtocolError) throw err
    throw new ProtocolError(`malformed awareness update: ${(err as Error).message}`)
  }
}

/**
 * y-protocols' encodeAwarenessUpdate reads clocks from an Awareness instance; the entries kept
 * by filterAwareness are not in one yet, so they are written here in the same format.
 */
export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId)
    encoding.writeVarUint(encoder, entry.clock)
    encoding.writeVarString(encoder, JSON.stringify(entry.state))
  }
  return encoding.toUint8Array(encoder)
}

/** A connection as awareness stamping sees it: the peer, and what the app says others see of it. */
export interface StampedPeer {
  identity: CollabPeer
  /** Fields the app vouches for (e.g. name and role), from the server's `presence` hook. */
  presence: Record<string, unknown>
}

/**
 * The server's word on who someone is. `id`, `mode` and the app's presence fields (such as
 * `name` and `role`) cannot be chosen by the client; `mode` tells others whether this is a
 * read-only screen (e.g. the projector). Other `user` fields (such as `color`) and all other
 * state fields are kept.
 */
export function stampIdentity(state: Record<string, unknown>, peer: StampedPeer): Record<string, unknown> {
  const user = state.user !== null && typeof state.user === 'object' && !Array.isArray(state.user) ? state.user : {}
  return {
    ...state,
    user: { ...user, ...peer.presence, id: peer.identity.presenceId, mode: peer.identity.mode },
  }
}

export interface AwarenessOwnership {
  /** Which connection speaks for a client id now; undefined if none does. */
  ownerOf(clientId: number): object | undefined
  /** The subject a client id belongs to (in the document or in awareness), if any. */
  subjectOf(clientId: number): string | undefined
  /** Makes `owner` speak for the id, taking it from the same subject's earlier connection. */
  claim(clientId: number, owner: object): void
}

/**
 * Keeps the entries a connection may send, each non-null state stamped with the identity:
 * - for an id the connection speaks for: a new state or its removal;
 * - for an id nobody else's (no subject, or the connection's own subject): a new state, which
 *   makes the connection speak for it (up to `maxClientIds`). An id another live connection
 *   speaks for is taken over only as a connection's first id: that is how a reconnecting
 *   person's provider (whose first message is its own state) takes its id back from an earlier,
 *   possibly half-open connection, while a provider echoing another tab's state takes nothing.
 * A removal (null state) is kept only from the connection that speaks for the id and never
 * makes one speak for it: stock providers echo every removal they receive, and an echo must not
 * claim someone's id while they reconnect.
 * Returns the entries to apply; strips the rest silently.
 */
export function filterAwareness(
  entries: AwarenessEntry[],
  owner: StampedPeer & { clientIds: Set<number> },
  ownership: AwarenessOwnership,
  maxClientIds = 8,
): AwarenessEntry[] {
  const kept: AwarenessEntry[] = []
  for (const entry of entries) {
    const current = ownership.ownerOf(entry.clientId)
    if (current !== owner) {
      if (entry.state === null) continue
      const subject = ownership.subjectOf(entry.clientId)
      if (subject !== undefined && subject !== owner.identity.subject) continue
      if (current !== undefined && owner.clientIds.size > 0) continue
      if (owner.clientIds.size >= maxClientIds) continue
      ownership.claim(entry.clientId, owner)
      owner.clientIds.add(entry.clientId)
    }
    kept.push({ ...entry, state: entry.state === null ? null : stampIdentity(entry.state, owner) })
  }
  return kept
}
