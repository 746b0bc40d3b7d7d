/**
 * Interventions (modelaanpakken, issue 10): creating one (on its own or from a prototype frame of
 * a werksessie), its fields, team and status, and the view model pages and the JSON API share.
 * Who may do what is access.server.ts's rule; targets, measurements and versions have their own
 * modules beside this one.
 */
import crypto from 'node:crypto'
import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { interventionStatuses, type InterventionStatus } from '../../db/interventions'
import {
  interventionComments,
  interventionFrames,
  interventionMeasurements,
  interventionMembers,
  interventionSessions,
  interventionStatusChanges,
  interventionTargets,
  interventionVersions,
  interventions,
  users,
  workshopSessions,
  type Intervention,
  type User,
} from '../../db/schema'
import type { CommandResult } from '~/auth/commands.server'
import { normalizeEmail } from '~/auth/users.server'
import type { CollabControl } from '~/load-context'
import { mainRoomId } from '~/rooms/rooms.server'
import { findOwnSession } from '~/sessions/own-session.server'
import { fieldErrors } from '~/validation'
import { isShape, readRecords, writeRecords, type ShapeRecord } from '~/facilitation/canvas-writes'
import { findIntervention, isTeamMember, visibleInterventionIds, type Viewer } from './access.server'
import { allowedNextStatuses, targetStatus } from './target-status'
import type {
  BaselineSource,
  CommentView,
  InterventionView,
  MeasurementView,
  RestoreView,
  StatusChangeView,
  TargetView,
  VersionSummary,
} from './types'
import {
  commentSchema,
  createInterventionSchema,
  memberSchema,
  statusChangeSchema,
  updateInterventionSchema,
} from './validation'

export const newInterventionId = () => crypto.randomBytes(12).toString('base64url')

/** A command's refusal, as every intervention command answers one. */
export type Refusal = Extract<CommandResult<never>, { ok: false }>
export const refuse = (status: Refusal['status'], errors: Record<string, string>): Refusal => ({
  ok: false,
  status,
  errors,
})
const notFound = () => refuse(404, { _form: 'interventions.error.notFound' })

/** The intervention if the user may edit it (owner or team), else the refusal. */
export function editable(db: Db, user: User, id: string): { ok: true; intervention: Intervention } | Refusal {
  const found = findIntervention(db, { user, participantSessionIds: [] }, id)
  if (!found.ok) return found.status === 404 ? notFound() : refuse(403, { _form: 'interventions.error.notYours' })
  if (found.access !== 'edit') return refuse(403, { _form: 'interventions.error.readOnly' })
  return { ok: true, intervention: found.intervention }
}

/** Links the intervention to a werksessie (its participants may then read it), once. */
export function linkSession(db: Db, interventionId: string, sessionId: string): void {
  db.insert(interventionSessions).values({ interventionId, workshopSessionId: sessionId }).onConflictDoNothing().run()
}

export const touch = (db: Db, id: string) =>
  db.update(interventions).set({ updatedAt: new Date() }).where(eq(interventions.id, id)).run()

/**
 * Writes the link into the frame's meta (`interventionId`, `restoredFrom`), so every canvas shows
 * which frames are prototypes of which intervention. The server's own record is intervention_frames.
 */
export async function markFrame(
  collab: CollabControl,
  roomId: string,
  frameId: string,
  link: { interventionId: string; restoredFrom?: number },
): Promise<boolean> {
  return collab.transact(roomId, (doc) => {
    const records = readRecords(doc)
    const frame = records.get(frameId)
    if (!isShape(frame) || frame.type !== 'frame') return false
    const marked: ShapeRecord = { ...frame, meta: { ...frame.meta, ...link } }
    writeRecords(doc, records, [marked])
    return true
  })
}

/** The frame in the session's main canvas, if it is a frame (read only). */
export async function findFrame(collab: CollabControl, roomId: string, frameId: string) {
  return collab.transact(roomId, (doc) => {
    const frame = readRecords(doc).get(frameId)
    return isShape(frame) && frame.type === 'frame' ? frame : undefined
  })
}

