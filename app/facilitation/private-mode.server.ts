/**
 * Private ideation (issue 8, section 6; docs/collab-protocol.md, "Private ideation"). While it is
 * on, a participant's new notes live in a room of their own (app/rooms, kind `private`), which
 * the server hands only to them, and to the facilitators read-only when the session lets them
 * look. No byte of a private note reaches the main room, or any other browser, before "laat
 * zien": then the server writes every private note into the main room's step frame, at the next
 * free spots, labelled with the role (and the name only when the person gave one), and deletes
 * the private rooms.
 */
import { and, eq, isNull } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../../db/client'
import { contributions, sessionEvents, workshopSessions, type RoomRecord, type WorkshopSession } from '../../db/schema'
import type { CommandResult } from '~/auth/commands.server'
import { t } from '~/i18n'
import { participantLabel } from '~/i18n/roles'
import type { CollabControl } from '~/load-context'
import { claimRecords } from '~/rooms/record-owners.server'
import { deletePrivateRoom, findRoom, mainRoomId, privateRoomFor, privateRoomsOf } from '~/rooms/rooms.server'
import { presenceIdFor } from '~/sessions/access.server'
import type { CollabIdentity } from '~/sessions/identity'
import {
  eventRow,
  publishSessionState,
  recordEvent,
  sessionState,
  type SessionState,
} from '~/sessions/session-state.server'
import { getParticipant } from '~/sessions/sessions.server'
import { fieldErrors } from '~/validation'
import { placeNote, readRecords } from './canvas-writes'
import { SESSION_LOCALE, stepFrameOrPlace } from './facilitation.server'
import { roleNoteColor, roleNoteLabel } from './note-style'
import { privateNotes, revealedShapeId } from './private-notes'
import { privatePhotos, revealPhotos } from '~/photos/photo-writes'
import { movePhotoRows, storedPhotosOfRoom } from '~/photos/photos.server'

/** `POST /api/v1/sessions/:id/private`: on or off, and whether facilitators may look meanwhile. */
export const privateModeSchema = z.object({
  on: z.boolean({ error: 'private.error.on' }),
  facilitatorSees: z.boolean({ error: 'private.error.facilitatorSees' }).optional(),
})

/** Close code and reason for a facilitator looking at a private room when looking is turned off. */
const FORBIDDEN_CLOSE = 4403

type StateResult = CommandResult<SessionState>

/**
 * Turns private mode on (with `facilitatorSees`, default off) or changes who may look, or turns
 * it off, which reveals every private note (see `revealPrivateNotes`).
 */
export async function setPrivateMode(
  db: Db,
  collab: CollabControl,
  session: WorkshopSession,
  input: unknown,
  by: string,
): Promise<StateResult> {
  const parsed = privateModeSchema.safeParse(input)
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) }
  const { on } = parsed.data
  if (!on) {
    const revealed = await revealPrivateNotes(db, collab, session, by)
    return revealed.ok ? { ok: true, value: revealed.value.state } : revealed
  }
  const facilitatorSees = parsed.data.facilitatorSees ?? (session.privateMode && session.privateFacilitatorSees)
  if (session.privateMode && facilitatorSees === session.privateFacilitatorSees) {
    return { ok: true, value: sessionState(db, session) }
  }
  const updated = db.transaction((tx) => {
    const row = tx
      .update(workshopSessions)
      .set({ privateMode: true, privateFacilitatorSees: facilitatorSees })
      .where(eq(workshopSessions.id, session.id))
      .returning()
      .get()
    const kind = session.privateMode ? 'settings' : 'private-on'
    tx.insert(sessionEvents)
      .values(eventRow(session.id, kind, { facilitatorSees }, by))
      .run()
    return row
  })
  // Looking was allowed and is not any more: facilitators watching someone's room are let go.
  if (!facilitatorSees) closeOthersInPrivateRooms(db, collab, session.id, 'Meekijken staat uit')
  publishSessionState(db, session.id)
  return { ok: true, value: sessionState(db, updated) }
}

