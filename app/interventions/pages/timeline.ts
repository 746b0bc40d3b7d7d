import type {
  CommentView,
  InterventionView,
  MeasurementView,
  RestoreView,
  StatusChangeView,
  TargetView,
  VersionSummary,
} from '~/interventions/types'

/** One thing that happened to an intervention, for its timeline. */
export type TimelineEvent =
  | { kind: 'version'; at: string; version: VersionSummary }
  | { kind: 'status'; at: string; change: StatusChangeView }
  | { kind: 'target'; at: string; target: TargetView }
  | { kind: 'measurement'; at: string; measurement: MeasurementView }
  | { kind: 'comment'; at: string; comment: CommentView }
  | { kind: 'restore'; at: string; restore: RestoreView }

export type TimelineOrder = 'newest' | 'oldest'

/**
 * Everything that happened, in time order. A measurement stands at the date it measures (that is
 * when the figure was true), not when someone typed it in; the rest at when it was done. Newest
 * first by default: a team that comes back wants to see first what happened since it last looked.
 * Ties keep a fixed order (a version before the comments on it) so the page does not reshuffle.
 */
export function timelineEvents(view: InterventionView, order: TimelineOrder = 'newest'): TimelineEvent[] {
  const events: TimelineEvent[] = [
    ...view.versions.map((version) => ({ kind: 'version' as const, at: version.createdAt, version })),
    ...view.statusHistory.map((change) => ({ kind: 'status' as const, at: change.at, change })),
    ...view.targets.map((target) => ({ kind: 'target' as const, at: target.createdAt, target })),
    ...view.measurements.map((measurement) => ({
      kind: 'measurement' as const,
      at: measurement.date,
      measurement,
    })),
    ...view.comments.map((comment) => ({ kind: 'comment' as const, at: comment.createdAt, comment })),
    ...view.restores.map((restore) => ({ kind: 'restore' as const, at: restore.at, restore })),
  ]
  const rank = { status: 0, target: 1, version: 2, restore: 3, measurement: 4, comment: 5 }
  const time = (e: TimelineEvent) => Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(e.at) ? `${e.at}T12:00:00Z` : e.at)
  events.sort((a, b) => time(a) - time(b) || rank[a.kind] - rank[b.kind])
  return order === 'newest' ? events.reverse() : events
}
