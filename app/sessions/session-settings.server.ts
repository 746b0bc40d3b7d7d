import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import type { ParticipantRole } from '../../db/roles'
import { participants, regions, workshopSessions, type WorkshopSession } from '../../db/schema'
import type { CommandResult } from '~/auth/commands.server'
import { participantLabel } from '~/i18n/roles'
import type { CollabControl } from '~/load-context'
import { fieldErrors } from '~/validation'
import { sessionBus } from './session-bus.server'
import { recordEvent, sessionRoomIds } from './session-state.server'
import { sessionSettingsSchema } from './validation'

export interface WijkOption {
  gemeente: { code: string; name: string }
  wijken: { code: string; name: string }[]
}

/** The known wijken (regions, level wijk), grouped by gemeente, both by name: the settings page's choice. */
export function wijkOptions(db: Db): WijkOption[] {
  const gemeenten = db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(eq(regions.level, 'gemeente'))
    .all()
  const wijken = db
    .select({ code: regions.code, name: regions.name, gemeenteCode: regions.gemeenteCode })
    .from(regions)
    .where(eq(regions.level, 'wijk'))
    .orderBy(asc(regions.name))
    .all()
  const byGemeente = new Map<string, WijkOption>()
  const names = new Map(gemeenten.map((g) => [g.code, g.name]))
  for (const wijk of wijken) {
    const code = wijk.gemeenteCode ?? ''
    let group = byGemeente.get(code)
    if (!group) byGemeente.set(code, (group = { gemeente: { code, name: names.get(code) ?? code }, wijken: [] }))
    group.wijken.push({ code: wijk.code, name: wijk.name })
  }
  return [...byGemeente.values()].sort((a, b) => a.gemeente.name.localeCompare(b.gemeente.name, 'nl'))
}

function isKnownWijk(db: Db, code: string): boolean {
  return !!db
    .select({ code: regions.code })
    .from(regions)
    .where(and(eq(regions.code, code), eq(regions.level, 'wijk')))
    .get()
}

/** Title, wijk (a known one, or none) and place; a timeline line says what changed. */
export function updateSessionDetails(
  db: Db,
  session: WorkshopSession,
  input: unknown,
  by: string,
): CommandResult<WorkshopSession> {
  const parsed = sessionSettingsSchema.safeParse(input)
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) }
  const { title, wijkCode = null, place = null } = parsed.data
  if (wijkCode && !isKnownWijk(db, wijkCode))
    return { ok: false, status: 400, errors: { wijkCode: 'v.wijkCode.unknown' } }
  const updated = db
    .update(workshopSessions)
    .set({ title, wijkCode, place })
    .where(eq(workshopSessions.id, session.id))
    .returning()
    .get()
  const changed = (['title', 'wijkCode', 'place'] as const).filter((k) => updated[k] !== session[k])
  if (changed.length) recordEvent(db, session.id, 'settings', { changed }, by)
  return { ok: true, value: updated }
}

export interface PeopleOverview {
  participants: {
    id: string
    label: string
    role: ParticipantRole
    organisationType: string | null
    connected: boolean
    removed: boolean
    joinedAt: string
  }[]
  /** per role: connected now and ever joined (removed ones count as joined, not as connected) */
  perRole: { role: ParticipantRole; connected: number; joined: number }[]
  /** facilitator subjects (`u:<id>`) connected now, on a canvas or the live channel */
  facilitatorsConnected: string[]
}

/**
 * Who is connected now and who ever joined, per role. Connected is a canvas connection (the
 * collab server's registry, any room of the session) or an open live channel (the session bus:
 * the phone page has no canvas, only the events stream).
 */
export function peopleOverview(db: Db, collab: CollabControl, session: WorkshopSession): PeopleOverview {
  const connected = new Set([
    ...sessionRoomIds(db, session).flatMap((roomId) => collab.connectedSubjects(roomId)),
    ...sessionBus().streamSubjects(session.id),
  ])
  const rows = db
    .select()
    .from(participants)
    .where(eq(participants.workshopSessionId, session.id))
    .orderBy(asc(participants.createdAt))
    .all()
  const list = rows.map((p) => ({
    id: p.id,
    label: participantLabel('nl', p),
    role: p.role,
    organisationType: p.organisationType,
    connected: !p.removedAt && connected.has(`p:${p.id}`),
    removed: !!p.removedAt,
    joinedAt: p.createdAt.toISOString(),
  }))
  const roles = [...new Set(list.map((p) => p.role))]
  return {
    participants: list,
    perRole: roles.map((role) => ({
      role,
      connected: list.filter((p) => p.role === role && p.connected).length,
      joined: list.filter((p) => p.role === role).length,
    })),
    facilitatorsConnected: [...connected].filter((s) => s.startsWith('u:')),
  }
}

/**
 * Removes a participant: their cookie no longer gives access (access.server.ts checks
 * removed_at), their connections to every room of the session close with 4403 and their live
 * channel ends. What they made stays on the canvas.
 */
export function removeParticipant(
  db: Db,
  collab: CollabControl,
  session: WorkshopSession,
  participantId: unknown,
  by: string,
): CommandResult<{ id: string; label: string }> {
  const id = typeof participantId === 'string' ? participantId : ''
  const participant = db
    .select()
    .from(participants)
    .where(and(eq(participants.id, id), eq(participants.workshopSessionId, session.id)))
    .get()
  if (!participant) return { ok: false, status: 404, errors: { _form: 'settings.error.participantUnknown' } }
  const label = participantLabel('nl', participant)
  if (participant.removedAt) return { ok: true, value: { id, label } }
  db.update(participants).set({ removedAt: new Date() }).where(eq(participants.id, id)).run()
  recordEvent(db, session.id, 'participant-removed', { participantId: id }, by)
  const subject = `p:${id}`
  for (const roomId of sessionRoomIds(db, session)) {
    collab.closeSubject(roomId, subject, 4403, 'Verwijderd door de begeleider')
  }
  sessionBus().publish(session.id, { type: 'removed', subject })
  return { ok: true, value: { id, label } }
}
