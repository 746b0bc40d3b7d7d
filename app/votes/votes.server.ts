import crypto from 'node:crypto'
import { and, count, desc, eq, isNull } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { ballots, sessionEvents, votes, type Vote, type WorkshopSession } from '../../db/schema'
import type { CommandResult } from '~/auth/commands.server'
import { readRecords, writeRecords } from '~/canvas/y-records'
import type { CollabControl } from '~/load-context'
import { mainRoomId } from '~/rooms/rooms.server'
import { eventRow, publishSessionState } from '~/sessions/session-state.server'
import { fieldErrors } from '~/validation'
import { ballotSchema, startVoteSchema } from './validation'
import { hasFrame, notesInScope, noteVoteMeta, type VoteNote } from './vote-notes'
import type { RankedResult, VoteSummary, VoteView } from './vote-types'

/**
 * Dot voting (issue 8, section 5). Ballots live in SQLite only, never in the shared document,
 * and each person's are theirs alone until the end; the counts reach the canvas as one server
 * write when the facilitator ends the vote. The limit holds because the count and the insert
 * are one synchronous SQLite transaction: nothing can run between them, however many requests
 * arrive at once (better-sqlite3 is synchronous, and no await sits inside).
 */

export type { RankedResult, VoteSummary, VoteView }

type Result<T> = CommandResult<T>

const summary = (vote: Vote): VoteSummary => ({
  id: vote.id,
  frameId: vote.frameId,
  votesPerPerson: vote.votesPerPerson,
  startedAt: vote.startedAt.toISOString(),
  endedAt: vote.endedAt ? vote.endedAt.toISOString() : null,
})

const storedResults = (vote: Vote): RankedResult[] | null =>
  vote.results ? (JSON.parse(vote.results) as RankedResult[]) : null

/**
 * The canvas votes are held on: the session's main room. (Private rooms never hold votable
 * notes: what is private is not shown to others, so it cannot be voted on.)
 */
const mainRoom = (db: Db, session: WorkshopSession) => mainRoomId(db, session.id)

/** The room's records as they are now, read without changing anything. */
function roomRecords(db: Db, collab: CollabControl, session: WorkshopSession): Promise<unknown[]> {
  return collab.transact(mainRoom(db, session), (doc) => [...readRecords(doc).values()])
}

function findVote(db: Db, session: WorkshopSession, voteId: string | undefined): Vote | undefined {
  if (!voteId) return undefined
  return db
    .select()
    .from(votes)
    .where(and(eq(votes.id, voteId), eq(votes.workshopSessionId, session.id)))
    .get()
}

function myBallots(db: Db, voteId: string, voter: string): RankedResult[] {
  return db
    .select({ shapeId: ballots.shapeId, count: count() })
    .from(ballots)
    .where(and(eq(ballots.voteId, voteId), eq(ballots.voter, voter)))
    .groupBy(ballots.shapeId)
    .orderBy(ballots.shapeId)
    .all()
}

function ballotsOf(db: Pick<Db, 'select'>, voteId: string, voter: string): number {
  return (
    db
      .select({ n: count() })
      .from(ballots)
      .where(and(eq(ballots.voteId, voteId), eq(ballots.voter, voter)))
      .get()?.n ?? 0
  )
}

const notFound = { ok: false, status: 404, errors: { _form: 'vote.error.notFound' } } as const
const ended = { ok: false, status: 409, errors: { _form: 'vote.error.ended' } } as const

/** The running vote of a session, if any. */
export function runningVote(db: Db, sessionId: string): Vote | undefined {
  return db
    .select()
    .from(votes)
    .where(and(eq(votes.workshopSessionId, sessionId), isNull(votes.endedAt)))
    .get()
}

/**
 * A facilitator starts a vote on a frame (its notes at any depth) or on the whole canvas. One
 * running vote per session: a second start answers 409. Badges of an earlier vote on the same
 * notes are taken off, so nobody sees old counts while people choose.
 */
export async function startVote(
  db: Db,
  collab: CollabControl,
  session: WorkshopSession,
  input: unknown,
  by: string,
  now = new Date(),
): Promise<Result<{ voteId: string }>> {
  const parsed = startVoteSchema.safeParse(input)
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) }
  const frameId = parsed.data.frameId ?? null
  if (runningVote(db, session.id)) return { ok: false, status: 409, errors: { _form: 'vote.error.running' } }
  const records = await roomRecords(db, collab, session)
  if (frameId && !hasFrame(records, frameId))
    return { ok: false, status: 400, errors: { frameId: 'vote.error.noFrame' } }
  const voteId = crypto.randomBytes(12).toString('base64url')
  // Checked again inside the transaction: two starts at once both passed the check above.
  const started = db.transaction(
    (tx) => {
      const running = tx
        .select({ id: votes.id })
        .from(votes)
        .where(and(eq(votes.workshopSessionId, session.id), isNull(votes.endedAt)))
        .get()
      if (running) return false
      tx.insert(votes)
        .values({
          id: voteId,
          workshopSessionId: session.id,
          frameId,
          votesPerPerson: parsed.data.votesPerPerson,
          startedBy: by,
          startedAt: now,
        })
        .run()
      tx.insert(sessionEvents)
        .values(
          eventRow(session.id, 'vote-start', { voteId, frameId, votesPerPerson: parsed.data.votesPerPerson }, by, now),
        )
        .run()
      return true
    },
    { behavior: 'immediate' },
  )
  if (!started) return { ok: false, status: 409, errors: { _form: 'vote.error.running' } }
  await writeBadges(db, collab, session, frameId, new Map())
  publishSessionState(db, session.id)
  return { ok: true, value: { voteId } }
}