/**
 * A new intervention. With `sessionId` (a werksessie the user facilitates) it is linked to it; with
 * `frameId` too, it is started from that prototype frame on its main canvas: the frame becomes the
 * intervention's, and saving a version from it makes v1.
 */
export async function createIntervention(
  db: Db,
  collab: CollabControl,
  user: User,
  input: unknown,
): Promise<CommandResult<{ id: string }>> {
  const parsed = createInterventionSchema.safeParse(input)
  if (!parsed.success) return refuse(400, fieldErrors(parsed.error))
  const { sessionId, frameId, reference, ...fields } = parsed.data
  if (frameId && !sessionId) return refuse(400, { sessionId: 'interventions.error.sessionRequired' })
  let roomId: string | undefined
  if (sessionId) {
    const own = findOwnSession(db, user, sessionId)
    if (!own.ok) return refuse(400, { sessionId: 'interventions.error.sessionNotYours' })
    roomId = mainRoomId(db, sessionId)
  }
  if (frameId && roomId) {
    if (!(await findFrame(collab, roomId, frameId))) return refuse(400, { frameId: 'interventions.error.noFrame' })
    const taken = db
      .select({ id: interventionFrames.interventionId })
      .from(interventionFrames)
      .where(and(eq(interventionFrames.workshopSessionId, sessionId!), eq(interventionFrames.frameId, frameId)))
      .get()
    if (taken) return refuse(409, { frameId: 'interventions.error.frameTaken' })
  }
  const id = newInterventionId()
  const now = new Date()
  db.transaction((tx) => {
    tx.insert(interventions)
      .values({
        id,
        title: fields.title,
        question: fields.question,
        targetGroup: fields.targetGroup ?? null,
        place: fields.place ?? null,
        wijkCodes: JSON.stringify(fields.wijkCodes),
        riskFactors: JSON.stringify(fields.riskFactors ?? []),
        ownerId: user.id,
        referenceName: reference?.name ?? null,
        referenceUrl: reference?.url ?? null,
        referenceLevel: reference?.level ?? null,
        status: 'idee',
        originSessionId: sessionId ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .run()
    tx.insert(interventionStatusChanges)
      .values({ interventionId: id, fromStatus: null, toStatus: 'idee', reason: '', byUserId: user.id, at: now })
      .run()
    if (sessionId) linkSession(tx as unknown as Db, id, sessionId)
    if (sessionId && frameId)
      tx.insert(interventionFrames).values({ workshopSessionId: sessionId, frameId, interventionId: id }).run()
  })
  if (roomId && frameId) await markFrame(collab, roomId, frameId, { interventionId: id })
  return { ok: true, value: { id } }
}

export async function updateIntervention(
  db: Db,
  user: User,
  id: string,
  input: unknown,
): Promise<CommandResult<{ id: string }>> {
  const found = editable(db, user, id)
  if (!found.ok) return found
  const parsed = updateInterventionSchema.safeParse(input)
  if (!parsed.success) return refuse(400, fieldErrors(parsed.error))
  const { reference, wijkCodes, riskFactors, ...fields } = parsed.data
  db.update(interventions)
    .set({
      ...fields,
      ...(wijkCodes ? { wijkCodes: JSON.stringify(wijkCodes) } : {}),
      ...(riskFactors ? { riskFactors: JSON.stringify(riskFactors) } : {}),
      ...(reference !== undefined
        ? {
            referenceName: reference?.name ?? null,
            referenceUrl: reference?.url ?? null,
            referenceLevel: reference?.level ?? null,
          }
        : {}),
      updatedAt: new Date(),
    })
    .where(eq(interventions.id, id))
    .run()
  return { ok: true, value: { id } }
}

/** A status change, kept with who, when and why; only the steps the status rules allow. */
export function changeStatus(
  db: Db,
  user: User,
  id: string,
  input: unknown,
): CommandResult<{ status: InterventionStatus }> {
  const found = editable(db, user, id)
  if (!found.ok) return found
  const parsed = statusChangeSchema.safeParse(input)
  if (!parsed.success) return refuse(400, fieldErrors(parsed.error))
  const from = found.intervention.status
  const to = parsed.data.status
  if (!allowedNextStatuses(from).includes(to)) return refuse(400, { status: 'interventions.error.statusStep' })
  const now = new Date()
  db.transaction((tx) => {
    tx.update(interventions).set({ status: to, updatedAt: now }).where(eq(interventions.id, id)).run()
    tx.insert(interventionStatusChanges)
      .values({
        interventionId: id,
        fromStatus: from,
        toStatus: to,
        reason: parsed.data.reason,
        byUserId: user.id,
        at: now,
      })
      .run()
  })
  return { ok: true, value: { status: to } }
}

/** The owner adds a facilitator account to the team by its e-mail address. */
export function addMember(db: Db, user: User, id: string, input: unknown): CommandResult<{ userId: string }> {
  const found = editable(db, user, id)
  if (!found.ok) return found
  if (found.intervention.ownerId !== user.id) return refuse(403, { _form: 'interventions.error.ownerOnly' })
  const parsed = memberSchema.safeParse(input)
  if (!parsed.success) return refuse(400, fieldErrors(parsed.error))
  const member = db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(parsed.data.email)))
    .get()
  if (!member) return refuse(404, { email: 'interventions.error.noAccount' })
  if (isTeamMember(db, member.id, found.intervention))
    return refuse(409, { email: 'interventions.error.alreadyMember' })
  db.insert(interventionMembers).values({ interventionId: id, userId: member.id, addedBy: user.id }).run()
  touch(db, id)
  return { ok: true, value: { userId: member.id } }
}

