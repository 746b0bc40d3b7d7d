/**
 * The facilitator's switch for participants' photos (issue 8): `workshop_sessions.media_allowed`,
 * which the canvas policy reads for every participant update (app/rooms/permissions.ts) and the
 * photo upload checks (photos.server.ts). Off by default. Turning it off removes nothing: photos
 * already placed stay, only new ones are refused.
 */
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../../db/client'
import { sessionEvents, workshopSessions, type WorkshopSession } from '../../db/schema'
import type { CommandResult } from '~/auth/commands.server'
import { eventRow, publishSessionState, sessionState, type SessionState } from '~/sessions/session-state.server'
import { fieldErrors } from '~/validation'

/** `POST /api/v1/sessions/:id/media` and the settings page. */
export const mediaSchema = z.object({ allowed: z.boolean({ error: 'photos.error.allowed' }) })

/**
 * Photos on or off: the column and a timeline line (`settings`, `{mediaAllowed}`) in one
 * transaction, then every screen hears the new state. The same value again changes nothing.
 */
export function setMediaAllowed(
  db: Db,
  session: WorkshopSession,
  input: unknown,
  by: string,
): CommandResult<SessionState> {
  const parsed = mediaSchema.safeParse(input)
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) }
  const { allowed } = parsed.data
  if (allowed === session.mediaAllowed) return { ok: true, value: sessionState(db, session) }
  const updated = db.transaction((tx) => {
    const row = tx
      .update(workshopSessions)
      .set({ mediaAllowed: allowed })
      .where(eq(workshopSessions.id, session.id))
      .returning()
      .get()
    tx.insert(sessionEvents)
      .values(eventRow(session.id, 'settings', { mediaAllowed: allowed }, by))
      .run()
    return row
  })
  publishSessionState(db, session.id)
  return { ok: true, value: sessionState(db, updated) }
}
