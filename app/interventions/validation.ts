/**
 * What an intervention's forms and JSON bodies may hold (issue 10). Every message is an i18n key
 * of app/i18n/interventions.nl.ts, translated where it is shown; `fieldErrors` (app/validation.ts)
 * turns a failed parse into `{ field: key }`. Rules that need more than one field or today's
 * date, and would otherwise be restated by every caller, are the `check*` functions below.
 */
import { z } from 'zod'
import { message } from '~/i18n'
import { requiredString } from '~/validation'
import { indicatorByCode } from '~/wijken/indicators'
import { regionCodePatterns } from '~/wijken/regions'
import {
  interventionPlaces,
  interventionStatuses,
  recognitionLevels,
  targetDirections,
  targetJudgements,
  type InterventionStatus,
  type TargetDirection,
} from '../../db/interventions'
import { isIsoDate, todayIso, tryPeriodEndDate } from './dates'
import { isAllowedStatusChange } from './target-status'
import { findMetric, isMetricCode, valueRange, type MetricDefinition } from './metrics'

// ---------------------------------------------------------------------------------------------
// Shared pieces

/**
 * A number from JSON, or from a form as people write it: "12,5" (Dutch decimal comma),
 * "1.234,5" (Dutch thousands and comma) and "12.5" (what <input type="number"> sends, whatever
 * the browser's language). An empty field is absent. Anything else is left for zod to refuse,
 * as are NaN and ±Infinity (zod's number refuses them).
 */
export function parseDecimal(input: unknown): unknown {
  if (typeof input !== 'string') return input
  const s = input.trim()
  if (s === '') return undefined
  if (/^[-+]?\d+([.,]\d+)?$/.test(s)) return Number(s.replace(',', '.'))
  if (/^[-+]?\d{1,3}(\.\d{3})+,\d+$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'))
  return input
}

const decimal = (error: string) => z.preprocess(parseDecimal, z.number({ error }))

/** A form's empty text or choice is the same as leaving it out. */
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)
/** …and on an update, null or an empty field clears it. */
const emptyToNull = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? null : v)

const optionalText = (max: number, tooLong: string) =>
  z.preprocess(emptyToUndefined, z.string({ error: tooLong }).trim().max(max, { error: tooLong }).optional())

const isoDate = (error: string) => z.string({ error }).trim().refine(isIsoDate, { error })

const id = (error: string) => z.string({ error }).trim().min(1, { error }).max(200, { error })

const asArray = (v: unknown) => (typeof v === 'string' ? (v.trim() ? [v] : []) : v)

const checkbox = (error: string) =>
  z.preprocess(
    (v) => (v === 'true' || v === 'on' || v === '1' ? true : v === 'false' || v === '0' || v === '' ? false : v),
    z.boolean({ error }),
  )

