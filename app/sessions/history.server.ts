import * as Y from 'yjs'
import type { RoomHistoryEntry } from '../../db/schema'
import { singleton } from '../../db/singleton'
import { META_KEY } from '~/canvas/yjs-binding'
import { getRecordMap, replaceRecords } from '~/canvas/y-records'
import type { CollabControl } from '~/load-context'

/**
 * A werksessie canvas's history in tldraw's terms: the collab server keeps whole-room moments
 * (server/collab/history.ts, docs/collab-protocol.md "History"); here they are read as records,
 * counted and restored. Who may do this is the caller's check (the facilitator of the session).
 */

export interface MomentSummary {
  id: number
  /** ISO 8601 */
  takenAt: string
  reason: RoomHistoryEntry['reason']
  shapeCount: number
}

/** A moment's canvas as records, with the schema they were written with (for tldraw to migrate). */
interface MomentCanvas {
  records: Map<string, unknown>
  schema: unknown
}

function readMoment(state: Uint8Array): MomentCanvas {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    return { records: new Map(getRecordMap(doc).entries()), schema: doc.getMap<unknown>(META_KEY).get('schema') }
  } finally {
    doc.destroy()
  }
}

const isShape = (value: unknown) => (value as { typeName?: unknown } | null)?.typeName === 'shape'

/**
 * Moments never change, so their shape counts are remembered (by room and moment id; SQLite never
 * reuses an id) instead of decoding every moment on every listing. Bounded; the oldest go first.
 */
const shapeCounts = () => singleton('history-shape-counts', () => new Map<string, number>())
const MAX_CACHED_COUNTS = 10_000

function shapeCountOf(collab: CollabControl, roomId: string, id: number): number {
  const cache = shapeCounts()
  const key = `${roomId}:${id}`
  const cached = cache.get(key)
  if (cached !== undefined) return cached
  const state = collab.history.get(roomId, id)
  const count = state ? [...readMoment(state).records.values()].filter(isShape).length : 0
  if (cache.size >= MAX_CACHED_COUNTS) cache.delete(cache.keys().next().value!)
  cache.set(key, count)
  return count
}

/** A moment id from a path or form: a positive integer, or null (answered like an unknown one). */
export function parseMomentId(value: unknown): number | null {
  return typeof value === 'string' && /^[1-9]\d{0,14}$/.test(value) ? Number(value) : null
}

/** The room's moments, newest first. */
export function listMoments(collab: CollabControl, roomId: string): MomentSummary[] {
  return collab.history.list(roomId).map((moment) => ({
    id: moment.id,
    takenAt: moment.takenAt.toISOString(),
    reason: moment.reason,
    shapeCount: shapeCountOf(collab, roomId, moment.id),
  }))
}

/** One moment with its records, for a read-only view; undefined if the room has no such moment. */
export function getMoment(collab: CollabControl, roomId: string, id: number) {
  const summary = collab.history.list(roomId).find((moment) => moment.id === id)
  const state = summary && collab.history.get(roomId, id)
  if (!summary || !state) return undefined
  const { records, schema } = readMoment(state)
  return {
    id,
    takenAt: summary.takenAt.toISOString(),
    reason: summary.reason,
    shapeCount: [...records.values()].filter(isShape).length,
    schema: schema ?? null,
    records: [...records.values()],
  }
}

/**
 * Puts the canvas back as it was at a moment, as a new change: the room as it is now is kept
 * first (a 'restore' moment), then one server write sets every record that differs and deletes
 * every record the moment did not have. Everyone in the room receives it like any other change,
 * so all clients converge, and nothing is lost: the state before is itself a moment.
 * Returns undefined if the room has no such moment.
 */
export async function restoreMoment(collab: CollabControl, roomId: string, id: number) {
  const state = collab.history.get(roomId, id)
  if (!state) return undefined
  const { records, schema } = readMoment(state)
  const changed = await collab.transact(
    roomId,
    (doc) => {
      const result = replaceRecords(doc, records)
      // The records keep the schema they were written with, so clients migrate them if needed.
      const meta = doc.getMap<unknown>(META_KEY)
      if (schema !== undefined && JSON.stringify(meta.get('schema')) !== JSON.stringify(schema)) {
        meta.set('schema', schema)
      }
      return result
    },
    { remember: 'restore' },
  )
  return { restored: id, ...changed }
}
