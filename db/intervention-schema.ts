import { sql } from 'drizzle-orm'
import { blob, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import {
  interventionPlaces,
  interventionStatuses,
  recognitionLevels,
  targetDirections,
  targetJudgements,
} from './interventions'
// Imported from the tables' own module, not ./schema, which re-exports this one.
import { users, workshopSessions } from './schema'

/*
 * Interventions (modelaanpakken) and their prototype versions, targets and measurements
 * (issue 10, docs/decisions/015-interventions.md). An intervention lives beyond the werksessies
 * it came from: deleting a werksessie removes its links here, never a saved version.
 */

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`)

export const interventions = sqliteTable(
  'interventions',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    /** the "Hoe kunnen wij …?" question */
    question: text('question').notNull(),
    targetGroup: text('target_group'),
    place: text('place', { enum: interventionPlaces }),
    /** JSON array of WK… codes */
    wijkCodes: text('wijk_codes').notNull(),
    /** JSON array of indicator codes of the wijk profile it addresses */
    riskFactors: text('risk_factors').notNull().default('[]'),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id),
    referenceName: text('reference_name'),
    referenceUrl: text('reference_url'),
    referenceLevel: text('reference_level', { enum: recognitionLevels }),
    status: text('status', { enum: interventionStatuses }).notNull().default('idee'),
    /** the werksessie it was started from (kept as text: the werksessie may be deleted) */
    originSessionId: text('origin_session_id'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('interventions_owner_idx').on(t.ownerId)],
)

/** The team: facilitator accounts besides the owner who may edit. */
export const interventionMembers = sqliteTable(
  'intervention_members',
  {
    interventionId: text('intervention_id')
      .notNull()
      .references(() => interventions.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    addedBy: text('added_by'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.interventionId, t.userId] }), index('intervention_members_user_idx').on(t.userId)],
)

/**
 * Werksessies an intervention is linked to (started from, a version saved or restored in): their
 * participants may read its timeline. Goes with the werksessie.
 */
export const interventionSessions = sqliteTable(
  'intervention_sessions',
  {
    interventionId: text('intervention_id')
      .notNull()
      .references(() => interventions.id, { onDelete: 'cascade' }),
    workshopSessionId: text('workshop_session_id')
      .notNull()
      .references(() => workshopSessions.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.interventionId, t.workshopSessionId] }),
    index('intervention_sessions_session_idx').on(t.workshopSessionId),
  ],
)

/**
 * Frames on a werksessie's canvas that are a prototype of an intervention: the one it was started
 * from and each one a version was restored into (`fromVersion`). Saving from such a frame makes
 * the next version of the same intervention. The server's own record; the frame's meta only mirrors it.
 */
export const interventionFrames = sqliteTable(
  'intervention_frames',
  {
    workshopSessionId: text('workshop_session_id')
      .notNull()
      .references(() => workshopSessions.id, { onDelete: 'cascade' }),
    frameId: text('frame_id').notNull(),
    interventionId: text('intervention_id')
      .notNull()
      .references(() => interventions.id, { onDelete: 'cascade' }),
    fromVersion: integer('from_version'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workshopSessionId, t.frameId] }),
    index('intervention_frames_intervention_idx').on(t.interventionId),
  ],
)

/** Every status change, with who, when and why. */
export const interventionStatusChanges = sqliteTable(
  'intervention_status_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    interventionId: text('intervention_id')
      .notNull()
      .references(() => interventions.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status', { enum: interventionStatuses }),
    toStatus: text('to_status', { enum: interventionStatuses }).notNull(),
    reason: text('reason').notNull(),
    byUserId: text('by_user_id').references(() => users.id, { onDelete: 'set null' }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('intervention_status_changes_idx').on(t.interventionId, t.at)],
)

/**
 * A target metric of an intervention: metric from the catalogue (app/interventions/metrics.ts),
 * direction, baseline (from the wijk data or by hand, `baselineSource` JSON says which), target.
 */
export const interventionTargets = sqliteTable(
  'intervention_targets',
  {
    id: text('id').primaryKey(),
    interventionId: text('intervention_id')
      .notNull()
      .references(() => interventions.id, { onDelete: 'cascade' }),
    metric: text('metric').notNull(),
    direction: text('direction', { enum: targetDirections }).notNull(),
    baselineValue: real('baseline_value').notNull(),
    /** ISO date (YYYY-MM-DD) the baseline stands for: the end of its period */
    baselineDate: text('baseline_date').notNull(),
    /** JSON: {kind:'data', indicator, regionCode, level, table, column, period} or {kind:'hand', note, period?} */
    baselineSource: text('baseline_source').notNull(),
    targetValue: real('target_value').notNull(),
    /** ISO date */
    targetDate: text('target_date').notNull(),
    judgement: text('judgement', { enum: targetJudgements }),
    judgementNote: text('judgement_note'),
    judgedBy: text('judged_by').references(() => users.id, { onDelete: 'set null' }),
    judgedAt: integer('judged_at', { mode: 'timestamp_ms' }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('intervention_targets_idx').on(t.interventionId)],
)

/** An observed value of a target, with its date, period, source and whether CBS calls it provisional. */
export const interventionMeasurements = sqliteTable(
  'intervention_measurements',
  {
    id: text('id').primaryKey(),
    interventionId: text('intervention_id')
      .notNull()
      .references(() => interventions.id, { onDelete: 'cascade' }),
    targetId: text('target_id')
      .notNull()
      .references(() => interventionTargets.id, { onDelete: 'cascade' }),
    value: real('value').notNull(),
    /** ISO date */
    date: text('date').notNull(),
    period: text('period'),
    source: text('source').notNull(),
    provisional: integer('provisional', { mode: 'boolean' }).notNull().default(false),
    /** JSON: {kind:'hand'} or {kind:'data', table, column, period, regionCode} for an offered CBS figure */
    origin: text('origin').notNull().default('{"kind":"hand"}'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('intervention_measurements_idx').on(t.interventionId, t.targetId, t.date)],
)

/**
 * A saved prototype version: immutable. Migration 0006 adds triggers that refuse UPDATE and
 * DELETE on this table, so not even a bug in the app can change one; there is no cascade from
 * interventions (an intervention with versions cannot be deleted).
 */
export const interventionVersions = sqliteTable(
  'intervention_versions',
  {
    id: text('id').primaryKey(),
    interventionId: text('intervention_id')
      .notNull()
      .references(() => interventions.id),
    /** 1, 2, … per intervention */
    number: integer('number').notNull(),
    name: text('name'),
    /** "wat is er veranderd en waarom" */
    reason: text('reason').notNull(),
    /** JSON {schema, records}: the frame and everything in it, as the server read it from the room */
    content: text('content').notNull(),
    /** sha-256 of the content's canonical JSON */
    contentHash: text('content_hash').notNull(),
    svg: text('svg'),
    png: blob('png', { mode: 'buffer' }),
    /** JSON: the targets as they were when saved */
    targets: text('targets').notNull(),
    /** JSON: the data periods in use ([{indicator, regionCode, table, period}]) */
    dataPeriods: text('data_periods').notNull(),
    workshopSessionId: text('workshop_session_id'),
    frameId: text('frame_id'),
    phase: text('phase'),
    /** the version the frame was restored from, when it was */
    basedOn: integer('based_on'),
    createdBy: text('created_by'),
    createdByName: text('created_by_name'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('intervention_versions_number_idx').on(t.interventionId, t.number)],
)

/** Comments on a version or a measurement (or the intervention as a whole): the one thing a version takes after saving. */
export const interventionComments = sqliteTable(
  'intervention_comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    interventionId: text('intervention_id')
      .notNull()
      .references(() => interventions.id, { onDelete: 'cascade' }),
    versionNumber: integer('version_number'),
    measurementId: text('measurement_id').references(() => interventionMeasurements.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    byUserId: text('by_user_id').references(() => users.id, { onDelete: 'set null' }),
    byName: text('by_name'),
    createdAt: createdAt(),
  },
  (t) => [index('intervention_comments_idx').on(t.interventionId, t.createdAt)],
)

export type Intervention = typeof interventions.$inferSelect
export type InterventionTarget = typeof interventionTargets.$inferSelect
export type InterventionMeasurement = typeof interventionMeasurements.$inferSelect
export type InterventionVersion = typeof interventionVersions.$inferSelect
export type InterventionStatusChange = typeof interventionStatusChanges.$inferSelect
export type InterventionComment = typeof interventionComments.$inferSelect
