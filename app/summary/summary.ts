/**
 * A werksessie's summary (issue 8, section 9), made once from what the server holds: the
 * contributions table, the notes participants put on the main canvas themselves (record_owners),
 * the timeline (session_events), the votes and who joined. Pure: summary.server.ts gathers the
 * input, the page and the CSV (summary-csv.ts) only translate and format.
 *
 * Privacy (docs/privacy.md): counts per role, never names or subject ids; a private note that
 * was never revealed is counted but its text is not shown.
 */
import { sessionPhases, type SessionPhase } from '../../db/phases'
import { roles, type Role } from '../../db/roles'
import { noteText } from '~/votes/vote-notes'

export type SummarySource = 'phone' | 'canvas' | 'api' | 'note'

export interface SummaryInput {
  session: { createdAt: Date; closedAt: Date | null; phase: SessionPhase }
  now: Date
  /** the session's timeline, oldest first */
  events: { kind: string; data: string; at: Date }[]
  contributions: {
    roomId: string
    shapeId: string
    role: string
    phase: SessionPhase
    source: 'phone' | 'canvas' | 'api'
    private: boolean
    revealedAt: Date | null
    deletedAt: Date | null
    createdAt: Date
  }[]
  mainRoomId: string
  /** the main room's records as they are now, id → record */
  records: Map<string, unknown>
  /** who made which record of the main room (record_owners) */
  owners: { recordId: string; subject: string; createdAt: Date }[]
  participants: { id: string; role: Role }[]
  facilitators: number
  votes: {
    startedAt: string
    endedAt: string | null
    votesPerPerson: number
    frameId: string | null
    results: { shapeId: string; count: number; text: string }[] | null
  }[]
}

export interface StepVisit {
  phase: SessionPhase
  startedAt: string
  /** null while the step is still going on */
  endedAt: string | null
  durationMs: number
}

export interface SummaryContribution {
  phase: SessionPhase
  role: Role
  source: SummarySource
  createdAt: string
  /** null: a private note that was never revealed (its text stays with its maker) */
  text: string | null
  votes: number
}

export type RoleCounts = Record<Role, number>

export interface SessionSummary {
  people: RoleCounts
  timeline: StepVisit[]
  perStep: { phase: SessionPhase; byRole: RoleCounts; total: number; durationMs: number }[]
  total: number
  contributions: SummaryContribution[]
  votes: {
    startedAt: string
    endedAt: string | null
    votesPerPerson: number
    onFrame: boolean
    results: { text: string; count: number }[]
  }[]
}

const zeroRoles = (): RoleCounts => Object.fromEntries(roles.map((r) => [r, 0])) as RoleCounts
const asRole = (value: string): Role | null => ((roles as readonly string[]).includes(value) ? (value as Role) : null)

interface NoteLike {
  typeName: 'shape'
  type: string
  props?: Record<string, unknown>
  meta?: Record<string, unknown>
}

const asNote = (value: unknown): NoteLike | null => {
  const r = value as NoteLike | undefined
  return r && r.typeName === 'shape' && r.type === 'note' ? r : null
}

/**
 * A note's text without the role label the server puts on its first line (canvas-writes.ts
 * labelledRichText): the CSV has the role in its own column.
 */
export function contributionText(note: NoteLike): string {
  const text = noteText(note.props)
  if (typeof note.meta?.role !== 'string') return text
  const lines = text.split('\n')
  return lines.slice(1).join('\n').trim()
}

