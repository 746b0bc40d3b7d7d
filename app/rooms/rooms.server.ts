/**
 * A werksessie's collaboration rooms, in one place (docs/decisions/010-rooms.md): its `main`
 * canvas and, in private mode, a `private` room per person. Other areas create, find and delete
 * rooms only through here; none reads workshop_sessions.room_id any more (kept until a later
 * migration drops it).
 */
import crypto from 'node:crypto'
import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { recordOwners, rooms, workshopSessions, type RoomRecord, type WorkshopSession } from '../../db/schema'
import type { CollabControl } from '~/load-context'

/** Room ids are unguessable and independent of the join code, which can be shared widely. */
export const newRoomId = () => crypto.randomBytes(16).toString('base64url')

/** Adds a session's main room (in the caller's transaction, with the session). */
export function createMainRoom(db: Db, sessionId: string, id = newRoomId()): RoomRecord {
  return db
    .insert(rooms)
    .values({ id, workshopSessionId: sessionId, kind: 'main', ownerSubject: null })
    .returning()
    .get()
}

/** A person's private room in a session, made on first use. */
export function privateRoomFor(db: Db, sessionId: string, ownerSubject: string): RoomRecord {
  const existing = db
    .select()
    .from(rooms)
    .where(and(eq(rooms.workshopSessionId, sessionId), eq(rooms.kind, 'private'), eq(rooms.ownerSubject, ownerSubject)))
    .get()
  if (existing) return existing
  return (
    db
      .insert(rooms)
      .values({ id: newRoomId(), workshopSessionId: sessionId, kind: 'private', ownerSubject })
      .onConflictDoNothing()
      .returning()
      .get() ?? privateRoomFor(db, sessionId, ownerSubject)
  )
}

/** The id of a session's main canvas (every session has one: migration 0003, createMainRoom). */
export function mainRoomId(db: Db, sessionId: string): string {
  const room = db
    .select({ id: rooms.id })
    .from(rooms)
    .where(and(eq(rooms.workshopSessionId, sessionId), eq(rooms.kind, 'main')))
    .get()
  if (!room) throw new Error(`werksessie ${sessionId} has no main room`)
  return room.id
}

/** A room and the werksessie it belongs to, or undefined for an unknown room. */
export function findRoom(db: Db, roomId: string): { room: RoomRecord; session: WorkshopSession } | undefined {
  const row = db
    .select({ room: rooms, session: workshopSessions })
    .from(rooms)
    .innerJoin(workshopSessions, eq(workshopSessions.id, rooms.workshopSessionId))
    .where(eq(rooms.id, roomId))
    .get()
  return row ?? undefined
}

/** Every room of a session, main first. */
export function roomsOfSession(db: Db, sessionId: string): RoomRecord[] {
  const all = db.select().from(rooms).where(eq(rooms.workshopSessionId, sessionId)).all()
  return all.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'main' ? -1 : 1))
}

/** A session's private rooms, oldest first (private ideation: one per person who wrote there). */
export function privateRoomsOf(db: Db, sessionId: string): RoomRecord[] {
  return db
    .select()
    .from(rooms)
    .where(and(eq(rooms.workshopSessionId, sessionId), eq(rooms.kind, 'private')))
    .orderBy(rooms.createdAt)
    .all()
}

/**
 * Deletes a private room for good once its notes are revealed: its stored content, history,
 * record owners and row, with `alongside` (e.g. the contributions that moved), in one
 * transaction through the collab server's deleteRoom; its connections close with 4410.
 */
export function deletePrivateRoom(db: Db, collab: CollabControl, room: RoomRecord, alongside: () => void): void {
  if (room.kind !== 'private') throw new Error(`room ${room.id} is not a private room`)
  collab.deleteRoom(room.id, () => {
    db.delete(recordOwners).where(eq(recordOwners.roomId, room.id)).run()
    db.delete(rooms).where(eq(rooms.id, room.id)).run()
    alongside()
  })
}

/**
 * Deletes a werksessie with all its rooms (docs/decisions/005-deleting-a-werksessie.md). Each room
 * goes through the collab server's deleteRoom (its stored content, history and record owners in
 * one transaction, its connections closed with 4410). Private rooms go first, each on its own;
 * the main room last, with `alongside` (the werksessie itself), so a failure never leaves a
 * werksessie without its canvas.
 */
export function deleteSessionRooms(db: Db, collab: CollabControl, sessionId: string, alongside: () => void): void {
  const all = roomsOfSession(db, sessionId)
  const forgetOwners = (ids: string[]) => db.delete(recordOwners).where(inArray(recordOwners.roomId, ids)).run()
  for (const room of all.filter((r) => r.kind !== 'main')) {
    collab.deleteRoom(room.id, () => {
      forgetOwners([room.id])
      db.delete(rooms).where(eq(rooms.id, room.id)).run()
    })
  }
  const main = all.find((r) => r.kind === 'main')
  if (!main) {
    db.transaction(() => alongside())
    return
  }
  collab.deleteRoom(main.id, () => {
    forgetOwners([main.id])
    alongside()
  })
}
