/**
 * A person's own ideas (contributions) in a werksessie: the list on their phone page, and changing
 * or taking back one of them. The note itself lives in a room's document (main, or the person's
 * private room until a reveal moves it); the contributions row says where, and whose it is. Only
 * the writer may change or delete their note, and not in a locked frame or a closed session, as
 * on the canvas (app/rooms/permissions.ts). Every write is one `collab.transact`.
 */
import { and, desc, eq, isNull } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { contributions, type WorkshopSession } from '../../db/schema'
import type { CommandResult } from '~/auth/commands.server'
import { isRecordLike, replaceRecords, richText } from '~/canvas-doc'
import { labelledRichText, readRecords, writeRecords, type ShapeRecord } from '~/facilitation/canvas-writes'
import { editContributionSchema } from '~/facilitation/validation'
import type { CollabControl } from '~/load-context'
import { canvasRules } from '~/rooms/policy.server'
import { isLocked } from '~/rooms/permissions'
import { findRoom } from '~/rooms/rooms.server'
import type { CollabIdentity } from '~/sessions/identity'
import { contributionText } from '~/summary/summary'
import { noteText } from '~/votes/vote-notes'
import { fieldErrors } from '~/validation'
import type { OwnContribution } from './types'

export type { OwnContribution }

interface Caller {
  session: WorkshopSession
  identity: CollabIdentity
}

const isNote = (value: unknown): value is ShapeRecord =>
  isRecordLike(value) && value.typeName === 'shape' && (value as ShapeRecord).type === 'note'

function ownRows(db: Db, { session, identity }: Caller, shapeId?: string) {
  return db
    .select()
    .from(contributions)
    .where(
      and(
        eq(contributions.workshopSessionId, session.id),
        eq(contributions.subject, identity.subject),
        isNull(contributions.deletedAt),
        shapeId === undefined ? undefined : eq(contributions.shapeId, shapeId),
      ),
    )
    .orderBy(desc(contributions.createdAt), desc(contributions.id))
    .all()
}

const view = (row: typeof contributions.$inferSelect, note: ShapeRecord): OwnContribution => ({
  shapeId: row.shapeId,
  text: contributionText(note),
  phase: row.phase,
  private: row.private && !row.revealedAt,
  createdAt: row.createdAt.toISOString(),
})

/**
 * The caller's ideas that are still on a canvas, newest first. One deleted on the canvas (by its
 * writer, or with a facilitator's frame) is left out.
 */
export async function listOwnContributions(db: Db, collab: CollabControl, caller: Caller): Promise<OwnContribution[]> {
  const rows = ownRows(db, caller)
  const byRoom = new Map<string, Map<string, unknown>>()
  for (const roomId of new Set(rows.map((row) => row.roomId))) {
    if (!findRoom(db, roomId)) continue
    // A read: nothing is stored or relayed.
    byRoom.set(roomId, await collab.transact(roomId, (doc) => readRecords(doc)))
  }
  return rows.flatMap((row) => {
    const note = byRoom.get(row.roomId)?.get(row.shapeId)
    return isNote(note) ? [view(row, note)] : []
  })
}

type Change = { kind: 'edit'; text: string } | { kind: 'delete' }

/** Finds the caller's note and applies the change in its room, with the canvas's own refusals. */
async function changeOwn(
  db: Db,
  collab: CollabControl,
  caller: Caller,
  shapeId: string,
  change: Change,
): Promise<CommandResult<OwnContribution | null>> {
  const { session, identity } = caller
  if (identity.mode === 'read') return { ok: false, status: 403, errors: { _form: 'contribution.error.closed' } }
  const [row] = ownRows(db, caller, shapeId)
  if (!row || !findRoom(db, row.roomId))
    return { ok: false, status: 404, errors: { _form: 'contribution.error.notFound' } }
  const rules = identity.role === 'facilitator' ? null : canvasRules(db, session.id)
  const outcome = await collab.transact(row.roomId, (doc) => {
    const records = readRecords(doc)
    const note = records.get(shapeId)
    if (!isNote(note)) return 'gone' as const
    if (rules && isLocked(shapeId, (key) => records.get(key), rules)) return 'locked' as const
    if (change.kind === 'delete') {
      const target = new Map(records)
      target.delete(shapeId)
      // Arrows bound to it lose their binding, as when it is deleted on the canvas.
      for (const [id, value] of records) {
        const binding = value as { typeName?: unknown; fromId?: unknown; toId?: unknown }
        if (binding.typeName === 'binding' && (binding.fromId === shapeId || binding.toId === shapeId))
          target.delete(id)
      }
      replaceRecords(doc, target)
      return null
    }
    // The role label the server wrote stays the first line; the idea after it is replaced.
    const label = typeof note.meta?.role === 'string' ? noteText(note.props).split('\n')[0] : null
    const changed: ShapeRecord = {
      ...note,
      props: { ...note.props, richText: label ? labelledRichText(label, change.text) : richText(change.text) },
    }
    writeRecords(doc, records, [changed])
    return changed
  })
  if (outcome === 'gone') {
    db.update(contributions).set({ deletedAt: new Date() }).where(eq(contributions.id, row.id)).run()
    return { ok: false, status: 404, errors: { _form: 'contribution.error.notFound' } }
  }
  if (outcome === 'locked') return { ok: false, status: 403, errors: { _form: 'permission.locked' } }
  if (outcome === null) {
    db.update(contributions).set({ deletedAt: new Date() }).where(eq(contributions.id, row.id)).run()
    return { ok: true, value: null }
  }
  return { ok: true, value: view(row, outcome) }
}

/** A new text for one of the caller's own notes. */
export async function editOwnContribution(
  db: Db,
  collab: CollabControl,
  caller: Caller,
  shapeId: string,
  input: unknown,
): Promise<CommandResult<OwnContribution | null>> {
  const parsed = editContributionSchema.safeParse(input)
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) }
  return changeOwn(db, collab, caller, shapeId, { kind: 'edit', text: parsed.data.text })
}

/** Takes one of the caller's own notes off the canvas. */
export async function deleteOwnContribution(db: Db, collab: CollabControl, caller: Caller, shapeId: string) {
  return changeOwn(db, collab, caller, shapeId, { kind: 'delete' })
}