/** When each step began and how long it lasted, one line per visit (going back makes a new one). */
export function stepTimeline(input: Pick<SummaryInput, 'session' | 'events' | 'now'>): StepVisit[] {
  const changes = input.events
    .filter((e) => e.kind === 'phase')
    .map((e) => ({ at: e.at, data: JSON.parse(e.data) as { phase?: SessionPhase; from?: SessionPhase } }))
    .filter((e) => e.data.phase && sessionPhases.includes(e.data.phase))
  const first = changes[0]?.data.from ?? (changes.length ? 'inleven' : input.session.phase)
  const starts: { phase: SessionPhase; at: Date }[] = [{ phase: first, at: input.session.createdAt }]
  for (const change of changes) starts.push({ phase: change.data.phase!, at: change.at })
  const closed = input.session.closedAt
  return starts.map((start, i) => {
    const next = starts[i + 1]?.at ?? (closed && closed >= start.at ? closed : null)
    const end = next ?? input.now
    return {
      phase: start.phase,
      startedAt: start.at.toISOString(),
      endedAt: next ? next.toISOString() : null,
      durationMs: Math.max(0, end.getTime() - start.at.getTime()),
    }
  })
}

/** The step that was current at a moment, from the timeline (for notes made on the canvas). */
function phaseAt(timeline: StepVisit[], at: Date): SessionPhase {
  let phase = timeline[0].phase
  for (const visit of timeline) if (Date.parse(visit.startedAt) <= at.getTime()) phase = visit.phase
  return phase
}

export function buildSummary(input: SummaryInput): SessionSummary {
  const timeline = stepTimeline(input)
  const votesOn = new Map<string, number>()
  for (const vote of input.votes)
    for (const r of vote.results ?? []) votesOn.set(r.shapeId, (votesOn.get(r.shapeId) ?? 0) + r.count)

  const contributions: (SummaryContribution & { at: number })[] = []
  const counted = new Set<string>()
  for (const c of input.contributions) {
    const role = asRole(c.role)
    if (!role || c.deletedAt) continue
    const inMain = c.roomId === input.mainRoomId
    const note = inMain ? asNote(input.records.get(c.shapeId)) : null
    // A note taken off the main canvas is no longer part of what the session made.
    if (inMain && !note) continue
    counted.add(c.shapeId)
    const hidden = c.private && !c.revealedAt && !inMain
    contributions.push({
      phase: c.phase,
      role,
      source: c.source,
      createdAt: c.createdAt.toISOString(),
      at: c.createdAt.getTime(),
      text: hidden ? null : note ? contributionText(note) : '',
      votes: votesOn.get(c.shapeId) ?? 0,
    })
  }

  // Notes participants stuck on the canvas themselves: the server recorded who made them.
  const participantRole = new Map(input.participants.map((p) => [`p:${p.id}`, p.role]))
  for (const owner of input.owners) {
    const role = participantRole.get(owner.subject)
    const note = asNote(input.records.get(owner.recordId))
    if (!role || !note || counted.has(owner.recordId)) continue
    contributions.push({
      phase: phaseAt(timeline, owner.createdAt),
      role,
      source: 'note',
      createdAt: owner.createdAt.toISOString(),
      at: owner.createdAt.getTime(),
      text: contributionText(note),
      votes: votesOn.get(owner.recordId) ?? 0,
    })
  }
  contributions.sort((a, b) => sessionPhases.indexOf(a.phase) - sessionPhases.indexOf(b.phase) || a.at - b.at)

  const perStep = sessionPhases.map((phase) => {
    const byRole = zeroRoles()
    for (const c of contributions) if (c.phase === phase) byRole[c.role]++
    const durationMs = timeline.filter((v) => v.phase === phase).reduce((sum, v) => sum + v.durationMs, 0)
    return { phase, byRole, total: roles.reduce((sum, r) => sum + byRole[r], 0), durationMs }
  })

  const people = zeroRoles()
  people.facilitator = input.facilitators
  for (const p of input.participants) people[p.role]++

  return {
    people,
    timeline,
    perStep,
    total: contributions.length,
    contributions: contributions.map(({ at: _at, ...c }) => c),
    votes: [...input.votes]
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
      .map((v) => ({
        startedAt: v.startedAt,
        endedAt: v.endedAt,
        votesPerPerson: v.votesPerPerson,
        onFrame: v.frameId !== null,
        results: (v.results ?? []).map(({ text, count }) => ({ text, count })),
      })),
  }
}
