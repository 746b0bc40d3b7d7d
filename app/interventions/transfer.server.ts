/**
 * An intervention as one JSON document (issue 10, item 8): everything a team made — fields, status
 * history, targets, measurements, versions with their content and images, comments — without
 * database ids (rows refer to each other by their place in the lists), so export → import → export
 * gives the same document apart from `exportedAt`. An import is checked like every other input:
 * version contents against the tldraw schema and their hashes, images, metrics and values.
 */
import crypto from 'node:crypto'
import { asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../../db/client'
import {
  interventionPlaces,
  interventionStatuses,
  recognitionLevels,
  targetDirections,
  targetJudgements,
} from '../../db/interventions'
import {
  interventionComments,
  interventionMeasurements,
  interventionStatusChanges,
  interventionTargets,
  interventionVersions,
  interventions,
  type Intervention,
  type User,
} from '../../db/schema'
import type { CommandResult } from '~/auth/commands.server'
import { fieldErrors } from '~/validation'
import { regionCodePatterns } from '~/wijken/regions'
import { newInterventionId } from './interventions.server'
import { findMetric, valueRange } from './metrics'
import { validateContent } from './tl-content'
import type { TargetSnapshot } from './types'
import { checkPng, checkSvg } from './version-images'
import { contentHash } from './versions.server'

export const EXPORT_FORMAT = 'wijkatelier-interventie'
const newId = () => crypto.randomBytes(12).toString('base64url')

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const isoTime = z.string().datetime({ offset: true })
const text = (max: number) => z.string().max(max)
const json = z.unknown()

/** The document's schema: the import accepts exactly what the export writes. */
const exportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.literal(1),
  exportedAt: isoTime,
  intervention: z.object({
    title: text(120).min(1),
    question: text(300).min(1),
    targetGroup: text(200).nullable(),
    place: z.enum(interventionPlaces).nullable(),
    wijkCodes: z.array(z.string().regex(regionCodePatterns.wijk)).min(1).max(10),
    riskFactors: z.array(text(60)).max(20),
    reference: z
      .object({ name: text(200).min(1), url: text(500).nullable(), level: z.enum(recognitionLevels).nullable() })
      .nullable(),
    status: z.enum(interventionStatuses),
    createdAt: isoTime,
  }),
  statusHistory: z
    .array(
      z.object({
        from: z.enum(interventionStatuses).nullable(),
        to: z.enum(interventionStatuses),
        reason: text(1000),
        at: isoTime,
      }),
    )
    .max(1000),
  targets: z
    .array(
      z.object({
        metric: text(60),
        direction: z.enum(targetDirections),
        baselineValue: z.number().finite(),
        baselineDate: isoDate,
        baselineSource: json,
        targetValue: z.number().finite(),
        targetDate: isoDate,
        judgement: z.enum(targetJudgements).nullable(),
        judgementNote: text(1000).nullable(),
        createdAt: isoTime,
      }),
    )
    .max(50),
  measurements: z
    .array(
      z.object({
        target: z.number().int().min(0),
        value: z.number().finite(),
        date: isoDate,
        period: text(40).nullable(),
        source: text(300).min(1),
        provisional: z.boolean(),
        origin: json,
        createdAt: isoTime,
      }),
    )
    .max(5000),
  versions: z
    .array(
      z.object({
        number: z.number().int().min(1),
        name: text(80).nullable(),
        reason: text(2000).min(1),
        content: json,
        contentHash: z.string().regex(/^[0-9a-f]{64}$/),
        svg: z.string().nullable(),
        png: z.string().nullable(),
        /** each target by its place in `targets`, or null when that target is gone */
        targets: z.array(
          z.object({
            target: z.number().int().min(0).nullable(),
            metric: text(60),
            direction: z.enum(targetDirections),
            baselineValue: z.number().finite(),
            targetValue: z.number().finite(),
            targetDate: isoDate,
          }),
        ),
        dataPeriods: json,
        phase: text(40).nullable(),
        basedOn: z.number().int().min(1).nullable(),
        createdByName: text(200).nullable(),
        createdAt: isoTime,
      }),
    )
    .max(500),
  comments: z
    .array(
      z.object({
        versionNumber: z.number().int().min(1).nullable(),
        measurement: z.number().int().min(0).nullable(),
        text: text(2000).min(1),
        byName: text(200).nullable(),
        createdAt: isoTime,
      }),
    )
    .max(5000),
})

export type InterventionExport = z.infer<typeof exportSchema>

const iso = (d: Date) => d.toISOString()