/**
 * One dot on a note. 404 for an unknown vote, 409 when it has ended or the person has no votes
 * left, 400 when the shape is not a note in the vote's scope.
 */
export async function castBallot(
  db: Db,
  collab: CollabControl,
  session: WorkshopSession,
  voteId: string | undefined,
  voter: string,
  input: unknown,
): Promise<Result<VoteView>> {
  const vote = findVote(db, session, voteId)
  if (!vote) return notFound
  const parsed = ballotSchema.safeParse(input)
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) }
  if (vote.endedAt) return ended
  const { shapeId } = parsed.data
  const notes = notesInScope(await roomRecords(db, collab, session), vote.frameId)
  if (!notes.some((n) => n.shapeId === shapeId))
    return { ok: false, status: 400, errors: { shapeId: 'vote.error.notANote' } }
  // The limit: everything from here to the insert is synchronous, in one transaction.
  const outcome = db.transaction(
    (tx) => {
      const current = tx.select({ endedAt: votes.endedAt }).from(votes).where(eq(votes.id, vote.id)).get()
      if (!current || current.endedAt) return 'ended' as const
      if (ballotsOf(tx, vote.id, voter) >= vote.votesPerPerson) return 'full' as const
      tx.insert(ballots).values({ voteId: vote.id, voter, shapeId }).run()
      return 'cast' as const
    },
    { behavior: 'immediate' },
  )
  if (outcome === 'ended') return ended
  if (outcome === 'full') return { ok: false, status: 409, errors: { _form: 'vote.error.noVotesLeft' } }
  publishSessionState(db, session.id)
  return { ok: true, value: view(db, vote, voter, notes) }
}

/** Takes one of the person's dots off a note (404 if they have none there, 409 after the end). */
export async function takeBackBallot(
  db: Db,
  collab: CollabControl,
  session: WorkshopSession,
  voteId: string | undefined,
  voter: string,
  shapeId: string | undefined,
): Promise<Result<VoteView>> {
  const vote = findVote(db, session, voteId)
  if (!vote) return notFound
  const parsed = ballotSchema.safeParse({ shapeId })
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) }
  const outcome = db.transaction(
    (tx) => {
      const current = tx.select({ endedAt: votes.endedAt }).from(votes).where(eq(votes.id, vote.id)).get()
      if (!current || current.endedAt) return 'ended' as const
      const mine = tx
        .select({ id: ballots.id })
        .from(ballots)
        .where(and(eq(ballots.voteId, vote.id), eq(ballots.voter, voter), eq(ballots.shapeId, parsed.data.shapeId)))
        .orderBy(desc(ballots.id))
        .get()
      if (!mine) return 'none' as const
      tx.delete(ballots).where(eq(ballots.id, mine.id)).run()
      return 'taken' as const
    },
    { behavior: 'immediate' },
  )
  if (outcome === 'ended') return ended
  if (outcome === 'none') return { ok: false, status: 404, errors: { _form: 'vote.error.noBallot' } }
  publishSessionState(db, session.id)
  const notes = notesInScope(await roomRecords(db, collab, session), vote.frameId)
  return { ok: true, value: view(db, vote, voter, notes) }
}

/**
 * The facilitator ends the vote: the counts are fixed (ballots on notes that were deleted in the
 * meantime drop out), ranked, stored, written onto the notes and told to everyone. Ending an
 * ended vote answers its results again, so a double click does no harm.
 */
