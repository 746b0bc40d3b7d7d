import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { contributions, participants, recordOwners, type WorkshopSession } from '../../db/schema'
import type { CollabControl } from '~/load-context'
import { readRecords } from '~/facilitation/canvas-writes'
import { mainRoomId } from '~/rooms/rooms.server'
import { listCoFacilitators } from '~/sessions/facilitators.server'
import { sessionTimeline } from '~/sessions/session-state.server'
import { sessionVotes } from '~/votes/votes.server'
import { buildSummary, type SessionSummary } from './summary'

/**
 * Gathers what the summary is made of and makes it (summary.ts). The main room is read through
 * the collab control, so notes are as they are now, also when the room is not in memory.
 */
export async function sessionSummary(
  db: Db,
  collab: CollabControl,
  session: WorkshopSession,
  now = new Date(),
): Promise<SessionSummary> {
  const roomId = mainRoomId(db, session.id)
  const records = await collab.transact(roomId, (doc) => readRecords(doc))
  return buildSummary({
    session: { createdAt: session.createdAt, closedAt: session.closedAt, phase: session.phase },
    now,
    events: sessionTimeline(db, session.id),
    contributions: db.select().from(contributions).where(eq(contributions.workshopSessionId, session.id)).all(),
    mainRoomId: roomId,
    records,
    owners: db.select().from(recordOwners).where(eq(recordOwners.roomId, roomId)).all(),
    participants: db
      .select({ id: participants.id, role: participants.role })
      .from(participants)
      .where(eq(participants.workshopSessionId, session.id))
      .all(),
    // The owner and the co-facilitators she invited.
    facilitators: 1 + listCoFacilitators(db, session.id).length,
    votes: sessionVotes(db, session.id),
  })
}