export function exportIntervention(db: Db, intervention: Intervention, now = new Date()): InterventionExport {
  const id = intervention.id
  const targets = db
    .select()
    .from(interventionTargets)
    .where(eq(interventionTargets.interventionId, id))
    .orderBy(asc(interventionTargets.createdAt), asc(interventionTargets.id))
    .all()
  const targetPlace = new Map(targets.map((t, i) => [t.id, i]))
  const measurements = db
    .select()
    .from(interventionMeasurements)
    .where(eq(interventionMeasurements.interventionId, id))
    .orderBy(
      asc(interventionMeasurements.date),
      asc(interventionMeasurements.createdAt),
      asc(interventionMeasurements.id),
    )
    .all()
  const measurementPlace = new Map(measurements.map((m, i) => [m.id, i]))
  const versions = db
    .select()
    .from(interventionVersions)
    .where(eq(interventionVersions.interventionId, id))
    .orderBy(asc(interventionVersions.number))
    .all()
  return {
    format: EXPORT_FORMAT,
    formatVersion: 1,
    exportedAt: iso(now),
    intervention: {
      title: intervention.title,
      question: intervention.question,
      targetGroup: intervention.targetGroup,
      place: intervention.place,
      wijkCodes: JSON.parse(intervention.wijkCodes) as string[],
      riskFactors: JSON.parse(intervention.riskFactors) as string[],
      reference: intervention.referenceName
        ? { name: intervention.referenceName, url: intervention.referenceUrl, level: intervention.referenceLevel }
        : null,
      status: intervention.status,
      createdAt: iso(intervention.createdAt),
    },
    statusHistory: db
      .select()
      .from(interventionStatusChanges)
      .where(eq(interventionStatusChanges.interventionId, id))
      .orderBy(asc(interventionStatusChanges.at), asc(interventionStatusChanges.id))
      .all()
      .map((s) => ({ from: s.fromStatus, to: s.toStatus, reason: s.reason, at: iso(s.at) })),
    targets: targets.map((t) => ({
      metric: t.metric,
      direction: t.direction,
      baselineValue: t.baselineValue,
      baselineDate: t.baselineDate,
      baselineSource: JSON.parse(t.baselineSource) as unknown,
      targetValue: t.targetValue,
      targetDate: t.targetDate,
      judgement: t.judgement,
      judgementNote: t.judgementNote,
      createdAt: iso(t.createdAt),
    })),
    measurements: measurements.map((m) => ({
      target: targetPlace.get(m.targetId)!,
      value: m.value,
      date: m.date,
      period: m.period,
      source: m.source,
      provisional: m.provisional,
      origin: JSON.parse(m.origin) as unknown,
      createdAt: iso(m.createdAt),
    })),
    versions: versions.map((v) => ({
      number: v.number,
      name: v.name,
      reason: v.reason,
      content: JSON.parse(v.content) as unknown,
      contentHash: v.contentHash,
      svg: v.svg,
      png: v.png ? v.png.toString('base64') : null,
      targets: (JSON.parse(v.targets) as TargetSnapshot[]).map(({ id: targetId, ...rest }) => ({
        target: targetPlace.get(targetId) ?? null,
        ...rest,
      })),
      dataPeriods: JSON.parse(v.dataPeriods) as unknown,
      phase: v.phase,
      basedOn: v.basedOn,
      createdByName: v.createdByName,
      createdAt: iso(v.createdAt),
    })),
    comments: db
      .select()
      .from(interventionComments)
      .where(eq(interventionComments.interventionId, id))
      .orderBy(asc(interventionComments.createdAt), asc(interventionComments.id))
      .all()
      .map((c) => ({
        versionNumber: c.versionNumber,
        measurement: c.measurementId === null ? null : (measurementPlace.get(c.measurementId) ?? null),
        text: c.text,
        byName: c.byName,
        createdAt: iso(c.createdAt),
      })),
  }
}

type Refusal = Extract<CommandResult<never>, { ok: false }>
const refuse = (errors: Record<string, string>): Refusal => ({ ok: false, status: 400, errors })

/** Checks what zod cannot: references between the lists, metrics and values, contents, hashes, images. */
function checkReferences(doc: InterventionExport): Record<string, string> | undefined {
  const targets = doc.targets.length
  for (const t of doc.targets) {
    const metric = findMetric(t.metric)
    if (!metric) return { targets: 'interventions.error.import.metric' }
    const range = valueRange(metric)
    for (const v of [t.baselineValue, t.targetValue])
      if (v < range.min || v > range.max) return { targets: 'interventions.error.import.value' }
  }
  if (doc.measurements.some((m) => m.target >= targets)) return { measurements: 'interventions.error.import.reference' }
  const numbers = doc.versions.map((v) => v.number)
  if (numbers.some((n, i) => n !== i + 1)) return { versions: 'interventions.error.import.numbers' }
  if (doc.versions.some((v) => v.basedOn !== null && v.basedOn >= v.number))
    return { versions: 'interventions.error.import.reference' }
  if (doc.versions.some((v) => v.targets.some((t) => t.target !== null && t.target >= targets)))
    return { versions: 'interventions.error.import.reference' }
  for (const c of doc.comments) {
    if (c.versionNumber !== null && c.versionNumber > doc.versions.length)
      return { comments: 'interventions.error.import.reference' }
    if (c.measurement !== null && c.measurement >= doc.measurements.length)
      return { comments: 'interventions.error.import.reference' }
  }
  return undefined
}

