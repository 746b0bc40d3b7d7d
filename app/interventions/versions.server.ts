/**
 * Prototype versions (issue 10, items 3–5): saving a frame as an immutable version, comparing two
 * versions and placing one back on a canvas as a new frame. The server reads the frame from the
 * live room itself; what a browser sends (its view of the frame, the images it rendered) is checked
 * against that, never stored in its place. The table refuses UPDATE and DELETE (migration 0006).
 */
import crypto from 'node:crypto'
import { getIndexAbove, type IndexKey } from '@tldraw/utils'
import { and, asc, desc, eq, max } from 'drizzle-orm'
import type { Db } from '../../db/client'
import {
  interventionFrames,
  interventionTargets,
  interventionVersions,
  type InterventionVersion,
  type User,
} from '../../db/schema'
import type { CommandResult } from '~/auth/commands.server'
import { META_MAP, SCHEMA_FIELD } from '~/canvas-doc'
import {
  childrenOf,
  ensurePage,
  highestIndex,
  isShape,
  readRecords,
  writeRecords,
  type ShapeRecord,
} from '~/facilitation/canvas-writes'
import { shapeBounds } from '~/facilitation/note-layout'
import type { CollabControl } from '~/load-context'
import { claimRecords } from '~/rooms/record-owners.server'
import { mainRoomId } from '~/rooms/rooms.server'
import { findOwnSession } from '~/sessions/own-session.server'
import { fieldErrors } from '~/validation'
import { canonicalJson } from './canonical'
import { editable, linkSession, refuse, touch } from './interventions.server'
import { diffShapes, diffTargets, type VersionContent } from './shape-diff'
import { contentForRestore, frameContent, sameFrameContent, serverSchema, validateContent } from './tl-content'
import type { BaselineSource, TargetSnapshot, VersionDiff } from './types'
import { checkPng, checkSvg } from './version-images'
import { restoreSchema, saveVersionSchema } from './validation'

const newId = () => crypto.randomBytes(12).toString('base64url')

/** Space between the frame a version is restored into and the one beside it. */
const RESTORE_SPACING = 160

export const contentHash = (content: unknown) =>
  crypto.createHash('sha256').update(canonicalJson(content)).digest('hex')

function frameLink(db: Db, sessionId: string, frameId: string) {
  return db
    .select()
    .from(interventionFrames)
    .where(and(eq(interventionFrames.workshopSessionId, sessionId), eq(interventionFrames.frameId, frameId)))
    .get()
}

function targetSnapshots(db: Db, interventionId: string): TargetSnapshot[] {
  return db
    .select()
    .from(interventionTargets)
    .where(eq(interventionTargets.interventionId, interventionId))
    .orderBy(asc(interventionTargets.createdAt))
    .all()
    .map((t) => ({
      id: t.id,
      metric: t.metric,
      direction: t.direction,
      baselineValue: t.baselineValue,
      targetValue: t.targetValue,
      targetDate: t.targetDate,
    }))
}

/**
 * The data periods a version was made with: those of its targets' data baselines and of the wijk
 * cards in the frame (each card is a snapshot of one period, app/canvas/cards/shape-types.ts).
 */
function dataPeriods(db: Db, interventionId: string, records: readonly object[]) {
  const periods: { kind: 'target' | 'card'; indicator: string; regionCode: string; table?: string; period: string }[] =
    []
  for (const t of db
    .select()
    .from(interventionTargets)
    .where(eq(interventionTargets.interventionId, interventionId))
    .all()) {
    const source = JSON.parse(t.baselineSource) as BaselineSource
    if (source.kind === 'data')
      periods.push({
        kind: 'target',
        indicator: source.indicators.join('+'),
        regionCode: source.regionCode,
        table: source.table,
        period: source.period,
      })
  }
  for (const record of records as { typeName?: string; type?: string; props?: Record<string, unknown> }[]) {
    const props = record.props
    if (record.typeName !== 'shape' || !props) continue
    if (record.type === 'wijk-indicator' && typeof props.period === 'string')
      periods.push({
        kind: 'card',
        indicator: String(props.indicatorCode),
        regionCode: String(props.wijkCode),
        period: props.period,
      })
    if (record.type === 'wijk-cocktail' && typeof props.version === 'string')
      periods.push({ kind: 'card', indicator: 'cocktail', regionCode: String(props.wijkCode), period: props.version })
  }
  return periods
}

export interface SaveVersionOptions {
  /** the request came from a browser (it carries Sec-Fetch-* or Origin): it must send the images */
  fromBrowser: boolean
}