/** Closes every connection to a private room that is not its owner's. */
function closeOthersInPrivateRooms(db: Db, collab: CollabControl, sessionId: string, reason: string) {
  for (const room of privateRoomsOf(db, sessionId)) {
    for (const subject of collab.connectedSubjects(room.id)) {
      if (subject !== room.ownerSubject) collab.closeSubject(room.id, subject, FORBIDDEN_CLOSE, reason)
    }
  }
}

/**
 * "Laat zien": ends private mode and moves every private room's notes into the main room's
 * current step frame, then deletes the private rooms. Idempotent: a note already revealed has
 * its derived id on the main canvas and is not placed again; a second reveal finds no rooms.
 * Private mode goes off first, so the owners' rooms refuse new writes (policy.server.ts) while
 * their notes move and nothing written meanwhile is lost with the room.
 */
export async function revealPrivateNotes(
  db: Db,
  collab: CollabControl,
  session: WorkshopSession,
  by: string,
): Promise<CommandResult<{ revealed: number; state: SessionState }>> {
  if (session.privateMode) {
    db.transaction((tx) => {
      tx.update(workshopSessions).set({ privateMode: false }).where(eq(workshopSessions.id, session.id)).run()
      tx.insert(sessionEvents)
        .values(eventRow(session.id, 'private-off', {}, by))
        .run()
    })
    // Every page goes back to the main canvas; the notes arrive there live.
    publishSessionState(db, session.id)
  }
  const mainId = mainRoomId(db, session.id)
  const rooms = privateRoomsOf(db, session.id)
  let revealed = 0
  for (const room of rooms) revealed += await revealRoom(db, collab, session, mainId, room)
  if (session.privateMode || revealed > 0) {
    recordEvent(db, session.id, 'reveal', { notes: revealed, rooms: rooms.length }, by)
  }
  const current = db.select().from(workshopSessions).where(eq(workshopSessions.id, session.id)).get() ?? session
  return { ok: true, value: { revealed, state: sessionState(db, current) } }
}

/** The participant a private room belongs to (its owner subject is `p:<participantId>`). */
function participantIdOf(subject: string) {
  return subject.startsWith('p:') ? subject.slice(2) : undefined
}

/**
 * Moves one private room's notes into the main room's step frame, its photos beside them, and
 * deletes the room. Answers how many notes it placed now (none for notes an earlier, interrupted
 * reveal placed already).
 */
