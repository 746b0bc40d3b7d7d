/**
 * What a participant may change on a werksessie's canvas, as pure rules over the record changes
 * of one update (app/canvas-doc/record-changes.ts). Facilitators (the owner and co-facilitators)
 * may do everything and never come here. The room policy (policy.server.ts) applies these to
 * every update; the canvas applies the same rules beforehand (canvas-guards.ts), so an honest
 * participant is never refused. See docs/collab-protocol.md, "Permissions".
 */
import { createdByOf, isRecordLike, sameJson, type RecordChanges, type RecordLike } from '~/canvas-doc'

/** Shapes a participant may add: notes, text, drawings, arrows (and groups of their own). */
export const PARTICIPANT_SHAPES: ReadonlySet<string> = new Set([
  'note',
  'text',
  'draw',
  'highlight',
  'arrow',
  'line',
  'geo',
  'group',
])
/** Shapes and records that carry pictures or outside content: only while the session allows media. */
export const MEDIA_SHAPES: ReadonlySet<string> = new Set(['image', 'video', 'bookmark', 'embed'])

export interface Participant {
  /** `p:<id>`: what record_owners names */
  subject: string
  /** the pseudonym a shape's `meta.createdBy` must carry */
  presenceId: string
}

export interface CanvasRules {
  /** the whole canvas is locked against participants */
  lockedAll: boolean
  /** locked frames: they and everything inside them (by parentId, at any depth) */
  lockedFrames: ReadonlySet<string>
  /** photos, videos, links and embeds allowed */
  mediaAllowed: boolean
}

/** The document as it is before the update, and who made each record. */
export interface CanvasView {
  before(key: string): unknown
  /** how many records of a type name there are (seeding: a page only when there is none) */
  countOf(typeName: string): number
  ownerOf(key: string): string | undefined
  /** `tl_meta.schema` now (undefined in an empty canvas) */
  metaSchema: unknown
}

export type RefusalKey =
  | 'permission.notYours'
  | 'permission.facilitatorOnly'
  | 'permission.locked'
  | 'permission.lockedAll'
  | 'permission.media'
  | 'permission.createdBy'
  | 'permission.malformed'

export type Judgement = { ok: true; created: string[] } | { ok: false; reason: RefusalKey; detail: string }

const refuse = (reason: RefusalKey, detail: string): Judgement => ({ ok: false, reason, detail })

/** Records every browser seeds into an empty canvas (yjs-binding.ts, seedIfEmpty). */
const SEED_TYPES: ReadonlySet<string> = new Set(['document', 'page'])

/**
 * Whether a record is locked: it is a locked frame or sits inside one (any depth), or the whole
 * canvas is locked. `valueOf` gives a record's value as it will be after the update.
 */
export function isLocked(key: string, valueOf: (key: string) => unknown, rules: CanvasRules): boolean {
  if (rules.lockedAll) return true
  if (rules.lockedFrames.size === 0) return false
  let current: string | undefined = key
  for (let depth = 0; current && depth < 64; depth++) {
    if (rules.lockedFrames.has(current)) return true
    const value = valueOf(current)
    current = isRecordLike(value) ? value.parentId : undefined
  }
  return false
}