/**
 * Freezes a frame of a werksessie's main canvas as the intervention's next version. The frame is
 * the intervention's (started from it or restored into it), or not yet anyone's (it becomes this
 * one's). The content is the server's read of the room, checked against the tldraw schema; a
 * browser's `content` must match it (else 409: its view was out of date) and its images are checked.
 */
export async function saveVersion(
  db: Db,
  collab: CollabControl,
  user: User,
  id: string,
  input: unknown,
  options: SaveVersionOptions,
): Promise<CommandResult<{ number: number }>> {
  const found = editable(db, user, id)
  if (!found.ok) return found
  const parsed = saveVersionSchema.safeParse(input)
  if (!parsed.success) return refuse(400, fieldErrors(parsed.error))
  const { sessionId, frameId, reason, name, content: browserContent, svg, png } = parsed.data
  const own = findOwnSession(db, user, sessionId)
  if (!own.ok) return refuse(400, { sessionId: 'interventions.error.sessionNotYours' })
  const link = frameLink(db, sessionId, frameId)
  if (link && link.interventionId !== id) return refuse(409, { frameId: 'interventions.error.frameTaken' })

  const roomId = mainRoomId(db, sessionId)
  // A room no browser has opened yet has no stored schema: its records are the server's own
  // writes, in the current schema (they are validated against it all the same).
  const read = await collab.transact(roomId, (doc) =>
    frameContent(
      readRecords(doc),
      frameId,
      doc.getMap<unknown>(META_MAP).get(SCHEMA_FIELD) ?? serverSchema().serialize(),
    ),
  )
  if (!read) return refuse(400, { frameId: 'interventions.error.noFrame' })
  const checked = validateContent(read)
  if (!checked.ok) {
    console.warn(`intervention ${id}: frame ${frameId} of room ${roomId} cannot be kept as a version: ${checked.error}`)
    return refuse(400, { frameId: 'interventions.error.invalidContent' })
  }
  if (browserContent !== undefined && !sameFrameContent(browserContent, checked.content))
    return refuse(409, { content: 'interventions.error.outOfDate' })

  if (options.fromBrowser && (svg === undefined || png === undefined))
    return refuse(400, { [svg === undefined ? 'svg' : 'png']: 'interventions.error.imageMissing' })
  const svgChecked = svg === undefined ? undefined : checkSvg(svg)
  if (svgChecked && !svgChecked.ok) return refuse(400, { svg: svgChecked.error })
  const pngChecked = png === undefined ? undefined : checkPng(png)
  if (pngChecked && !pngChecked.ok) return refuse(400, { png: pngChecked.error })

  const stored = checked.content
  const number = db.transaction((tx) => {
    const last = tx
      .select({ n: max(interventionVersions.number) })
      .from(interventionVersions)
      .where(eq(interventionVersions.interventionId, id))
      .get()
    const next = (last?.n ?? 0) + 1
    tx.insert(interventionVersions)
      .values({
        id: newId(),
        interventionId: id,
        number: next,
        name: name ?? null,
        reason,
        content: JSON.stringify(stored),
        contentHash: contentHash(stored),
        svg: svgChecked?.ok ? svgChecked.svg : null,
        png: pngChecked?.ok ? pngChecked.bytes : null,
        targets: JSON.stringify(targetSnapshots(tx as unknown as Db, id)),
        dataPeriods: JSON.stringify(dataPeriods(tx as unknown as Db, id, stored.records)),
        workshopSessionId: sessionId,
        frameId,
        phase: own.session.phase,
        basedOn: link?.fromVersion ?? null,
        createdBy: user.id,
        createdByName: user.name,
      })
      .run()
    if (!link) tx.insert(interventionFrames).values({ workshopSessionId: sessionId, frameId, interventionId: id }).run()
    linkSession(tx as unknown as Db, id, sessionId)
    return next
  })
  touch(db, id)
  if (!link) {
    await collab.transact(roomId, (doc) => {
      const records = readRecords(doc)
      const frame = records.get(frameId)
      if (!isShape(frame)) return
      const marked: ShapeRecord = { ...frame, meta: { ...frame.meta, interventionId: id } }
      writeRecords(doc, records, [marked])
    })
  }
  return { ok: true, value: { number } }
}

export function getVersion(db: Db, interventionId: string, number: number): InterventionVersion | undefined {
  return db
    .select()
    .from(interventionVersions)
    .where(and(eq(interventionVersions.interventionId, interventionId), eq(interventionVersions.number, number)))
    .get()
}

/** A version number from a path or query: a positive integer, or null (answered like an unknown one). */
export function parseVersionNumber(value: unknown): number | null {
  return typeof value === 'string' && /^[1-9]\d{0,6}$/.test(value) ? Number(value) : null
}

