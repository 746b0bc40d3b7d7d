import crypto from 'node:crypto'
import { and, count, desc, eq, exists, or } from 'drizzle-orm'
import type { Db } from '../../db/client'
import type { OrganisationType } from '../../db/roles'
import {
  participants,
  sessionFacilitators,
  workshopSessions,
  type ParticipantRole,
  type WorkshopSession,
} from '../../db/schema'
import type { CollabControl } from '~/load-context'
import { createMainRoom, deleteSessionRooms, findRoom, mainRoomId } from '~/rooms/rooms.server'
import { generateJoinCode } from './join-code.server'

/** A werksessie just made, with the id of its main room (the rooms table has it from then on). */
export type NewWorkshopSession = WorkshopSession & { roomId: string }

export function createWorkshopSession(
  db: Db,
  facilitatorId: string,
  input: { title: string; wijkCode?: string; place?: string },
  makeCode: () => string = generateJoinCode,
): NewWorkshopSession {
  // 31^6 ≈ 887 million codes: a clash is rare, but the unique index decides, not luck.
  for (let attempt = 0; attempt < 20; attempt++) {
    const joinCode = makeCode()
    if (findSessionByJoinCode(db, joinCode)) continue
    // The session and its main room (app/rooms) together.
    return db.transaction(() => {
      const session = db
        .insert(workshopSessions)
        .values({
          id: crypto.randomUUID(),
          title: input.title,
          wijkCode: input.wijkCode ?? null,
          place: input.place ?? null,
          joinCode,
          facilitatorId,
          lastActivityAt: new Date(),
        })
        .returning()
        .get()
      return { ...session, roomId: createMainRoom(db, session.id).id }
    })
  }
  throw new Error('could not find a free join code')
}

/** The werksessies a facilitator runs: her own and those she was invited to as co-facilitator. */
export function listSessionsOf(db: Db, facilitatorId: string) {
  return db
    .select({
      session: workshopSessions,
      participantCount: count(participants.id),
    })
    .from(workshopSessions)
    .leftJoin(participants, eq(participants.workshopSessionId, workshopSessions.id))
    .where(
      or(
        eq(workshopSessions.facilitatorId, facilitatorId),
        exists(
          db
            .select({ one: sessionFacilitators.userId })
            .from(sessionFacilitators)
            .where(
              and(
                eq(sessionFacilitators.workshopSessionId, workshopSessions.id),
                eq(sessionFacilitators.userId, facilitatorId),
              ),
            ),
        ),
      ),
    )
    .groupBy(workshopSessions.id)
    .orderBy(desc(workshopSessions.createdAt))
    .all()
}

/** The facilitator's werksessies as plain JSON, newest first (for the list page and the API). */
export function sessionSummaries(db: Db, facilitatorId: string) {
  return listSessionsOf(db, facilitatorId).map(({ session, participantCount }) => ({
    id: session.id,
    title: session.title,
    wijkCode: session.wijkCode,
    place: session.place,
    joinCode: session.joinCode,
    roomId: mainRoomId(db, session.id),
    participantCount,
    /** false for a session she co-facilitates: only the owner deletes it and invites others */
    isOwner: session.facilitatorId === facilitatorId,
    closed: !!session.closedAt,
    createdAt: session.createdAt.toISOString(),
  }))
}

export function getWorkshopSession(db: Db, id: string): WorkshopSession | undefined {
  return db.select().from(workshopSessions).where(eq(workshopSessions.id, id)).get()
}

export function findSessionByJoinCode(db: Db, joinCode: string): WorkshopSession | undefined {
  return db.select().from(workshopSessions).where(eq(workshopSessions.joinCode, joinCode)).get()
}

/** A join or a facilitator's visit: the join code's idle period starts again (JOIN_CODE_IDLE_DAYS). */
export function markSessionActive(db: Db, sessionId: string, now = new Date()) {
  db.update(workshopSessions).set({ lastActivityAt: now }).where(eq(workshopSessions.id, sessionId)).run()
}

/** The werksessie a room belongs to (any of its rooms), from app/rooms. */
export function findSessionByRoom(db: Db, roomId: string): WorkshopSession | undefined {
  return findRoom(db, roomId)?.session
}

/** Adds a participant; the number makes the anonymous label ("Ouder 3") unique per role. */
export function addParticipant(
  db: Db,
  sessionId: string,
  input: { role: ParticipantRole; displayName?: string; organisationType?: OrganisationType },
) {
  return db.transaction(
    (tx) => {
      const n =
        tx
          .select({ n: count() })
          .from(participants)
          .where(and(eq(participants.workshopSessionId, sessionId), eq(participants.role, input.role)))
          .get()?.n ?? 0
      return tx
        .insert(participants)
        .values({
          id: crypto.randomUUID(),
          workshopSessionId: sessionId,
          role: input.role,
          number: n + 1,
          displayName: input.displayName ?? null,
          organisationType: input.organisationType ?? null,
        })
        .returning()
        .get()
    },
    { behavior: 'immediate' },
  )
}

export function countParticipants(db: Db, sessionId: string): number {
  return db.select({ n: count() }).from(participants).where(eq(participants.workshopSessionId, sessionId)).get()?.n ?? 0
}

export function getParticipant(db: Db, id: string) {
  return db.select().from(participants).where(eq(participants.id, id)).get()
}

/**
 * Deletes a werksessie with its participants (by cascade) and its canvas, all or nothing, and
 * disconnects whoever is in it. The canvas's rows belong to the collaboration server's storage,
 * so it deletes them, in the same transaction as the werksessie.
 */
export function deleteWorkshopSession(db: Db, collab: CollabControl, session: WorkshopSession) {
  deleteSessionRooms(db, collab, session.id, () => {
    db.delete(workshopSessions).where(eq(workshopSessions.id, session.id)).run()
  })
}