async function revealRoom(
  db: Db,
  collab: CollabControl,
  session: WorkshopSession,
  mainId: string,
  room: RoomRecord,
): Promise<number> {
  const subject = room.ownerSubject ?? ''
  const participantId = participantIdOf(subject)
  const participant = participantId ? getParticipant(db, participantId) : undefined
  const role = participant?.role ?? 'ouder'
  const roleText = roleNoteLabel(SESSION_LOCALE, role, participant?.organisationType)
  const label = participant?.displayName
    ? t(SESSION_LOCALE, 'private.noteLabel', { role: roleText, name: participantLabel(SESSION_LOCALE, participant) })
    : roleText
  const stored = storedPhotosOfRoom(db, room.id)
  const { notes, photos } = await collab.transact(room.id, (doc) => {
    const records = readRecords(doc)
    return { notes: privateNotes(records, roleText), photos: privatePhotos(records, stored) }
  })
  const sources = new Map(
    db
      .select({ shapeId: contributions.shapeId, source: contributions.source })
      .from(contributions)
      .where(eq(contributions.roomId, room.id))
      .all()
      .map((row) => [row.shapeId, row.source]),
  )
  const phase = session.phase
  const createdBy = presenceIdFor(mainId, subject)
  const { moved, photoRows } =
    notes.length === 0 && photos.length === 0
      ? { moved: [], photoRows: [] }
      : await collab.transact(mainId, (doc) => {
          const records = readRecords(doc)
          const frame = stepFrameOrPlace(doc, records, phase)
          const placed: { from: string; to: string; now: boolean }[] = []
          for (const note of notes) {
            const id = revealedShapeId(room.id, note.id)
            placed.push({ from: note.id, to: id, now: !records.has(id) })
            if (records.has(id)) continue
            placeNote(doc, records, frame, {
              label,
              text: note.text,
              color: roleNoteColor[role],
              createdBy,
              meta: { role, phase, source: sources.get(note.id) ?? 'canvas', private: true },
              newId: () => id.slice('shape:'.length),
            })
          }
          // Photos follow their ideas (app/photos/photo-writes.ts).
          const revealed = revealPhotos(doc, records, frame, photos, {
            revealedId: (id) => revealedShapeId(room.id, id),
            createdBy,
          })
          // They stay their writer's: on the main canvas they may change and delete them.
          claimRecords(db, mainId, subject, [...placed.map((p) => p.to), ...revealed.recordIds])
          return { moved: placed, photoRows: revealed.storedIds }
        })
  deletePrivateRoom(db, collab, room, () => {
    const now = new Date()
    for (const { from, to } of moved) {
      const changed = db
        .update(contributions)
        .set({ roomId: mainId, shapeId: to, revealedAt: now })
        .where(and(eq(contributions.roomId, room.id), eq(contributions.shapeId, from)))
        .run().changes
      // A note written on the private canvas itself is a contribution from now on too.
      if (changed === 0) {
        db.insert(contributions)
          .values({
            workshopSessionId: session.id,
            roomId: mainId,
            shapeId: to,
            subject,
            role,
            phase,
            source: 'canvas',
            private: true,
            revealedAt: now,
          })
          .onConflictDoNothing()
          .run()
      }
    }
    // What the owner deleted from their private canvas before the reveal is gone with the room.
    db.update(contributions)
      .set({ deletedAt: now })
      .where(and(eq(contributions.roomId, room.id), isNull(contributions.deletedAt)))
      .run()
    movePhotoRows(db, room.id, mainId, photoRows)
  })
  return moved.filter((m) => m.now).length
}

/**
 * The private rooms a facilitator may pick to look at (read-only), with whose they are: only
 * while private mode is on and the session lets facilitators look, else none.
 */
export function privateRoomsToWatch(db: Db, session: WorkshopSession) {
  if (!session.privateMode || !session.privateFacilitatorSees) return []
  return privateRoomsOf(db, session.id).flatMap((room) => {
    const participantId = participantIdOf(room.ownerSubject ?? '')
    const participant = participantId ? getParticipant(db, participantId) : undefined
    if (!participant) return []
    // The browser says it in its own language (participantLabel): role and number, or the name.
    const { role, number, displayName } = participant
    return [{ roomId: room.id, role, number, displayName }]
  })
}

/**
 * Which room of a session a caller asks for (`GET .../collab-token?room=`): `main`, `private`
 * (a participant's own, made on first use while private mode is on) or a room id of the session.
 * Whether they may open it is the room's access rule (access.server.ts), asked afterwards.
 */
export function roomToOpen(
  db: Db,
  session: WorkshopSession,
  identity: CollabIdentity,
  param: string,
): CommandResult<{ roomId: string }> {
  if (param === 'main') return { ok: true, value: { roomId: mainRoomId(db, session.id) } }
  if (param === 'private') {
    if (identity.role === 'facilitator')
      return { ok: false, status: 403, errors: { room: 'private.error.facilitator' } }
    if (!session.privateMode) return { ok: false, status: 409, errors: { room: 'private.error.off' } }
    return { ok: true, value: { roomId: privateRoomFor(db, session.id, identity.subject).id } }
  }
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(param)) return { ok: false, status: 400, errors: { room: 'private.error.room' } }
  const found = findRoom(db, param)
  if (!found || found.session.id !== session.id) {
    return { ok: false, status: 404, errors: { room: 'private.error.roomNotFound' } }
  }
  return { ok: true, value: { roomId: param } }
}
