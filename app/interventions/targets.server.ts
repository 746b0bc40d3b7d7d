/**
 * Target metrics and their measurements (issue 10, items 2 and 6): a baseline from the wijk data
 * (with its table, column, period and level) or typed in with a source note; measurements typed
 * in or offered from a later CBS import of the same region.
 */
import crypto from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { interventionMeasurements, interventionTargets, type User } from '../../db/schema'
import type { CommandResult } from '~/auth/commands.server'
import { fieldErrors } from '~/validation'
import { getWijkProfile } from '~/wijken/profile.server'
import { editable, refuse, touch } from './interventions.server'
import { baselineFromProfile, findMetric, metricCatalogue } from './metrics'
import type { WijkProfile } from '~/wijken/profile-types'
import { periodLabel } from '~/wijken/periods'
import type { BaselineSource, InterventionView, MeasurementView, OfferedMeasurement } from './types'
import {
  checkMeasurementValue,
  checkTarget,
  handBaselineDate,
  judgementSchema,
  measurementSchema,
  targetInputSchema,
} from './validation'

const newId = () => crypto.randomBytes(12).toString('base64url')

/** The wijk whose figures a baseline is taken from: the one asked for if it is the intervention's, else its first. */
function baselineWijk(wijkCodes: string[], asked: string | undefined): string | undefined {
  return asked && wijkCodes.includes(asked) ? asked : wijkCodes[0]
}

/**
 * A target. Without `baseline` it is taken from the wijk data of the intervention's wijk (the
 * request may name one of its wijken as `wijkCode`, and a period as `baselinePeriod`); a metric
 * the data does not have needs a baseline by hand, with its source.
 */
export function addTarget(
  db: Db,
  user: User,
  id: string,
  input: unknown,
  now = new Date(),
): CommandResult<{ id: string }> {
  const found = editable(db, user, id)
  if (!found.ok) return found
  const parsed = targetInputSchema.safeParse(input)
  if (!parsed.success) return refuse(400, fieldErrors(parsed.error))
  const { metric: metricCode, direction, baseline, targetValue, targetDate } = parsed.data
  const metric = findMetric(metricCode)!
  let baselineValue: number
  let baselineDate: string
  let source: BaselineSource
  if (baseline) {
    baselineValue = baseline.value
    baselineDate = handBaselineDate(baseline, now)
    source = { kind: 'hand', note: baseline.source, ...(baseline.period ? { period: baseline.period } : {}) }
  } else {
    const wijkCodes = JSON.parse(found.intervention.wijkCodes) as string[]
    const wijk = baselineWijk(wijkCodes, parsed.data.wijkCode)
    const profile = wijk ? getWijkProfile(db, wijk) : null
    // `baselinePeriod`: the figure of an earlier period (the start of the programme), so the
    // periods after it come in as measurements; without it the newest.
    const asked = parsed.data.baselinePeriod
    const at = profile && asked ? profileAt(profile, asked) : profile
    const fromData = at ? baselineFromProfile(metric, at) : { ok: false as const, reason: 'not-in-data' as const }
    if (!fromData.ok) return refuse(400, { baseline: `interventions.error.baseline.${fromData.reason}` })
    baselineValue = fromData.value
    baselineDate = fromData.date
    source = fromData.source
  }
  const errors = checkTarget(
    { metric: metricCode, direction, baselineValue, baselineDate, targetValue, targetDate },
    now,
  )
  if (Object.keys(errors).length > 0) return refuse(400, errors)
  const targetId = newId()
  db.insert(interventionTargets)
    .values({
      id: targetId,
      interventionId: id,
      metric: metricCode,
      direction,
      baselineValue,
      baselineDate,
      baselineSource: JSON.stringify(source),
      targetValue,
      targetDate,
      createdBy: user.id,
    })
    .run()
  touch(db, id)
  return { ok: true, value: { id: targetId } }
}

function targetOf(db: Db, interventionId: string, targetId: unknown) {
  if (typeof targetId !== 'string') return undefined
  return db
    .select()
    .from(interventionTargets)
    .where(and(eq(interventionTargets.interventionId, interventionId), eq(interventionTargets.id, targetId)))
    .get()
}

/** The team's own reading of a target, beside the computed status. */
export function judgeTarget(
  db: Db,
  user: User,
  id: string,
  targetId: string,
  input: unknown,
): CommandResult<{ id: string }> {
  const found = editable(db, user, id)
  if (!found.ok) return found
  if (!targetOf(db, id, targetId)) return refuse(404, { _form: 'interventions.error.noTarget' })
  const parsed = judgementSchema.safeParse(input)
  if (!parsed.success) return refuse(400, fieldErrors(parsed.error))
  db.update(interventionTargets)
    .set({
      judgement: parsed.data.judgement,
      judgementNote: parsed.data.note ?? null,
      judgedBy: user.id,
      judgedAt: new Date(),
    })
    .where(eq(interventionTargets.id, targetId))
    .run()
  touch(db, id)
  return { ok: true, value: { id: targetId } }
}