/** A comment on the intervention, one of its versions or one of its measurements (team only). */
export function addComment(db: Db, user: User, id: string, input: unknown): CommandResult<{ id: number }> {
  const found = editable(db, user, id)
  if (!found.ok) return found
  const parsed = commentSchema.safeParse(input)
  if (!parsed.success) return refuse(400, fieldErrors(parsed.error))
  const { text, versionNumber, measurementId } = parsed.data
  if (versionNumber !== undefined) {
    const version = db
      .select({ id: interventionVersions.id })
      .from(interventionVersions)
      .where(and(eq(interventionVersions.interventionId, id), eq(interventionVersions.number, versionNumber)))
      .get()
    if (!version) return refuse(400, { versionNumber: 'interventions.error.noVersion' })
  }
  if (measurementId !== undefined) {
    const measurement = db
      .select({ id: interventionMeasurements.id })
      .from(interventionMeasurements)
      .where(and(eq(interventionMeasurements.interventionId, id), eq(interventionMeasurements.id, measurementId)))
      .get()
    if (!measurement) return refuse(400, { measurementId: 'interventions.error.noMeasurement' })
  }
  const row = db
    .insert(interventionComments)
    .values({
      interventionId: id,
      versionNumber: versionNumber ?? null,
      measurementId: measurementId ?? null,
      text,
      byUserId: user.id,
      byName: user.name,
    })
    .returning({ id: interventionComments.id })
    .get()
  touch(db, id)
  return { ok: true, value: { id: row.id } }
}

const iso = (d: Date) => d.toISOString()
const parseJson = <T>(text: string | null, fallback: T): T => {
  if (text === null) return fallback
  try {
    return JSON.parse(text) as T
  } catch {
    return fallback
  }
}

const nameOf = (db: Db, ids: (string | null)[]) => {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))]
  const rows = wanted.length
    ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted)).all()
    : []
  const names = new Map(rows.map((r) => [r.id, r.name]))
  return (id: string | null) => (id ? (names.get(id) ?? null) : null)
}

export function measurementViews(db: Db, interventionId: string): MeasurementView[] {
  return db
    .select()
    .from(interventionMeasurements)
    .where(eq(interventionMeasurements.interventionId, interventionId))
    .orderBy(asc(interventionMeasurements.date), asc(interventionMeasurements.createdAt))
    .all()
    .map((m) => ({
      id: m.id,
      targetId: m.targetId,
      value: m.value,
      date: m.date,
      period: m.period,
      source: m.source,
      provisional: m.provisional,
      origin: parseJson(m.origin, { kind: 'hand' as const }),
      createdAt: iso(m.createdAt),
    }))
}