/** An http(s) address: a javascript: or file: link would be clickable on the timeline. */
function isWebUrl(s: string): boolean {
  try {
    const url = new URL(s)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

// ---------------------------------------------------------------------------------------------
// Interventions

const title = requiredString('interventions.v.title.required', 120, 'interventions.v.title.max')
const question = requiredString('interventions.v.question.required', 300, 'interventions.v.question.max')

const wijkCodes = z.preprocess(
  asArray,
  z
    .array(
      z
        .string({ error: 'interventions.v.wijkCodes.format' })
        .trim()
        .toUpperCase()
        .regex(regionCodePatterns.wijk, { error: 'interventions.v.wijkCodes.format' }),
      { error: 'interventions.v.wijkCodes.required' },
    )
    .min(1, { error: 'interventions.v.wijkCodes.required' })
    .max(10, { error: 'interventions.v.wijkCodes.max' })
    .transform((codes) => [...new Set(codes)]),
)

const place = z.enum(interventionPlaces, { error: 'interventions.v.place.unknown' })
const targetGroup = z.string({ error: 'interventions.v.targetGroup.max' }).trim().max(200, {
  error: 'interventions.v.targetGroup.max',
})

const riskFactors = z.preprocess(
  asArray,
  z
    .array(
      z
        .string({ error: 'interventions.v.riskFactors.unknown' })
        .refine((code) => indicatorByCode.has(code), { error: 'interventions.v.riskFactors.unknown' }),
      { error: 'interventions.v.riskFactors.unknown' },
    )
    .max(20, { error: 'interventions.v.riskFactors.max' })
    .transform((codes) => [...new Set(codes)]),
)

/** A recognised intervention it builds on (NJi Databank): a name is what makes it a reference. */
const reference = z.object(
  {
    name: requiredString('interventions.v.reference.name', 200, 'interventions.v.reference.nameMax'),
    url: z.preprocess(
      emptyToUndefined,
      z
        .string({ error: 'interventions.v.reference.url' })
        .trim()
        .max(2000, { error: 'interventions.v.reference.url' })
        .refine(isWebUrl, { error: 'interventions.v.reference.url' })
        .optional(),
    ),
    level: z.preprocess(
      emptyToUndefined,
      z.enum(recognitionLevels, { error: 'interventions.v.reference.level' }).optional(),
    ),
  },
  { error: 'interventions.v.reference.name' },
)

/** `POST /api/v1/interventions` and the new-intervention form (also from a prototype frame). */
export const createInterventionSchema = z.object({
  title,
  question,
  wijkCodes,
  place: z.preprocess(emptyToUndefined, place.optional()),
  targetGroup: z.preprocess(emptyToUndefined, targetGroup.optional()),
  sessionId: z.preprocess(emptyToUndefined, id('interventions.v.sessionId.required').optional()),
  frameId: z.preprocess(emptyToUndefined, id('interventions.v.frameId.required').optional()),
  riskFactors: riskFactors.optional(),
  reference: z.preprocess((v) => (v === null ? undefined : v), reference.optional()),
})
export type CreateInterventionInput = z.infer<typeof createInterventionSchema>

/**
 * Editing an intervention: only what is sent changes. Place, target group and reference can be
 * cleared (null or an empty field gives null); title, question and wijken cannot be emptied.
 */
export const updateInterventionSchema = z.object({
  title: title.optional(),
  question: question.optional(),
  wijkCodes: wijkCodes.optional(),
  place: z.preprocess(emptyToNull, place.nullable().optional()),
  targetGroup: z.preprocess(emptyToNull, targetGroup.nullable().optional()),
  riskFactors: riskFactors.optional(),
  reference: reference.nullable().optional(),
})
export type UpdateInterventionInput = z.infer<typeof updateInterventionSchema>

/** Every status change says why (the timeline shows it). Which change is allowed: target-status.ts. */
export const statusChangeSchema = z.object({
  status: z.enum(interventionStatuses, { error: 'interventions.v.status.unknown' }),
  reason: requiredString('interventions.v.statusReason.required', 1000, 'interventions.v.statusReason.max'),
})

/** `{ status: key }` when the lifecycle does not allow going from `from` to `to` (target-status.ts); else `{}`. */
export function checkStatusChange(from: InterventionStatus, to: InterventionStatus): Record<string, string> {
  return isAllowedStatusChange(from, to) ? {} : { status: 'interventions.v.status.notAllowed' }
}

export const memberSchema = z.object({
  email: z
    .string({ error: 'interventions.v.email.required' })
    .trim()
    .min(1, { error: 'interventions.v.email.required' })
    .pipe(z.email({ error: 'interventions.v.email.invalid' })),
})

// ---------------------------------------------------------------------------------------------
// Targets and measurements

/**
 * A target. Without `baseline` the server takes it from the wijk data (metrics.ts,
 * baselineFromProfile); with it, the baseline was entered by hand and needs its source note.
 * The rules between fields and against today are `checkTarget`.
 */
export const targetInputSchema = z.object({
  metric: z.string({ error: 'interventions.v.metric.unknown' }).refine(isMetricCode, {
    error: 'interventions.v.metric.unknown',
  }),
  direction: z.enum(targetDirections, { error: 'interventions.v.direction.unknown' }),
  baseline: z
    .object(
      {
        value: decimal('interventions.v.baseline.value'),
        source: requiredString('interventions.v.baseline.source', 300, 'interventions.v.baseline.sourceMax'),
        period: optionalText(40, 'interventions.v.period.max'),
        date: z.preprocess(
          emptyToUndefined,
          isoDate('interventions.v.baseline.date')
            .refine((d) => d <= todayIso(), { error: 'interventions.v.baseline.dateFuture' })
            .optional(),
        ),
      },
      { error: 'interventions.v.baseline.value' },
    )
    .optional(),
  /** With a baseline from the wijk data: the period to take it from (a CBS period key), else the newest. */
  baselinePeriod: z.preprocess(
    emptyToUndefined,
    z
      .string({ error: 'interventions.v.baselinePeriod.format' })
      .regex(/^\d{4}(JJ00|HJ0[12]|KW0[1-4]|MM(0[1-9]|1[0-2]))$/, { error: 'interventions.v.baselinePeriod.format' })
      .optional(),
  ),
  /** With a baseline from the wijk data: which of the intervention's wijken, else its first. */
  wijkCode: z.preprocess(
    emptyToUndefined,
    z
      .string({ error: 'interventions.v.wijkCodes.format' })
      .trim()
      .toUpperCase()
      .regex(regionCodePatterns.wijk, { error: 'interventions.v.wijkCodes.format' })
      .optional(),
  ),
  targetValue: decimal('interventions.v.targetValue.number'),
  targetDate: isoDate('interventions.v.targetDate.format'),
})
export type TargetInput = z.infer<typeof targetInputSchema>

/**
 * The date a hand-entered baseline stands for: the date given, else the end of its period when
 * that is a CBS period, else today (the figure is what the team knows now).
 */
export function handBaselineDate(baseline: { period?: string; date?: string }, now: Date): string {
  return baseline.date ?? (baseline.period ? tryPeriodEndDate(baseline.period) : null) ?? todayIso(now)
}

const rangeKey = {
  percent: 'interventions.v.value.percent',
  per1000: 'interventions.v.value.per1000',
  count: 'interventions.v.value.count',
} as const

/** The message key when `value` cannot be a figure of `metric`, else null. */
function rangeError(metric: MetricDefinition, value: number): string | null {
  const range = valueRange(metric)
  const fits =
    Number.isFinite(value) && value >= range.min && value <= range.max && (!range.integer || Number.isInteger(value))
  return fits ? null : rangeKey[metric.unitKind]
}

/**
 * The rules of a target that go beyond one field, as `{ field: key }` (empty when all is well):
 * the values fit the metric's unit, the target lies beyond the baseline in the good direction
 * (a target equal to the baseline promises nothing), and the target date lies after today (and
 * after the baseline's date, when given).
 */
export function checkTarget(
  input: {
    metric: string | MetricDefinition
    direction: TargetDirection
    baselineValue: number
    targetValue: number
    targetDate: string
    baselineDate?: string
  },
  now: Date,
): Record<string, string> {
  const errors: Record<string, string> = {}
  const metric = typeof input.metric === 'string' ? findMetric(input.metric) : input.metric
  if (!metric) errors.metric = 'interventions.v.metric.unknown'
  else {
    const baselineError = rangeError(metric, input.baselineValue)
    const targetError = rangeError(metric, input.targetValue)
    if (baselineError) errors.baseline = baselineError
    if (targetError) errors.targetValue = targetError
    else if (!baselineError) {
      const beyond =
        input.direction === 'lower' ? input.targetValue < input.baselineValue : input.targetValue > input.baselineValue
      if (!beyond) {
        errors.targetValue =
          input.direction === 'lower' ? 'interventions.v.targetValue.notLower' : 'interventions.v.targetValue.notHigher'
      }
    }
  }
  if (!isIsoDate(input.targetDate)) errors.targetDate = 'interventions.v.targetDate.format'
  else if (input.targetDate <= todayIso(now)) errors.targetDate = 'interventions.v.targetDate.future'
  else if (input.baselineDate && input.targetDate <= input.baselineDate) {
    errors.targetDate = message('interventions.v.targetDate.afterBaseline', { date: input.baselineDate })
  }
  return errors
}

/** A measurement; whether its value fits the target's metric is `checkMeasurementValue`. */
export const measurementSchema = z.object({
  targetId: id('interventions.v.targetId.required'),
  value: decimal('interventions.v.value.number'),
  date: isoDate('interventions.v.date.format').refine((d) => d <= todayIso(), {
    error: 'interventions.v.date.future',
  }),
  period: optionalText(40, 'interventions.v.period.max'),
  source: requiredString('interventions.v.source.required', 300, 'interventions.v.source.max'),
  provisional: checkbox('interventions.v.provisional.type').optional(),
})
export type MeasurementInput = z.infer<typeof measurementSchema>

/** `{ value: key }` when the value cannot be a figure of the metric (out of range, a fraction of a count); else `{}`. */
export function checkMeasurementValue(metric: string | MetricDefinition, value: number): Record<string, string> {
  const def = typeof metric === 'string' ? findMetric(metric) : metric
  if (!def) return { targetId: 'interventions.v.metric.unknown' }
  const error = rangeError(def, value)
  return error ? { value: error } : {}
}

export const judgementSchema = z.object({
  judgement: z.enum(targetJudgements, { error: 'interventions.v.judgement.unknown' }),
  note: optionalText(1000, 'interventions.v.judgement.noteMax'),
})

// ---------------------------------------------------------------------------------------------
// Versions and comments

/** The largest image a version keeps, in characters of its text (SVG) or base64 (PNG). */
export const MAX_IMAGE_CHARS = 8 * 1024 * 1024

const PNG_DATA_URL = 'data:image/png;base64,'
/** Base64 of the PNG signature (89 50 4E 47 0D 0A 1A 0A). */
const PNG_BASE64_START = 'iVBORw0KGgo'

/**
 * A saved version (`POST …/versions`). `content` is the browser's copy of the frame, which the
 * server checks against what it reads from the room itself; the images are the browser's
 * rendering. The PNG comes as base64 or a data: URL and leaves the parse as bare base64.
 */
export const saveVersionSchema = z.object({
  sessionId: id('interventions.v.sessionId.required'),
  frameId: id('interventions.v.frameId.required'),
  reason: requiredString('interventions.v.versionReason.required', 2000, 'interventions.v.versionReason.max'),
  name: optionalText(80, 'interventions.v.versionName.max'),
  content: z.unknown().optional(),
  svg: z
    .string({ error: 'interventions.v.svg.format' })
    .max(MAX_IMAGE_CHARS, { error: 'interventions.v.image.tooBig' })
    .refine((s) => /^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(s), { error: 'interventions.v.svg.format' })
    .optional(),
  png: z
    .string({ error: 'interventions.v.png.format' })
    .max(MAX_IMAGE_CHARS, { error: 'interventions.v.image.tooBig' })
    .transform((s) => (s.startsWith(PNG_DATA_URL) ? s.slice(PNG_DATA_URL.length) : s))
    .refine((s) => s.startsWith(PNG_BASE64_START) && /^[A-Za-z0-9+/]+={0,2}$/.test(s), {
      error: 'interventions.v.png.format',
    })
    .optional(),
})
export type SaveVersionInput = z.infer<typeof saveVersionSchema>

export const restoreSchema = z.object({ sessionId: id('interventions.v.sessionId.required') })

/** A comment on a version, on a measurement, or (with neither) on the intervention as a whole. */
export const commentSchema = z
  .object({
    text: requiredString('interventions.v.comment.required', 2000, 'interventions.v.comment.max'),
    versionNumber: z.preprocess(
      parseDecimal,
      z
        .number({ error: 'interventions.v.versionNumber.format' })
        .int({ error: 'interventions.v.versionNumber.format' })
        .positive({ error: 'interventions.v.versionNumber.format' })
        .optional(),
    ),
    measurementId: z.preprocess(emptyToUndefined, id('interventions.v.measurementId.required').optional()),
  })
  .refine((c) => c.versionNumber === undefined || c.measurementId === undefined, {
    error: 'interventions.v.comment.both',
    path: ['measurementId'],
  })