export function addMeasurement(db: Db, user: User, id: string, input: unknown): CommandResult<{ id: string }> {
  const found = editable(db, user, id)
  if (!found.ok) return found
  const parsed = measurementSchema.safeParse(input)
  if (!parsed.success) return refuse(400, fieldErrors(parsed.error))
  const target = targetOf(db, id, parsed.data.targetId)
  if (!target) return refuse(400, { targetId: 'interventions.error.noTarget' })
  const metric = findMetric(target.metric)
  const valueErrors = metric ? checkMeasurementValue(metric, parsed.data.value) : {}
  if (Object.keys(valueErrors).length > 0) return refuse(400, valueErrors)
  const origin = offeredOrigin(db, found.intervention.wijkCodes, target, parsed.data)
  const measurementId = newId()
  db.insert(interventionMeasurements)
    .values({
      id: measurementId,
      interventionId: id,
      targetId: target.id,
      value: parsed.data.value,
      date: parsed.data.date,
      period: parsed.data.period ?? null,
      source: parsed.data.source,
      provisional: parsed.data.provisional ?? false,
      origin: JSON.stringify(origin),
      createdBy: user.id,
    })
    .run()
  touch(db, id)
  return { ok: true, value: { id: measurementId } }
}

/**
 * The profile as it was in an earlier or later period: each indicator's figure of that period from
 * its trend (with the privacy rules already applied there), or none. Lets the one baseline rule
 * (baselineFromProfile) read any period.
 */
function profileAt(profile: WijkProfile, period: string): WijkProfile {
  return {
    ...profile,
    indicators: profile.indicators.map((indicator) => {
      const point = indicator.trend.find((p) => p.period === period)
      return point
        ? {
            ...indicator,
            value: point.value,
            reason: point.reason,
            period: point.period,
            periodLabel: point.periodLabel,
          }
        : { ...indicator, value: null, reason: null, period: null, periodLabel: null }
    }),
  }
}

type TargetRow = typeof interventionTargets.$inferSelect

/**
 * Figures of the wijk data newer than a data baseline, for the same region and cell, that the
 * target has no measurement of yet: offered to the team as measurements ("Toevoegen als meting").
 * CBS marks provisional figures; a period key is provisional when the import said so.
 */
function offersFor(db: Db, wijkCodes: string[], target: TargetRow, measured: MeasurementView[]): OfferedMeasurement[] {
  const source = JSON.parse(target.baselineSource) as BaselineSource
  if (source.kind !== 'data') return []
  const metric = findMetric(target.metric)
  // A gemeente-level baseline names the gemeente; its figures come with the profile of one of its wijken.
  const profile = metric ? profileOfRegion(db, wijkCodes, source.regionCode) : null
  if (!metric || !profile) return []
  const offers: OfferedMeasurement[] = []
  const periods = new Set<string>()
  for (const indicator of metric.fromProfile?.indicators ?? [])
    for (const point of profile.indicators.find((i) => i.code === indicator)?.trend ?? []) periods.add(point.period)
  for (const period of [...periods].sort()) {
    if (period <= source.period) continue
    const result = baselineFromProfile(metric, profileAt(profile, period))
    if (!result.ok) continue
    const already = measured.some(
      (m) =>
        m.targetId === target.id && (m.period === period || (m.origin.kind === 'data' && m.origin.period === period)),
    )
    if (already) continue
    offers.push({
      targetId: target.id,
      value: result.value,
      date: result.date,
      period,
      periodLabel: periodLabel(period),
      source: `CBS ${result.source.table}, ${result.source.column}`,
      provisional: false,
    })
  }
  return offers
}

function profileOfRegion(db: Db, wijkCodes: string[], regionCode: string): WijkProfile | null {
  if (regionCode.startsWith('WK')) return getWijkProfile(db, regionCode)
  for (const wijk of wijkCodes) {
    const profile = getWijkProfile(db, wijk)
    if (profile?.gemeente.code === regionCode) return profile
  }
  return null
}

export function offeredMeasurements(db: Db, view: InterventionView): OfferedMeasurement[] {
  const rows = db.select().from(interventionTargets).where(eq(interventionTargets.interventionId, view.id)).all()
  return rows.flatMap((row) => offersFor(db, view.wijkCodes, row, view.measurements))
}

/** A measurement that matches an offered CBS figure keeps where it came from. */
function offeredOrigin(
  db: Db,
  wijkCodes: string,
  target: TargetRow,
  input: { value: number; period?: string },
): MeasurementView['origin'] {
  const source = JSON.parse(target.baselineSource) as BaselineSource
  if (source.kind !== 'data' || !input.period) return { kind: 'hand' }
  const offer = offersFor(db, JSON.parse(wijkCodes) as string[], target, []).find(
    (o) => o.period === input.period && o.value === input.value,
  )
  return offer
    ? { kind: 'data', table: source.table, column: source.column, period: offer.period, regionCode: source.regionCode }
    : { kind: 'hand' }
}

/**
 * The periods a data baseline can be taken from for the intervention's (first) wijk: every period
 * of the indicators the metrics read, newest first, with CBS's own label.
 */
export function baselinePeriods(db: Db, wijkCodes: string[]): { period: string; label: string }[] {
  const profile = wijkCodes[0] ? getWijkProfile(db, wijkCodes[0]) : null
  if (!profile) return []
  const used = new Set(metricCatalogue.flatMap((m) => m.fromProfile?.indicators ?? []))
  const periods = new Map<string, string>()
  for (const indicator of profile.indicators)
    if (used.has(indicator.code))
      for (const point of indicator.trend) if (point.value !== null) periods.set(point.period, point.periodLabel)
  return [...periods].sort(([a], [b]) => b.localeCompare(a)).map(([period, label]) => ({ period, label }))
}

/** `GET /api/v1/metrics`: the catalogue, with what a baseline from the data is made of. */
export function metricList() {
  return metricCatalogue.map((m) => ({
    code: m.code,
    label: m.label,
    unit: m.unit,
    unitKind: m.unitKind,
    decimals: m.decimals,
    direction: m.direction,
    fromData: m.fromProfile
      ? { indicators: m.fromProfile.indicators, level: m.fromProfile.level, explanation: m.fromProfile.explanation }
      : null,
  }))
}