export function targetViews(db: Db, interventionId: string, measurements: MeasurementView[]): TargetView[] {
  const rows = db
    .select()
    .from(interventionTargets)
    .where(eq(interventionTargets.interventionId, interventionId))
    .orderBy(asc(interventionTargets.createdAt))
    .all()
  const name = nameOf(
    db,
    rows.map((r) => r.judgedBy),
  )
  return rows.map((r) => ({
    id: r.id,
    metric: r.metric,
    direction: r.direction,
    baseline: {
      value: r.baselineValue,
      date: r.baselineDate,
      source: parseJson<BaselineSource>(r.baselineSource, { kind: 'hand', note: '' }),
    },
    targetValue: r.targetValue,
    targetDate: r.targetDate,
    status: targetStatus(
      {
        direction: r.direction,
        baselineValue: r.baselineValue,
        baselineDate: r.baselineDate,
        targetValue: r.targetValue,
        targetDate: r.targetDate,
      },
      measurements.filter((m) => m.targetId === r.id),
    ),
    judgement:
      r.judgement && r.judgedAt
        ? { value: r.judgement, note: r.judgementNote, by: name(r.judgedBy), at: iso(r.judgedAt) }
        : null,
    createdAt: iso(r.createdAt),
  }))
}

export function versionSummaries(db: Db, interventionId: string): VersionSummary[] {
  return db
    .select({
      number: interventionVersions.number,
      name: interventionVersions.name,
      reason: interventionVersions.reason,
      contentHash: interventionVersions.contentHash,
      content: interventionVersions.content,
      hasSvg: interventionVersions.svg,
      png: interventionVersions.png,
      sessionId: interventionVersions.workshopSessionId,
      frameId: interventionVersions.frameId,
      phase: interventionVersions.phase,
      basedOn: interventionVersions.basedOn,
      createdBy: interventionVersions.createdByName,
      createdAt: interventionVersions.createdAt,
    })
    .from(interventionVersions)
    .where(eq(interventionVersions.interventionId, interventionId))
    .orderBy(asc(interventionVersions.number))
    .all()
    .map((v) => ({
      number: v.number,
      name: v.name,
      reason: v.reason,
      contentHash: v.contentHash,
      shapeCount:
        parseJson<{ records?: { typeName?: string }[] }>(v.content, {}).records?.filter((r) => r.typeName === 'shape')
          .length ?? 0,
      hasSvg: v.hasSvg !== null,
      hasPng: v.png !== null,
      sessionId: v.sessionId,
      frameId: v.frameId,
      phase: v.phase,
      basedOn: v.basedOn,
      createdBy: v.createdBy,
      createdAt: iso(v.createdAt),
    }))
}

function statusHistory(db: Db, interventionId: string): StatusChangeView[] {
  const rows = db
    .select()
    .from(interventionStatusChanges)
    .where(eq(interventionStatusChanges.interventionId, interventionId))
    .orderBy(asc(interventionStatusChanges.at), asc(interventionStatusChanges.id))
    .all()
  const name = nameOf(
    db,
    rows.map((r) => r.byUserId),
  )
  return rows.map((r) => ({
    from: r.fromStatus,
    to: r.toStatus,
    reason: r.reason,
    by: name(r.byUserId),
    at: iso(r.at),
  }))
}

function commentViews(db: Db, interventionId: string): CommentView[] {
  return db
    .select()
    .from(interventionComments)
    .where(eq(interventionComments.interventionId, interventionId))
    .orderBy(asc(interventionComments.createdAt), asc(interventionComments.id))
    .all()
    .map((c) => ({
      id: c.id,
      versionNumber: c.versionNumber,
      measurementId: c.measurementId,
      text: c.text,
      by: c.byName,
      createdAt: iso(c.createdAt),
    }))
}