export function judgeParticipant(
  changes: RecordChanges,
  view: CanvasView,
  who: Participant,
  rules: CanvasRules,
): Judgement {
  if (changes.foreign.length > 0) return refuse('permission.malformed', changes.foreign[0])
  const after = (key: string) => (changes.writes.has(key) ? changes.writes.get(key) : view.before(key))
  const before = (key: string) => (changes.replaced.has(key) ? changes.replaced.get(key) : view.before(key))
  const ownerAfter = (key: string, created: Set<string>) => (created.has(key) ? who.subject : view.ownerOf(key))
  const written = [...changes.writes].filter(([key, value]) => !sameJson(value, view.before(key)))
  const deleted = [...changes.deletes.keys()]
  if (rules.lockedAll && (written.length > 0 || deleted.length > 0)) {
    return refuse('permission.lockedAll', 'the canvas is locked')
  }

  for (const [field, value] of changes.meta) {
    // The schema is written once, by whoever opens an empty canvas first.
    if (field !== 'schema' || (view.metaSchema !== undefined && !sameJson(view.metaSchema, value))) {
      return refuse('permission.facilitatorOnly', `tl_meta.${field}`)
    }
  }

  const created = new Set<string>()
  for (const [key, value] of written) {
    if (!isRecordLike(value) || value.id !== key) return refuse('permission.malformed', `record ${key}`)
    const old = before(key)
    if (old === undefined) {
      const owner = view.ownerOf(key)
      // A record that was deleted may come back (undo) only for whoever made it.
      if (owner !== undefined && owner !== who.subject) return refuse('permission.notYours', `recreating ${key}`)
      const kind = mayCreate(value, view, rules)
      if (kind) return refuse(kind, `creating ${value.typeName} ${value.type ?? ''} ${key}`)
      const createdBy = createdByOf(value)
      if (createdBy !== undefined && createdBy !== who.presenceId) {
        return refuse('permission.createdBy', `${key} claims ${String(createdBy)}`)
      }
      if (votesOf(value) !== undefined) return refuse('permission.facilitatorOnly', `${key} brings vote counts`)
      created.add(key)
    } else {
      if (view.ownerOf(key) !== who.subject) return refuse('permission.notYours', `changing ${key}`)
      const was = old as RecordLike
      if (!isRecordLike(old) || was.typeName !== value.typeName || was.type !== value.type) {
        return refuse('permission.malformed', `${key} changes its kind`)
      }
      if (!sameJson(createdByOf(old), createdByOf(value))) return refuse('permission.createdBy', `${key} createdBy`)
      // The counts a vote put on a note are the server's (app/votes); the ranked list stays the truth.
      if (!sameJson(votesOf(old), votesOf(value))) return refuse('permission.facilitatorOnly', `${key} vote counts`)
      if (isLocked(key, before, rules)) return refuse('permission.locked', `${key} is locked`)
    }
    if (isLocked(key, after, rules)) return refuse('permission.locked', `${key} would be in a locked frame`)
    if (value.typeName === 'binding') {
      const from = value.fromId
      if (!from || ownerAfter(from, created) !== who.subject)
        return refuse('permission.notYours', `binding ${key} from ${from}`)
    }
  }

  for (const key of deleted) {
    const old = changes.deletes.get(key)
    const mine = view.ownerOf(key) === who.subject
    // Deleting a shape of one's own also removes the arrows' bindings to it, whoever drew them.
    const bindingToMine =
      isRecordLike(old) &&
      old.typeName === 'binding' &&
      [old.toId, old.fromId].some((id) => id !== undefined && view.ownerOf(id) === who.subject)
    if (!mine && !bindingToMine) return refuse('permission.notYours', `deleting ${key}`)
    if (isLocked(key, before, rules)) return refuse('permission.locked', `${key} is locked`)
  }
  return { ok: true, created: [...created] }
}

/** The count badge a vote's end wrote on a note (`meta.votes`, app/votes/vote-notes.ts). */
const votesOf = (record: unknown): unknown =>
  isRecordLike(record) ? (record.meta as Record<string, unknown> | undefined)?.votes : undefined

/** Why a participant may not create this record, or null when they may. */
function mayCreate(value: RecordLike, view: CanvasView, rules: CanvasRules): RefusalKey | null {
  switch (value.typeName) {
    case 'shape':
      if (PARTICIPANT_SHAPES.has(value.type ?? '')) return null
      if (MEDIA_SHAPES.has(value.type ?? '')) return rules.mediaAllowed ? null : 'permission.media'
      return 'permission.facilitatorOnly'
    case 'binding':
      return value.type === 'arrow' ? null : 'permission.facilitatorOnly'
    case 'asset':
      return rules.mediaAllowed ? null : 'permission.media'
    case 'user':
      // tldraw keeps each person's display record in the document; theirs alone to change after.
      return null
    default:
      // The document record and a first page, when the canvas has none yet (seeding).
      return SEED_TYPES.has(value.typeName) && view.countOf(value.typeName) === 0 ? null : 'permission.facilitatorOnly'
  }
}
