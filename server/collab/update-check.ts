/**
 * The check every client update passes before it touches a room's document: decoded once here,
 * the decoded form then feeds the budgets and the policy, and only Y.applyUpdate decodes again.
 * Two rules, both against the room's current state (docs/collab-protocol.md, "Checks"):
 * - ownership: structs only for client ids the sender's subject introduced, or new ones;
 * - no dangling references: everything an update builds on is in the room or in the update,
 *   so Yjs never keeps anything pending (which it would re-read on every later update).
 */
import * as Y from 'yjs'
import { ProtocolError } from './protocol'

export interface DecodedUpdate {
  structs: (Y.Item | Y.GC | Y.Skip)[]
  ds: ReturnType<typeof Y.decodeUpdate>['ds']
}

/** Decodes an update completely (structs, contents, delete set); ProtocolError if it cannot. */
export function decodeUpdate(update: Uint8Array): DecodedUpdate {
  try {
    return Y.decodeUpdate(update) as DecodedUpdate
  } catch (err) {
    throw new ProtocolError(`malformed update: ${(err as Error).message}`)
  }
}

export type CheckRefusal = { ok: false; rule: 'ownership' | 'dangling'; detail: string }

export type CheckResult =
  | {
      ok: true
      /** client ids with structs the room did not have yet, in update order */
      clients: number[]
      /** of those, the ids nobody had introduced: the sender introduces them now */
      introduced: number[]
      /** structs plus delete-set ranges: what the struct budgets count */
      structCount: number
    }
  | CheckRefusal

export interface CheckContext {
  store: Y.Doc['store']
  subject: string
  /** the subject that introduced a client id in this room, if anyone did */
  ownerOf(clientId: number): string | undefined
  /** a subject that reserved a new client id (by claiming it in awareness first), if any */
  reservedBy?(clientId: number): string | undefined
}

interface Group {
  start: number
  end: number
  /** indexes into decoded.structs, in clock order */
  first: number
  last: number
}

const refuse = (rule: CheckRefusal['rule'], detail: string): CheckRefusal => ({ ok: false, rule, detail })

export function checkUpdate(decoded: DecodedUpdate, ctx: CheckContext): CheckResult {
  const { structs, ds } = decoded
  const state = (client: number) => Y.getState(ctx.store, client)
  const groups = new Map<number, Group>()

  // Pass 1: per client one contiguous run that starts within what the room has (no gap);
  // Skips only over what the room has.
  let current: Group | null = null
  let currentClient = -1
  for (let i = 0; i < structs.length; i++) {
    const s = structs[i]
    const { client, clock } = s.id
    if (current === null || client !== currentClient) {
      // Yjs keeps only the last run of a client named twice; the check must see what Yjs sees.
      if (groups.has(client)) return refuse('dangling', `client ${client} appears twice`)
      if (clock > state(client))
        return refuse('dangling', `client ${client} starts at ${clock} beyond ${state(client)}`)
      current = { start: clock, end: clock, first: i, last: i }
      currentClient = client
      groups.set(client, current)
    }
    if (s instanceof Y.Skip && clock + s.length > state(client)) {
      return refuse('dangling', `skip over unknown range of client ${client}`)
    }
    current.end = clock + s.length
    current.last = i
  }

  // Pass 2: ownership of every run that brings something new.
  const clients: number[] = []
  const introduced: number[] = []
  for (const [client, group] of groups) {
    const known = state(client)
    if (group.end <= known) continue // nothing new: Yjs skips it
    const owner = ctx.ownerOf(client)
    if (owner === undefined) {
      // Existing ids owned by nobody (the server's own, rooms from before ownership) stay so.
      if (known > 0) return refuse('ownership', `client ${client} exists and belongs to nobody`)
      const reserved = ctx.reservedBy?.(client)
      if (reserved !== undefined && reserved !== ctx.subject) {
        return refuse('ownership', `client ${client} is someone else's in awareness`)
      }
      introduced.push(client)
    } else if (owner !== ctx.subject) {
      return refuse('ownership', `client ${client} belongs to someone else`)
    }
    clients.push(client)
  }

  // Pass 3: every reference exists in the room or earlier in the update, and nothing refers in
  // a circle (which Yjs would keep pending too).
  const inUpdate = (id: Y.ID) => {
    const g = groups.get(id.client)
    return g !== undefined && id.clock >= g.start && id.clock < g.end
  }
  const exists = (id: Y.ID, self: Y.ID) =>
    id.client === self.client ? id.clock < self.clock : id.clock < state(id.client) || inUpdate(id)
  let crossRefs = false
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue
    for (const ref of [s.origin, s.rightOrigin, s.parent instanceof Y.ID ? s.parent : null]) {
      if (ref === null) continue
      if (!exists(ref, s.id)) return refuse('dangling', `reference to unknown ${ref.client}:${ref.clock}`)
      if (ref.client !== s.id.client && ref.clock >= state(ref.client)) crossRefs = true
    }
    if (s.parent instanceof Y.ID && !isTypeOrGone(s.parent, s.id, ctx.store, structs, groups)) {
      return refuse('dangling', `parent ${s.parent.client}:${s.parent.clock} is not a type`)
    }
  }
  if (crossRefs && hasCycle(structs, groups, state)) return refuse('dangling', 'references in a circle')

  // Delete set: every range within the room's state or the update.
  let ranges = 0
  for (const [client, items] of ds.clients) {
    const reach = Math.max(state(client), groups.get(client)?.end ?? 0)
    for (const item of items) {
      if (item.len <= 0 || item.clock + item.len > reach) {
        return refuse('dangling', `deleted range of client ${client} beyond ${reach}`)
      }
    }
    ranges += items.length
  }
  return { ok: true, clients, introduced, structCount: structs.length + ranges }
}