function restoreViews(db: Db, interventionId: string): RestoreView[] {
  return db
    .select({
      version: interventionFrames.fromVersion,
      sessionId: interventionFrames.workshopSessionId,
      sessionTitle: workshopSessions.title,
      at: interventionFrames.createdAt,
    })
    .from(interventionFrames)
    .innerJoin(workshopSessions, eq(workshopSessions.id, interventionFrames.workshopSessionId))
    .where(and(eq(interventionFrames.interventionId, interventionId), isNotNull(interventionFrames.fromVersion)))
    .orderBy(asc(interventionFrames.createdAt))
    .all()
    .map((r) => ({ version: r.version!, sessionId: r.sessionId, sessionTitle: r.sessionTitle, at: iso(r.at) }))
}

/** The whole view model of one intervention, as pages and `GET /api/v1/interventions/:id` show it. */
export function interventionView(db: Db, intervention: Intervention, canEdit: boolean): InterventionView {
  const memberRows = db
    .select({ id: users.id, name: users.name })
    .from(interventionMembers)
    .innerJoin(users, eq(users.id, interventionMembers.userId))
    .where(eq(interventionMembers.interventionId, intervention.id))
    .orderBy(asc(users.name))
    .all()
  const owner = db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.id, intervention.ownerId))
    .get()
  const measurements = measurementViews(db, intervention.id)
  return {
    id: intervention.id,
    title: intervention.title,
    question: intervention.question,
    targetGroup: intervention.targetGroup,
    place: intervention.place,
    wijkCodes: parseJson<string[]>(intervention.wijkCodes, []),
    riskFactors: parseJson<string[]>(intervention.riskFactors, []),
    owner: owner ?? { id: intervention.ownerId, name: '' },
    team: memberRows,
    reference: intervention.referenceName
      ? { name: intervention.referenceName, url: intervention.referenceUrl, level: intervention.referenceLevel }
      : null,
    status: intervention.status,
    originSessionId: intervention.originSessionId,
    createdAt: iso(intervention.createdAt),
    updatedAt: iso(intervention.updatedAt),
    targets: targetViews(db, intervention.id, measurements),
    versions: versionSummaries(db, intervention.id),
    measurements,
    statusHistory: statusHistory(db, intervention.id),
    comments: commentViews(db, intervention.id),
    restores: restoreViews(db, intervention.id),
    canEdit,
  }
}

export function loadIntervention(
  db: Db,
  viewer: Viewer,
  id: string | undefined,
): { ok: true; view: InterventionView } | { ok: false; status: 401 | 403 | 404 } {
  const found = findIntervention(db, viewer, id)
  if (!found.ok) return found
  return { ok: true, view: interventionView(db, found.intervention, found.access === 'edit') }
}

export interface InterventionListItem {
  id: string
  title: string
  question: string
  status: InterventionStatus
  wijkCodes: string[]
  updatedAt: string
  versionCount: number
  canEdit: boolean
}

/** The interventions the viewer may see, most recently changed first. */
export function listInterventions(db: Db, viewer: Viewer): InterventionListItem[] {
  const ids = visibleInterventionIds(db, viewer)
  if (ids.length === 0) return []
  const rows = db
    .select()
    .from(interventions)
    .where(inArray(interventions.id, ids))
    .orderBy(desc(interventions.updatedAt))
    .all()
  const counts = new Map<string, number>()
  for (const v of db
    .select({ id: interventionVersions.interventionId })
    .from(interventionVersions)
    .where(inArray(interventionVersions.interventionId, ids))
    .all())
    counts.set(v.id, (counts.get(v.id) ?? 0) + 1)
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    question: r.question,
    status: r.status,
    wijkCodes: parseJson<string[]>(r.wijkCodes, []),
    updatedAt: iso(r.updatedAt),
    versionCount: counts.get(r.id) ?? 0,
    canEdit: !!viewer.user && isTeamMember(db, viewer.user.id, r),
  }))
}

export const isInterventionStatus = (v: unknown): v is InterventionStatus =>
  interventionStatuses.includes(v as InterventionStatus)