export async function endVote(
  db: Db,
  collab: CollabControl,
  session: WorkshopSession,
  voteId: string | undefined,
  by: string,
  now = new Date(),
): Promise<Result<{ results: RankedResult[] }>> {
  const vote = findVote(db, session, voteId)
  if (!vote) return notFound
  if (vote.endedAt) return { ok: true, value: { results: storedResults(vote) ?? [] } }
  const notes = notesInScope(await roomRecords(db, collab, session), vote.frameId)
  const results = db.transaction(
    (tx) => {
      const current = tx.select().from(votes).where(eq(votes.id, vote.id)).get()
      if (!current || current.endedAt) return current ? (storedResults(current) ?? []) : []
      const counts = new Map(
        tx
          .select({ shapeId: ballots.shapeId, count: count() })
          .from(ballots)
          .where(eq(ballots.voteId, vote.id))
          .groupBy(ballots.shapeId)
          .all()
          .map((r) => [r.shapeId, r.count]),
      )
      const ranked = rank(notes, counts)
      tx.update(votes)
        .set({ endedAt: now, results: JSON.stringify(ranked) })
        .where(eq(votes.id, vote.id))
        .run()
      // The timeline keeps the notes' texts as they were at the end, for the summary.
      const text = new Map(notes.map((n) => [n.shapeId, n.text]))
      const withText = ranked.map((r) => ({ ...r, text: text.get(r.shapeId) ?? '' }))
      tx.insert(sessionEvents)
        .values(eventRow(session.id, 'vote-end', { voteId: vote.id, results: withText }, by, now))
        .run()
      return ranked
    },
    { behavior: 'immediate' },
  )
  await writeBadges(db, collab, session, vote.frameId, new Map(results.map((r) => [r.shapeId, r.count])), vote.id)
  publishSessionState(db, session.id)
  return { ok: true, value: { results } }
}

/** Highest count first; a tie keeps the board's reading order. Notes without a dot are left out. */
export function rank(notes: VoteNote[], counts: Map<string, number>): RankedResult[] {
  return notes
    .map((n, order) => ({ shapeId: n.shapeId, count: counts.get(n.shapeId) ?? 0, order }))
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .map(({ shapeId, count }) => ({ shapeId, count }))
}

/**
 * Puts the counts on the notes in scope as `meta.votes` ({voteId, count}), and takes the badges
 * of earlier votes off the others, in one server write (committed, then relayed to everyone).
 */
async function writeBadges(
  db: Db,
  collab: CollabControl,
  session: WorkshopSession,
  frameId: string | null,
  counts: Map<string, number>,
  voteId?: string,
) {
  await collab.transact(mainRoom(db, session), (doc) => {
    const records = readRecords(doc)
    const changes = new Map<string, unknown>()
    for (const note of notesInScope(records.values(), frameId)) {
      const record = records.get(note.shapeId) as { meta?: Record<string, unknown> }
      const { votes: old, ...meta } = record.meta ?? {}
      const n = counts.get(note.shapeId)
      if (voteId && n) changes.set(note.shapeId, { ...record, meta: { ...meta, votes: { voteId, count: n } } })
      else if (noteVoteMeta(record.meta) || old !== undefined) changes.set(note.shapeId, { ...record, meta })
    }
    writeRecords(doc, changes)
  })
}

function view(db: Db, vote: Vote, voter: string, notes: VoteNote[]): VoteView {
  const mine = myBallots(db, vote.id, voter)
  const used = mine.reduce((sum, b) => sum + b.count, 0)
  return {
    vote: summary(vote),
    myBallots: mine,
    votesLeft: Math.max(0, vote.votesPerPerson - used),
    notes: notes.map(({ shapeId, text }) => ({ shapeId, text })),
    results: storedResults(vote),
  }
}

/** `GET /api/v1/sessions/:id/votes/:voteId` for one person of the session. */
export async function voteView(
  db: Db,
  collab: CollabControl,
  session: WorkshopSession,
  voteId: string | undefined,
  voter: string,
): Promise<Result<VoteView>> {
  const found = findVote(db, session, voteId)
  if (!found) return notFound
  const notes = notesInScope(await roomRecords(db, collab, session), found.frameId)
  // Read after the await: the vote may have ended meanwhile, and then its results belong in.
  const vote = findVote(db, session, found.id) ?? found
  return { ok: true, value: view(db, vote, voter, notes) }
}

export type ResultWithText = RankedResult & { text: string }

/**
 * Every vote of the session, newest first, with the ranked results of those that ended and each
 * note's text as it was at the end (from the timeline): the panel's list and the summary's.
 */
export function sessionVotes(db: Db, sessionId: string): (VoteSummary & { results: ResultWithText[] | null })[] {
  const texts = new Map<string, Map<string, string>>()
  for (const event of db
    .select({ data: sessionEvents.data })
    .from(sessionEvents)
    .where(and(eq(sessionEvents.workshopSessionId, sessionId), eq(sessionEvents.kind, 'vote-end')))
    .all()) {
    const data = JSON.parse(event.data) as { voteId?: string; results?: ResultWithText[] }
    if (data.voteId) texts.set(data.voteId, new Map((data.results ?? []).map((r) => [r.shapeId, r.text])))
  }
  return db
    .select()
    .from(votes)
    .where(eq(votes.workshopSessionId, sessionId))
    .orderBy(desc(votes.startedAt))
    .all()
    .map((v) => ({
      ...summary(v),
      results: storedResults(v)?.map((r) => ({ ...r, text: texts.get(v.id)?.get(r.shapeId) ?? '' })) ?? null,
    }))
}
