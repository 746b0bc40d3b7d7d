/**
 * Locks on a werksessie's canvas: a frame (with everything inside it) or the whole canvas,
 * locked against participants by a facilitator. Stored in session_locks and
 * workshop_sessions.locked_all; the room policy reads them for every participant update
 * (permissions.ts, isLocked), and the live session state carries them to every browser.
 */
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../../db/client'
import { sessionLocks, workshopSessions, type WorkshopSession } from '../../db/schema'
import type { CommandResult } from '~/auth/commands.server'
import { DocRecords, isRecordLike } from '~/canvas-doc'
import type { CollabControl } from '~/load-context'
import { fieldErrors } from '~/validation'
import { mainRoomId } from './rooms.server'

/** `{frameId}` or `{all: true}`, for locking and unlocking alike. */
export const lockSchema = z.union(
  [
    z.object({ all: z.literal(true) }).strict(),
    z.object({ frameId: z.string().regex(/^shape:[A-Za-z0-9_-]{1,64}$/, 'lock.error.frameRequired') }).strict(),
  ],
  { error: 'lock.error.frameRequired' },
)

export type LockTarget = z.infer<typeof lockSchema>

export interface LockState {
  all: boolean
  frames: string[]
}

export function lockState(db: Db, session: WorkshopSession): LockState {
  const frames = db
    .select({ frameId: sessionLocks.frameId })
    .from(sessionLocks)
    .where(eq(sessionLocks.workshopSessionId, session.id))
    .orderBy(sessionLocks.createdAt)
    .all()
  const row = db
    .select({ all: workshopSessions.lockedAll })
    .from(workshopSessions)
    .where(eq(workshopSessions.id, session.id))
    .get()
  return { all: row?.all ?? false, frames: frames.map((f) => f.frameId) }
}

/**
 * Locks (`lock: true`) or unlocks a frame or the whole canvas. A frame must be a frame on the
 * session's canvas to be locked (404 / 400); unlocking what is not locked changes nothing.
 */
export async function setLock(
  db: Db,
  collab: CollabControl,
  session: WorkshopSession,
  input: unknown,
  lock: boolean,
): Promise<CommandResult<LockState>> {
  const parsed = lockSchema.safeParse(input)
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) }
  const target = parsed.data
  if ('all' in target) {
    db.update(workshopSessions).set({ lockedAll: lock }).where(eq(workshopSessions.id, session.id)).run()
    return { ok: true, value: lockState(db, session) }
  }
  const { frameId } = target
  if (lock) {
    // A read of the live room (no change, so nothing is stored or sent).
    const record = await collab.transact(mainRoomId(db, session.id), (doc) => new DocRecords(doc).get(frameId))
    if (record === undefined) return { ok: false, status: 404, errors: { frameId: 'lock.error.frameNotFound' } }
    if (!isRecordLike(record) || record.typeName !== 'shape' || record.type !== 'frame') {
      return { ok: false, status: 400, errors: { frameId: 'lock.error.notAFrame' } }
    }
    db.insert(sessionLocks).values({ workshopSessionId: session.id, frameId }).onConflictDoNothing().run()
  } else {
    db.delete(sessionLocks)
      .where(and(eq(sessionLocks.workshopSessionId, session.id), eq(sessionLocks.frameId, frameId)))
      .run()
  }
  return { ok: true, value: lockState(db, session) }
}
