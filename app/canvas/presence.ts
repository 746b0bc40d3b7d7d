import {
  InstancePresenceRecordType,
  UserRecordType,
  atom,
  createPresenceStateDerivation,
  createUserId,
  react,
  type TLInstancePresence,
  type TLStore,
} from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import type { Locale } from '~/i18n'
import type { Role } from '../../db/roles'
import { roleLabel } from './messages'

/**
 * Live cursors through Yjs awareness. Each client publishes `{ user, presence }`; the server
 * overwrites `user.name` and `user.role` with the authenticated identity, so names shown to others
 * come from there, never from the (client-written) presence record.
 */
export interface AwarenessUser {
  id: string
  name: string
  role: Role
  color: string
}

export interface CanvasAwarenessState {
  user?: Partial<AwarenessUser>
  presence?: TLInstancePresence | null
}

/** Colour-blind-friendly enough to tell eight people apart; the facilitator always has her own. */
export const FACILITATOR_COLOR = '#1c3faa'
export const PALETTE = ['#d9480f', '#2b8a3e', '#a61e4d', '#0b7285', '#e67700', '#6741d9', '#5c940d', '#c2255c']

/** Stable per person: every client computes the same colour from the same id. */
export function presenceColor(userId: string, role?: string): string {
  if (role === 'facilitator') return FACILITATOR_COLOR
  let hash = 0
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0
  return PALETTE[hash % PALETTE.length]
}

/** What tldraw shows next to a cursor, e.g. "Ouder 3 · ouder". */
export function displayName(name: string, role: string | undefined, locale: Locale): string {
  const label = roleLabel(role, locale)
  // An anonymous name such as "Ouder 3" already says the role.
  if (!label || name.toLowerCase().startsWith(label.toLowerCase())) return name
  return `${name} · ${label}`
}

/** A remote client's awareness state as an `instance_presence` record, or null if unusable. */
export function remotePresenceRecord(
  clientId: number,
  state: CanvasAwarenessState | undefined,
  locale: Locale,
): TLInstancePresence | null {
  const presence = state?.presence
  if (!presence || typeof presence !== 'object') return null
  const user = state?.user ?? {}
  const userKey = typeof user.id === 'string' && user.id ? user.id : `client-${clientId}`
  const name = typeof user.name === 'string' && user.name ? user.name : '?'
  try {
    return InstancePresenceRecordType.validate({
      ...presence,
      id: InstancePresenceRecordType.createId(String(clientId)),
      typeName: 'instance_presence',
      userId: createUserId(userKey),
      userName: displayName(name, user.role, locale),
      color: presenceColor(userKey, user.role),
      followingUserId: null,
      chatMessage: '',
      meta: {},
    })
  } catch {
    return null
  }
}

/** Calls `fn` with the latest value at most once per `intervalMs` (trailing edge). */
export function throttleLatest<T>(fn: (value: T) => void, intervalMs: number) {
  let pending: { value: T } | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  const run = () => {
    timer = null
    if (!pending) return
    const { value } = pending
    pending = null
    fn(value)
    timer = setTimeout(run, intervalMs)
  }
  return {
    push(value: T) {
      pending = { value }
      if (!timer) run()
    },
    cancel() {
      if (timer) clearTimeout(timer)
      timer = null
      pending = null
    },
  }
}

export interface PresenceOptions {
  store: TLStore
  awareness: Awareness
  user: Omit<AwarenessUser, 'color'>
  locale: Locale
  /** A projector shows others' cursors but has none of its own. */
  readOnly?: boolean
  /** ~30 updates a second at most. */
  throttleMs?: number
}

export function bindPresence(opts: PresenceOptions): () => void {
  const { store, awareness, locale } = opts
  const color = presenceColor(opts.user.id, opts.user.role)
  awareness.setLocalStateField('user', { ...opts.user, color } satisfies AwarenessUser)

  let stopLocal = () => {}
  if (!opts.readOnly) {
    const $user = atom('canvas user', {
      ...UserRecordType.create({ id: createUserId(opts.user.id), name: opts.user.name, color }),
    })
    const $presence = createPresenceStateDerivation($user)(store)
    const send = throttleLatest((presence: TLInstancePresence | null) => {
      awareness.setLocalStateField('presence', presence)
    }, opts.throttleMs ?? 33)
    const stopReact = react('publish presence', () => send.push($presence.get()))
    stopLocal = () => {
      stopReact()
      send.cancel()
    }
  }

  const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    const states = awareness.getStates() as Map<number, CanvasAwarenessState>
    const put: TLInstancePresence[] = []
    const remove: TLInstancePresence['id'][] = []
    for (const clientId of [...added, ...updated]) {
      if (clientId === awareness.clientID) continue
      const record = remotePresenceRecord(clientId, states.get(clientId), locale)
      if (record) put.push(record)
      else remove.push(InstancePresenceRecordType.createId(String(clientId)))
    }
    for (const clientId of removed) remove.push(InstancePresenceRecordType.createId(String(clientId)))
    const toRemove = remove.filter((id) => store.has(id))
    if (put.length === 0 && toRemove.length === 0) return
    store.mergeRemoteChanges(() => {
      if (toRemove.length) store.remove(toRemove)
      if (put.length) store.put(put)
    })
  }
  awareness.on('change', onChange)
  onChange({ added: [...awareness.getStates().keys()], updated: [], removed: [] })

  return () => {
    stopLocal()
    awareness.off('change', onChange)
    awareness.setLocalStateField('presence', null)
    const mine = store.query
      .records('instance_presence')
      .get()
      .map((r) => r.id)
    if (mine.length) store.mergeRemoteChanges(() => store.remove(mine))
  }
}