/** The struct of the update holding `clock` of a run, by binary search. */
function structAt(structs: DecodedUpdate['structs'], group: Group, clock: number): number {
  let lo = group.first
  let hi = group.last
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (structs[mid].id.clock <= clock) lo = mid
    else hi = mid - 1
  }
  return lo
}

/**
 * A parent must be a type (or gone: Yjs then drops the child as garbage). Anything else makes
 * Y.applyUpdate throw half-way through.
 */
function isTypeOrGone(
  parent: Y.ID,
  self: Y.ID,
  store: Y.Doc['store'],
  structs: DecodedUpdate['structs'],
  groups: Map<number, Group>,
): boolean {
  const group = groups.get(parent.client)
  let target: Y.Item | Y.GC | Y.Skip
  if (parent.clock < Y.getState(store, parent.client)) target = Y.getItem(store, parent) as Y.Item | Y.GC
  else if (group !== undefined && (parent.client !== self.client || parent.clock < self.clock)) {
    target = structs[structAt(structs, group, parent.clock)]
  } else return false
  return target instanceof Y.GC || (target instanceof Y.Item && target.content instanceof Y.ContentType)
}

/**
 * Whether the structs of the update depend on each other in a circle: each depends on the one
 * before it of its own client and on the structs its references point to within the update.
 */
function hasCycle(
  structs: DecodedUpdate['structs'],
  groups: Map<number, Group>,
  state: (client: number) => number,
): boolean {
  const WHITE = 0
  const GREY = 1
  const BLACK = 2
  const color = new Uint8Array(structs.length)
  const deps = (i: number): number[] => {
    const s = structs[i]
    const out: number[] = []
    const group = groups.get(s.id.client)!
    if (i > group.first) out.push(i - 1)
    if (s instanceof Y.Item) {
      for (const ref of [s.origin, s.rightOrigin, s.parent instanceof Y.ID ? s.parent : null]) {
        if (ref === null || ref.client === s.id.client || ref.clock < state(ref.client)) continue
        out.push(structAt(structs, groups.get(ref.client)!, ref.clock))
      }
    }
    return out
  }
  for (let root = 0; root < structs.length; root++) {
    if (color[root] !== WHITE) continue
    const stack: { node: number; next: number[] }[] = [{ node: root, next: deps(root) }]
    color[root] = GREY
    while (stack.length > 0) {
      const top = stack[stack.length - 1]
      const dep = top.next.pop()
      if (dep === undefined) {
        color[top.node] = BLACK
        stack.pop()
      } else if (color[dep] === GREY) return true
      else if (color[dep] === WHITE) {
        color[dep] = GREY
        stack.push({ node: dep, next: deps(dep) })
      }
    }
  }
  return false
}

/**
 * Whether a transaction changed the document: new structs or new deletions. Yjs asks the same
 * before it emits 'update' (cleanupTransactions); a transaction of nothing but known content
 * changes nothing, and is neither stored nor relayed.
 */
export function transactionChanged(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true
  for (const [client, clock] of transaction.afterState) if (transaction.beforeState.get(client) !== clock) return true
  return false
}