export function compareVersions(db: Db, interventionId: string, from: number, to: number): VersionDiff | undefined {
  const a = getVersion(db, interventionId, from)
  const b = getVersion(db, interventionId, to)
  if (!a || !b) return undefined
  const contentA = JSON.parse(a.content) as VersionContent
  const contentB = JSON.parse(b.content) as VersionContent
  return {
    from,
    to,
    ...diffShapes(contentA, contentB),
    targets: diffTargets(JSON.parse(a.targets) as TargetSnapshot[], JSON.parse(b.targets) as TargetSnapshot[]),
  }
}

/**
 * Where a restored frame goes: beside the intervention's newest frame on that canvas (else right of
 * everything on the first page), moved right past anything it would overlap. Never on top of a shape.
 */
function restorePlace(
  records: Map<string, unknown>,
  pageId: string,
  beside: ShapeRecord | undefined,
  size: { w: number; h: number },
) {
  const onPage = childrenOf(records, pageId)
  const bounds = onPage.map(shapeBounds)
  let x = beside ? beside.x + Number(beside.props.w ?? 0) + RESTORE_SPACING : 0
  const y = beside ? beside.y : 0
  if (!beside && bounds.length) x = Math.max(...bounds.map((b) => b.x + b.w)) + RESTORE_SPACING
  for (;;) {
    const hit = bounds.find((b) => x < b.x + b.w && x + size.w > b.x && y < b.y + b.h && y + size.h > b.y)
    if (!hit) return { x, y }
    x = hit.x + hit.w + RESTORE_SPACING
  }
}

/**
 * Places a version back on a werksessie's canvas as a new frame beside the current one: ids
 * remapped, records migrated through the version's stored schema, nothing on the canvas changed.
 * The new frame remembers the version, so saving from it makes the next version of this intervention.
 */
export async function restoreVersion(
  db: Db,
  collab: CollabControl,
  user: User,
  id: string,
  number: number,
  input: unknown,
): Promise<CommandResult<{ frameId: string }>> {
  const found = editable(db, user, id)
  if (!found.ok) return found
  const version = getVersion(db, id, number)
  if (!version) return refuse(404, { _form: 'interventions.error.noVersion' })
  const parsed = restoreSchema.safeParse(input)
  if (!parsed.success) return refuse(400, fieldErrors(parsed.error))
  const own = findOwnSession(db, user, parsed.data.sessionId)
  if (!own.ok) return refuse(400, { sessionId: 'interventions.error.sessionNotYours' })
  const sessionId = own.session.id
  const roomId = mainRoomId(db, sessionId)
  const ownFrames = db
    .select({ frameId: interventionFrames.frameId })
    .from(interventionFrames)
    .where(and(eq(interventionFrames.workshopSessionId, sessionId), eq(interventionFrames.interventionId, id)))
    .orderBy(desc(interventionFrames.createdAt))
    .all()
  const content = JSON.parse(version.content) as VersionContent
  const frameId = await collab.transact(roomId, (doc) => {
    const records = readRecords(doc)
    const beside = ownFrames.map((f) => records.get(f.frameId)).find(isShape)
    const pageId = beside && records.has(beside.parentId) ? beside.parentId : ensurePage(doc, records)
    const original = content.records.find((r) => r.typeName === 'shape' && r.type === 'frame') as
      ShapeRecord | undefined
    const size = { w: Number(original?.props.w ?? 0), h: Number(original?.props.h ?? 0) }
    const { x, y } = restorePlace(records, pageId, beside, size)
    const index = getIndexAbove(highestIndex(childrenOf(records, pageId)) as IndexKey | null)
    const placed = contentForRestore(content, { newId, pageId, x, y, index })
    const frame = placed.find((r) => r.typeName === 'shape' && (r as { type?: string }).type === 'frame') as
      ShapeRecord | undefined
    if (!frame) throw new Error(`version ${id} v${number} has no frame`)
    frame.meta = { ...frame.meta, interventionId: id, restoredFrom: number }
    writeRecords(doc, records, placed)
    claimRecords(
      db,
      roomId,
      `u:${user.id}`,
      placed.map((r) => r.id),
    )
    return frame.id
  })
  db.transaction((tx) => {
    tx.insert(interventionFrames)
      .values({ workshopSessionId: sessionId, frameId, interventionId: id, fromVersion: number })
      .run()
    linkSession(tx as unknown as Db, id, sessionId)
  })
  touch(db, id)
  return { ok: true, value: { frameId } }
}

/** A version's rendered image, as stored. */
export function versionImage(db: Db, interventionId: string, number: number, kind: 'svg' | 'png') {
  const version = getVersion(db, interventionId, number)
  if (kind === 'svg') return version?.svg ?? undefined
  return version?.png ?? undefined
}
