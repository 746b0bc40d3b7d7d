/**
 * The one rule of who may see and change an intervention (issue 10): its owner and team (facilitator
 * accounts) may edit; facilitators of a werksessie it is linked to, and that werksessie's
 * participants, may read; anyone else logged in gets 403, nobody logged in or joined 401.
 */
import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../db/client'
import {
  interventionMembers,
  interventionSessions,
  interventions,
  participants,
  sessionFacilitators,
  workshopSessions,
  type Intervention,
  type User,
} from '../../db/schema'
import { getUser } from '~/auth/session.server'
import { invariantResponse } from '~/http/invariant.server'
import { readParticipantIds } from '~/sessions/participant-cookie.server'

export interface Viewer {
  user: User | null
  /** werksessies this device joined as a participant who was not removed */
  participantSessionIds: string[]
}

export async function interventionViewer(db: Db, request: Request): Promise<Viewer> {
  const user = await getUser(db, request)
  const joined = await readParticipantIds(request.headers.get('Cookie'))
  const entries = Object.entries(joined)
  if (entries.length === 0) return { user, participantSessionIds: [] }
  const rows = db
    .select({ id: participants.id, sessionId: participants.workshopSessionId, removedAt: participants.removedAt })
    .from(participants)
    .where(
      inArray(
        participants.id,
        entries.map(([, id]) => id),
      ),
    )
    .all()
  const valid = new Set(rows.filter((r) => !r.removedAt).map((r) => `${r.sessionId}:${r.id}`))
  return { user, participantSessionIds: entries.filter(([s, p]) => valid.has(`${s}:${p}`)).map(([s]) => s) }
}

export type Access = 'edit' | 'read'

export function isTeamMember(db: Db, userId: string, intervention: Intervention): boolean {
  if (intervention.ownerId === userId) return true
  return !!db
    .select({ userId: interventionMembers.userId })
    .from(interventionMembers)
    .where(and(eq(interventionMembers.interventionId, intervention.id), eq(interventionMembers.userId, userId)))
    .get()
}

/** The werksessies the intervention is linked to. */
export function linkedSessionIds(db: Db, interventionId: string): string[] {
  return db
    .select({ id: interventionSessions.workshopSessionId })
    .from(interventionSessions)
    .where(eq(interventionSessions.interventionId, interventionId))
    .all()
    .map((r) => r.id)
}

/** The werksessies the user facilitates (owner or co-facilitator), among `sessionIds`. */
function facilitatedAmong(db: Db, userId: string, sessionIds: string[]): string[] {
  if (sessionIds.length === 0) return []
  const owned = db
    .select({ id: workshopSessions.id })
    .from(workshopSessions)
    .where(and(inArray(workshopSessions.id, sessionIds), eq(workshopSessions.facilitatorId, userId)))
    .all()
  const co = db
    .select({ id: sessionFacilitators.workshopSessionId })
    .from(sessionFacilitators)
    .where(and(inArray(sessionFacilitators.workshopSessionId, sessionIds), eq(sessionFacilitators.userId, userId)))
    .all()
  return [...owned, ...co].map((r) => r.id)
}

export function accessOf(db: Db, viewer: Viewer, intervention: Intervention): Access | null {
  if (viewer.user && isTeamMember(db, viewer.user.id, intervention)) return 'edit'
  const linked = linkedSessionIds(db, intervention.id)
  if (viewer.participantSessionIds.some((id) => linked.includes(id))) return 'read'
  if (viewer.user && facilitatedAmong(db, viewer.user.id, linked).length > 0) return 'read'
  return null
}

export type Found = { ok: true; intervention: Intervention; access: Access } | { ok: false; status: 401 | 403 | 404 }

/** The intervention and what the viewer may do with it, or why not (401 nobody, 404 unknown, 403 not theirs). */
export function findIntervention(db: Db, viewer: Viewer, id: string | undefined): Found {
  if (!viewer.user && viewer.participantSessionIds.length === 0) return { ok: false, status: 401 }
  const intervention = db
    .select()
    .from(interventions)
    .where(eq(interventions.id, id ?? ''))
    .get()
  if (!intervention) return { ok: false, status: 404 }
  const access = accessOf(db, viewer, intervention)
  return access ? { ok: true, intervention, access } : { ok: false, status: 403 }
}

/** The ids of every intervention the viewer may see. */
export function visibleInterventionIds(db: Db, viewer: Viewer): string[] {
  const ids = new Set<string>()
  if (viewer.user) {
    const userId = viewer.user.id
    for (const r of db
      .select({ id: interventions.id })
      .from(interventions)
      .where(eq(interventions.ownerId, userId))
      .all())
      ids.add(r.id)
    for (const r of db
      .select({ id: interventionMembers.interventionId })
      .from(interventionMembers)
      .where(eq(interventionMembers.userId, userId))
      .all())
      ids.add(r.id)
  }
  const sessions = [...viewer.participantSessionIds]
  if (viewer.user) {
    const all = db
      .select({ id: interventionSessions.workshopSessionId })
      .from(interventionSessions)
      .all()
      .map((r) => r.id)
    sessions.push(...facilitatedAmong(db, viewer.user.id, [...new Set(all)]))
  }
  if (sessions.length > 0) {
    for (const r of db
      .select({ id: interventionSessions.interventionId })
      .from(interventionSessions)
      .where(inArray(interventionSessions.workshopSessionId, sessions))
      .all())
      ids.add(r.id)
  }
  return [...ids]
}

const refusal = {
  401: 'error.api.joinOrLogin',
  403: 'interventions.error.notYours',
  404: 'interventions.error.notFound',
} as const

/** For page loaders and actions: the intervention, or the 401/403/404 the error page shows. */
export async function requireInterventionAccess(db: Db, request: Request, id: string | undefined) {
  const viewer = await interventionViewer(db, request)
  const found = findIntervention(db, viewer, id)
  if (!found.ok) invariantResponse(false, refusal[found.status], { status: found.status })
  return { viewer, ...found }
}

export const refusalMessage = (status: 401 | 403 | 404) => refusal[status]
