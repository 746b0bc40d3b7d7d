/**
 * What the intervention pages and the JSON API receive (issue 10): one view model, made on the
 * server (interventions.server.ts), that pages and `GET /api/v1/interventions/:id` share. Kept
 * apart from the *.server.ts modules so browser code can name these shapes.
 */
import type {
  InterventionPlace,
  InterventionStatus,
  RecognitionLevel,
  TargetDirection,
  TargetJudgement,
} from '../../db/interventions'

/** Where a baseline came from: a figure of the wijk data (with its cell), or typed in with a source note. */
export type BaselineSource =
  | {
      kind: 'data'
      /** the wijk profile indicator(s) it was computed from */
      indicators: string[]
      regionCode: string
      /** 'gemeente': CBS publishes the figure only per gemeente; the value is the gemeente's */
      level: 'wijk' | 'gemeente'
      table: string
      column: string
      period: string
    }
  | { kind: 'hand'; note: string; period?: string }

/** The computed status of a target (target-status.ts, the one place it is computed). */
export type TargetStatus = 'bereikt' | 'op-koers' | 'achter' | 'geen-meting'

export interface TargetView {
  id: string
  metric: string
  direction: TargetDirection
  baseline: { value: number; date: string; source: BaselineSource }
  targetValue: number
  /** ISO date */
  targetDate: string
  status: TargetStatus
  judgement: { value: TargetJudgement; note: string | null; by: string | null; at: string } | null
  createdAt: string
}

export interface MeasurementView {
  id: string
  targetId: string
  value: number
  /** ISO date */
  date: string
  period: string | null
  source: string
  provisional: boolean
  origin: { kind: 'hand' } | { kind: 'data'; table: string; column: string; period: string; regionCode: string }
  createdAt: string
}

/** What a version keeps of a target: as it was at that moment. */
export interface TargetSnapshot {
  id: string
  metric: string
  direction: TargetDirection
  baselineValue: number
  targetValue: number
  targetDate: string
}

export interface VersionSummary {
  number: number
  name: string | null
  reason: string
  contentHash: string
  shapeCount: number
  hasSvg: boolean
  hasPng: boolean
  sessionId: string | null
  frameId: string | null
  phase: string | null
  basedOn: number | null
  createdBy: string | null
  createdAt: string
}

export interface StatusChangeView {
  from: InterventionStatus | null
  to: InterventionStatus
  reason: string
  by: string | null
  at: string
}

export interface RestoreView {
  version: number
  sessionId: string
  sessionTitle: string
  at: string
}

export interface CommentView {
  id: number
  versionNumber: number | null
  measurementId: string | null
  text: string
  by: string | null
  createdAt: string
}

export interface InterventionView {
  id: string
  title: string
  question: string
  targetGroup: string | null
  place: InterventionPlace | null
  wijkCodes: string[]
  riskFactors: string[]
  owner: { id: string; name: string }
  team: { id: string; name: string }[]
  reference: { name: string; url: string | null; level: RecognitionLevel | null } | null
  status: InterventionStatus
  originSessionId: string | null
  createdAt: string
  updatedAt: string
  targets: TargetView[]
  versions: VersionSummary[]
  measurements: MeasurementView[]
  statusHistory: StatusChangeView[]
  comments: CommentView[]
  /** versions placed back on a werksessie's canvas (while that werksessie exists) */
  restores: RestoreView[]
  /** the caller may edit (owner or team) */
  canEdit: boolean
}

/** `GET …/versions/compare`: what changed between two versions. */
export interface VersionDiff {
  from: number
  to: number
  added: ShapeChange[]
  removed: ShapeChange[]
  changed: { shapeId: string; type: string; textBefore: string; textAfter: string; moved: boolean }[]
  targets: {
    added: TargetSnapshot[]
    removed: TargetSnapshot[]
    changed: { id: string; metric: string; before: TargetSnapshot; after: TargetSnapshot }[]
  }
}

export interface ShapeChange {
  shapeId: string
  type: string
  text: string
}

/** A newer figure of the wijk data the team may add as a measurement of a data baseline (`offeredMeasurements`). */
export interface OfferedMeasurement {
  targetId: string
  value: number
  date: string
  /** CBS period key, e.g. 2024HJ01 */
  period: string
  /** its Dutch title, e.g. "1e halfjaar 2024" */
  periodLabel: string
  source: string
  provisional: boolean
}