/** A new intervention from an export, owned by the importing user; all or nothing. */
export function importIntervention(db: Db, user: User, input: unknown): CommandResult<{ id: string }> {
  const parsed = exportSchema.safeParse(input)
  if (!parsed.success) return refuse(fieldErrors(parsed.error))
  const doc = parsed.data
  const problem = checkReferences(doc)
  if (problem) return refuse(problem)
  const versions: { content: unknown; svg: string | null; png: Buffer | null }[] = []
  for (const v of doc.versions) {
    // Stored as exported: its hash is of these bytes. It must still pass the schema (migrated if older).
    if (contentHash(v.content) !== v.contentHash || !validateContent(v.content).ok)
      return refuse({ versions: 'interventions.error.import.content' })
    const svg = v.svg === null ? null : checkSvg(v.svg)
    const png = v.png === null ? null : checkPng(v.png)
    if ((svg && !svg.ok) || (png && !png.ok)) return refuse({ versions: 'interventions.error.imageInvalid' })
    versions.push({ content: v.content, svg: svg?.ok ? svg.svg : null, png: png?.ok ? png.bytes : null })
  }
  const id = newInterventionId()
  const targetIds = doc.targets.map(() => newId())
  const measurementIds = doc.measurements.map(() => newId())
  const { intervention: i } = doc
  db.transaction((tx) => {
    tx.insert(interventions)
      .values({
        id,
        title: i.title,
        question: i.question,
        targetGroup: i.targetGroup,
        place: i.place,
        wijkCodes: JSON.stringify(i.wijkCodes),
        riskFactors: JSON.stringify(i.riskFactors),
        ownerId: user.id,
        referenceName: i.reference?.name ?? null,
        referenceUrl: i.reference?.url ?? null,
        referenceLevel: i.reference?.level ?? null,
        status: i.status,
        originSessionId: null,
        createdAt: new Date(i.createdAt),
        updatedAt: new Date(),
      })
      .run()
    for (const s of doc.statusHistory)
      tx.insert(interventionStatusChanges)
        .values({
          interventionId: id,
          fromStatus: s.from,
          toStatus: s.to,
          reason: s.reason,
          byUserId: null,
          at: new Date(s.at),
        })
        .run()
    doc.targets.forEach((t, n) =>
      tx
        .insert(interventionTargets)
        .values({
          id: targetIds[n],
          interventionId: id,
          metric: t.metric,
          direction: t.direction,
          baselineValue: t.baselineValue,
          baselineDate: t.baselineDate,
          baselineSource: JSON.stringify(t.baselineSource),
          targetValue: t.targetValue,
          targetDate: t.targetDate,
          judgement: t.judgement,
          judgementNote: t.judgementNote,
          judgedAt: t.judgement ? new Date(t.createdAt) : null,
          createdBy: user.id,
          createdAt: new Date(t.createdAt),
        })
        .run(),
    )
    doc.measurements.forEach((m, n) =>
      tx
        .insert(interventionMeasurements)
        .values({
          id: measurementIds[n],
          interventionId: id,
          targetId: targetIds[m.target],
          value: m.value,
          date: m.date,
          period: m.period,
          source: m.source,
          provisional: m.provisional,
          origin: JSON.stringify(m.origin),
          createdBy: user.id,
          createdAt: new Date(m.createdAt),
        })
        .run(),
    )
    doc.versions.forEach((v, n) =>
      tx
        .insert(interventionVersions)
        .values({
          id: newId(),
          interventionId: id,
          number: v.number,
          name: v.name,
          reason: v.reason,
          content: JSON.stringify(versions[n].content),
          contentHash: v.contentHash,
          svg: versions[n].svg,
          png: versions[n].png,
          targets: JSON.stringify(
            v.targets.map(({ target, ...rest }) => ({ id: target === null ? newId() : targetIds[target], ...rest })),
          ),
          dataPeriods: JSON.stringify(v.dataPeriods),
          workshopSessionId: null,
          frameId: null,
          phase: v.phase,
          basedOn: v.basedOn,
          createdBy: user.id,
          createdByName: v.createdByName,
          createdAt: new Date(v.createdAt),
        })
        .run(),
    )
    for (const c of doc.comments)
      tx.insert(interventionComments)
        .values({
          interventionId: id,
          versionNumber: c.versionNumber,
          measurementId: c.measurement === null ? null : measurementIds[c.measurement],
          text: c.text,
          byName: c.byName,
          byUserId: null,
          createdAt: new Date(c.createdAt),
        })
        .run()
  })
  return { ok: true, value: { id } }
}
