/**
 * The status rules of interventions (issue 10), each in one place: the computed status of a
 * target against its measurements, and the lifecycle of an intervention (which status may follow
 * which, and the traffic light it shows as). Pages, the API, the report and the export call these.
 */
import type { TargetStatus } from '~/interventions/types'
import { interventionStatuses, type InterventionStatus, type TargetDirection } from '../../db/interventions'
import { isoDay } from './dates'

export interface TargetLine {
  direction: TargetDirection
  baselineValue: number
  /** ISO date */
  baselineDate: string
  targetValue: number
  /** ISO date */
  targetDate: string
}

export interface MeasuredValue {
  value: number
  /** ISO date */
  date: string
}

/**
 * Where the straight line from (baselineDate, baselineValue) to (targetDate, targetValue) is on
 * `date`. Before the baseline date it stays at the baseline, after the target date at the
 * target: the team promised no more than the target, and nothing before it started.
 */
export function expectedOnLine(target: Omit<TargetLine, 'direction'>, date: string): number {
  const start = isoDay(target.baselineDate)
  const end = isoDay(target.targetDate)
  const at = isoDay(date)
  if (at >= end) return target.targetValue
  if (at <= start) return target.baselineValue
  return target.baselineValue + ((target.targetValue - target.baselineValue) * (at - start)) / (end - start)
}

/**
 * Measured values are rounded to the metric's decimals, the line is not: a measurement that is
 * on the line as the team reads it must not be "achter" by a floating-point hair.
 */
const EPSILON = 1e-9

/** `value` is at `reference` or on the good side of it. */
function atOrBetter(direction: TargetDirection, value: number, reference: number): boolean {
  const slack = EPSILON * Math.max(1, Math.abs(reference))
  return direction === 'lower' ? value <= reference + slack : value >= reference - slack
}

/** The measurement that counts: the latest by date; of several on one date, the last one given (the last recorded). */
export function latestMeasurement<M extends MeasuredValue>(measurements: readonly M[]): M | undefined {
  let latest: M | undefined
  for (const m of measurements) if (!latest || m.date >= latest.date) latest = m
  return latest
}

/**
 * The computed status of a target, from its latest measurement:
 * - geen-meting: no measurement yet;
 * - bereikt: at or past the target value (for the direction);
 * - op-koers: at or better than the straight line from baseline to target on its date;
 * - achter: worse than that line.
 */
export function targetStatus(target: TargetLine, measurements: readonly MeasuredValue[]): TargetStatus {
  const latest = latestMeasurement(measurements)
  if (!latest) return 'geen-meting'
  if (atOrBetter(target.direction, latest.value, target.targetValue)) return 'bereikt'
  return atOrBetter(target.direction, latest.value, expectedOnLine(target, latest.date)) ? 'op-koers' : 'achter'
}

/** The steps of the lifecycle in order; gestopt stands beside them. */
const steps = interventionStatuses.filter((s) => s !== 'gestopt')

/**
 * The traffic light of an intervention's status, which says "is this approach in practice?":
 * groen once it is part of regular work (implementatie, geborgd), oranje while it is still being
 * designed or tried (idee, prototype, pilot: it can still change or stop), rood when it stopped.
 * An idea is not "bad", so it is not red; it is simply not yet in practice.
 */
export function statusLight(status: InterventionStatus): 'rood' | 'oranje' | 'groen' {
  if (status === 'gestopt') return 'rood'
  return status === 'implementatie' || status === 'geborgd' ? 'groen' : 'oranje'
}

/**
 * The statuses that may follow `status`: one step forward at a time (a pilot is not skipped on
 * the way to implementation), one step back (a pilot that needs rework goes back to prototype),
 * gestopt from anywhere, and from gestopt only a fresh start as an idea or a prototype (what was
 * stopped is tried again before it can be a pilot). The reason is asked for every change.
 */
export function allowedNextStatuses(status: InterventionStatus): InterventionStatus[] {
  if (status === 'gestopt') return ['idee', 'prototype']
  const i = steps.indexOf(status)
  const next: InterventionStatus[] = []
  if (i + 1 < steps.length) next.push(steps[i + 1])
  if (i > 0) next.push(steps[i - 1])
  next.push('gestopt')
  return next
}

export const isAllowedStatusChange = (from: InterventionStatus, to: InterventionStatus) =>
  allowedNextStatuses(from).includes(to)
