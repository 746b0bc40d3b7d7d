import { and, count, desc, eq, isNull } from 'drizzle-orm'
import type { Db } from '../../db/client'
import {
  ballots,
  rooms,
  sessionEvents,
  sessionLocks,
  votes,
  workshopSessions,
  type SessionEvent,
  type WorkshopSession,
} from '../../db/schema'
import type { CommandResult } from '~/auth/commands.server'
import type { CollabControl } from '~/load-context'
import { fieldErrors } from '~/validation'
import { sessionBus } from './session-bus.server'
import type { SessionState } from './session-state'
import { applyTimerCommand, timerView, type TimerColumns } from './timer'
import { phaseSchema, timerSchema } from './validation'

export type { SessionState }

export function sessionState(db: Db, session: WorkshopSession, now = Date.now()): SessionState {
  const vote = db
    .select()
    .from(votes)
    .where(and(eq(votes.workshopSessionId, session.id), isNull(votes.endedAt)))
    .orderBy(desc(votes.startedAt))
    .get()
  const frames = db
    .select({ frameId: sessionLocks.frameId })
    .from(sessionLocks)
    .where(eq(sessionLocks.workshopSessionId, session.id))
    .orderBy(sessionLocks.createdAt)
    .all()
    .map((l) => l.frameId)
  return {
    phase: session.phase,
    timer: timerView(session, now),
    vote: vote
      ? {
          id: vote.id,
          frameId: vote.frameId,
          votesPerPerson: vote.votesPerPerson,
          startedAt: vote.startedAt.toISOString(),
          // A change of it tells each browser to fetch its own dots again (app/votes/use-vote.ts).
          ballots: db.select({ n: count() }).from(ballots).where(eq(ballots.voteId, vote.id)).get()?.n ?? 0,
        }
      : null,
    privateMode: session.privateMode,
    privateFacilitatorSees: session.privateFacilitatorSees,
    locked: { all: session.lockedAll, frames },
    mediaAllowed: session.mediaAllowed,
    closed: !!session.closedAt,
    serverNow: new Date(now).toISOString(),
  }
}

/**
 * Tells every open live channel of the session its new state. Everything that changes the
 * state (here, and the vote, lock, private-mode and media routes) calls this after its write.
 */
export function publishSessionState(db: Db, sessionId: string, now = Date.now()) {
  const bus = sessionBus()
  if (bus.listenerCount(sessionId) === 0) return
  const session = db.select().from(workshopSessions).where(eq(workshopSessions.id, sessionId)).get()
  if (session) bus.publish(sessionId, { type: 'state', state: sessionState(db, session, now) })
}

/** One line of the session's timeline (session_events), for the summary. */
export function eventRow(
  sessionId: string,
  kind: SessionEvent['kind'],
  data: Record<string, unknown>,
  bySubject: string,
  at = new Date(),
): typeof sessionEvents.$inferInsert {
  return { workshopSessionId: sessionId, kind, data: JSON.stringify(data), bySubject, at }
}

export function recordEvent(db: Db, ...row: Parameters<typeof eventRow>) {
  db.insert(sessionEvents)
    .values(eventRow(...row))
    .run()
}

export function sessionTimeline(db: Db, sessionId: string): SessionEvent[] {
  return db
    .select()
    .from(sessionEvents)
    .where(eq(sessionEvents.workshopSessionId, sessionId))
    .orderBy(sessionEvents.at, sessionEvents.id)
    .all()
}

type StateResult = CommandResult<SessionState>

/** Writes the session's columns and its timeline line in one transaction, then tells everyone. */
function change(
  db: Db,
  session: WorkshopSession,
  set: Partial<typeof workshopSessions.$inferInsert>,
  event: { kind: SessionEvent['kind']; data: Record<string, unknown>; by: string },
  now: number,
): StateResult {
  const updated = db.transaction((tx) => {
    const row = tx.update(workshopSessions).set(set).where(eq(workshopSessions.id, session.id)).returning().get()
    tx.insert(sessionEvents)
      .values(eventRow(session.id, event.kind, event.data, event.by, new Date(now)))
      .run()
    return row
  })
  publishSessionState(db, session.id, now)
  return { ok: true, value: sessionState(db, updated, now) }
}

/** A facilitator moves the session to a step (any step: going back is allowed). */
export function setPhase(db: Db, session: WorkshopSession, input: unknown, by: string, now = Date.now()): StateResult {
  const parsed = phaseSchema.safeParse(input)
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) }
  const { phase } = parsed.data
  if (phase === session.phase) return { ok: true, value: sessionState(db, session, now) }
  return change(db, session, { phase }, { kind: 'phase', data: { phase, from: session.phase }, by }, now)
}

/** Start / pause / resume / add a minute / stop, counted from the server's clock. */
export function commandTimer(
  db: Db,
  session: WorkshopSession,
  input: unknown,
  by: string,
  now = Date.now(),
): StateResult {
  const parsed = timerSchema.safeParse(input)
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) }
  const next = applyTimerCommand(session, parsed.data, now)
  if (!next) return { ok: false, status: 409, errors: { action: `timer.error.${parsed.data.action}` } }
  const data: Record<string, unknown> = { action: parsed.data.action }
  if (parsed.data.action === 'start') data.minutes = parsed.data.minutes
  return change(db, session, next satisfies TimerColumns, { kind: 'timer', data, by }, now)
}

/** Every room of the session (its main canvas and, in private mode, each person's room). */
export function sessionRoomIds(db: Db, session: WorkshopSession): string[] {
  const ids = db.select({ id: rooms.id }).from(rooms).where(eq(rooms.workshopSessionId, session.id)).all()
  return ids.map((r) => r.id)
}

/**
 * Close code for "your access changed, connect again": participants' connections are closed
 * when the session closes or reopens, and come back in the mode that now applies (read while
 * closed). The canvas reconnects on any code it does not know as a refusal.
 */
export const ACCESS_CHANGED_CLOSE = 4012

function reconnectParticipants(db: Db, collab: CollabControl, session: WorkshopSession, reason: string) {
  for (const roomId of sessionRoomIds(db, session)) {
    for (const subject of collab.connectedSubjects(roomId)) {
      if (subject.startsWith('p:')) collab.closeSubject(roomId, subject, ACCESS_CHANGED_CLOSE, reason)
    }
  }
}

/**
 * Closing: the join code stops working (410) and participants can only look; facilitators go
 * on. Closing a closed session changes nothing (and writes no timeline line).
 */
export function closeSession(
  db: Db,
  collab: CollabControl,
  session: WorkshopSession,
  by: string,
  now = Date.now(),
): StateResult {
  if (session.closedAt) return { ok: true, value: sessionState(db, session, now) }
  const result = change(db, session, { closedAt: new Date(now) }, { kind: 'close', data: {}, by }, now)
  reconnectParticipants(db, collab, session, 'Werksessie gesloten')
  return result
}

export function reopenSession(
  db: Db,
  collab: CollabControl,
  session: WorkshopSession,
  by: string,
  now = Date.now(),
): StateResult {
  if (!session.closedAt) return { ok: true, value: sessionState(db, session, now) }
  // Reopening is a use of the session: the code's idle period starts again (JOIN_CODE_IDLE_DAYS).
  const set = { closedAt: null, lastActivityAt: new Date(now) }
  const result = change(db, session, set, { kind: 'reopen', data: {}, by }, now)
  reconnectParticipants(db, collab, session, 'Werksessie weer open')
  return result
}
