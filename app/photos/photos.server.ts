/**
 * Photos from participants (issue 9; docs/decisions/011-participant-photos.md): a JPEG sent from
 * the phone page or the canvas is checked and stripped of its metadata here (jpeg.ts), stored in
 * `assets` (SQLite, beside the rooms), and placed on the sender's canvas as an image next to
 * their idea (photo-writes.ts), in one `collab.transact`. It is served only to people in the
 * session who may open the room it is in, and deleted with the session (the row cascades).
 */
import crypto from 'node:crypto'
import { and, count, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { assets, recordOwners, sessionLocks, type WorkshopSession } from '../../db/schema'
import { message, t } from '~/i18n'
import type { CollabControl } from '~/load-context'
import { readRecords, isShape, type ShapeRecord } from '~/facilitation/canvas-writes'
import { SESSION_LOCALE, stepFrameOrPlace } from '~/facilitation/facilitation.server'
import { claimRecords } from '~/rooms/record-owners.server'
import { isLocked, type CanvasRules } from '~/rooms/permissions'
import { findRoom, mainRoomId, privateRoomFor } from '~/rooms/rooms.server'
import { presenceIdFor, resolveCookies } from '~/sessions/access.server'
import type { CollabIdentity } from '~/sessions/identity'
import { sessionViewer } from '~/sessions/session-viewer.server'
import { cleanJpeg, type JpegProblem } from './jpeg'
import { PHOTO_ID, photoPath } from './paths'
import { placePhoto, removePhotosOf } from './photo-writes'

/** The longest side of a photo, in pixels: what the browser scales it to (downscaleToJpeg). */
export const MAX_PHOTO_SIDE = 1600
/** One photo's file, at most (the edge refuses a larger body before it is read: server/body-limits.ts). */
export const MAX_PHOTO_BYTES = 3 * 1024 * 1024
/** Photos one person may send in one werksessie. */
export const MAX_PHOTOS_PER_PERSON = 20
/** All photos of one werksessie together. */
export const MAX_SESSION_PHOTO_BYTES = 200 * 1024 * 1024

export interface PhotoLimits {
  perPerson: number
  sessionBytes: number
}
export const PHOTO_LIMITS: PhotoLimits = { perPerson: MAX_PHOTOS_PER_PERSON, sessionBytes: MAX_SESSION_PHOTO_BYTES }

/** How long a browser may keep a photo before asking again (access may end: removal, deletion). */
export const PHOTO_CACHE_SECONDS = 600

export type PhotoResult<T> =
  { ok: true; value: T } | { ok: false; status: 400 | 403 | 413 | 429; errors: Record<string, string> }

interface Caller {
  session: WorkshopSession
  identity: CollabIdentity
}

export interface PhotoUpload {
  /** the request body as sent */
  bytes: Uint8Array
  contentType: string | null
  /** `?note=`: the sender's own note the photo belongs to */
  note: string | null
  /** `?shape=none`: store the file only; the canvas makes the image itself (its asset store) */
  shape: string | null
}

export interface PlacedPhoto {
  assetId: string
  /** the image shape the server placed; null with `shape=none` */
  shapeId: string | null
  /** in the sender's private room (private mode) */
  private: boolean
  /** where the photo is served (the asset record's `src`) */
  src: string
}

const newId = () => crypto.randomBytes(16).toString('base64url')
const NOTE_ID = /^shape:[A-Za-z0-9_-]{1,64}$/
const refuse = (status: 400 | 403 | 413 | 429, errors: Record<string, string>) =>
  ({ ok: false, status, errors }) as const

const jpegProblems: Record<JpegProblem, 'photos.error.notJpeg' | 'photos.error.broken' | 'photos.error.unsupported'> = {
  notJpeg: 'photos.error.notJpeg',
  broken: 'photos.error.broken',
  unsupported: 'photos.error.unsupported',
}

/** The refusal of a file above MAX_PHOTO_BYTES (here, and in the route before the body is read). */
export const TOO_LARGE = { photo: message('photos.error.tooLarge', { size: `${MAX_PHOTO_BYTES / (1024 * 1024)} MB` }) }

/**
 * The room a person's photo goes into: as a note of theirs would (addContribution in
 * facilitation.server.ts): their private room while private mode is on for a participant, else
 * the main canvas.
 */
function photoRoom(db: Db, { session, identity }: Caller): { roomId: string; isPrivate: boolean } {
  const isPrivate = session.privateMode && identity.role !== 'facilitator'
  return {
    roomId: isPrivate ? privateRoomFor(db, session.id, identity.subject).id : mainRoomId(db, session.id),
    isPrivate,
  }
}

/** The session's locks, as the canvas policy reads them for a participant's update. */
function lockRules(db: Db, session: WorkshopSession): CanvasRules {
  const frames = db
    .select({ frameId: sessionLocks.frameId })
    .from(sessionLocks)
    .where(eq(sessionLocks.workshopSessionId, session.id))
    .all()
  return {
    lockedAll: session.lockedAll,
    mediaAllowed: session.mediaAllowed,
    lockedFrames: new Set(frames.map((f) => f.frameId)),
  }
}

/** Whether the record is the subject's, as the server recorded it (record_owners, never the client's word). */
function owns(db: Db, roomId: string, recordId: string, subject: string): boolean {
  const row = db
    .select({ subject: recordOwners.subject })
    .from(recordOwners)
    .where(and(eq(recordOwners.roomId, roomId), eq(recordOwners.recordId, recordId)))
    .get()
  return row?.subject === subject
}

/** Everything about the upload that needs neither the database nor the canvas, then the JPEG itself. */
function checkUpload(upload: PhotoUpload) {
  if (upload.shape !== null && upload.shape !== 'none') return refuse(400, { shape: 'photos.error.shape' })
  if (upload.note !== null) {
    if (upload.shape === 'none') return refuse(400, { note: 'photos.error.noteWithoutShape' })
    if (!NOTE_ID.test(upload.note)) return refuse(400, { note: 'photos.error.note' })
  }
  const type = upload.contentType?.split(';')[0].trim().toLowerCase()
  if (type !== 'image/jpeg') return refuse(400, { photo: 'photos.error.notJpeg' })
  if (upload.bytes.length > MAX_PHOTO_BYTES) {
    return refuse(413, TOO_LARGE)
  }
  const jpeg = cleanJpeg(upload.bytes)
  if (!jpeg.ok) return refuse(400, { photo: jpegProblems[jpeg.problem] })
  if (Math.max(jpeg.width, jpeg.height) > MAX_PHOTO_SIDE) {
    return refuse(400, { photo: message('photos.error.tooWide', { max: MAX_PHOTO_SIDE }) })
  }
  return { ok: true as const, jpeg }
}

/**
 * Stores the row if the sender and the session are within their limits, in one synchronous
 * transaction (so two uploads at once cannot both take the last place).
 */
function storeWithinLimits(
  db: Db,
  row: typeof assets.$inferInsert & { bytes: Buffer },
  limits: PhotoLimits,
): { ok: true } | ReturnType<typeof refuse> {
  return db.transaction((tx) => {
    const own = tx
      .select({ n: count() })
      .from(assets)
      .where(and(eq(assets.workshopSessionId, row.workshopSessionId), eq(assets.subject, row.subject)))
      .get()
    if ((own?.n ?? 0) >= limits.perPerson) {
      return refuse(429, { photo: message('photos.error.tooManyOwn', { max: limits.perPerson }) })
    }
    const stored = tx
      .select({ bytes: sql<number>`coalesce(sum(length(${assets.bytes})), 0)` })
      .from(assets)
      .where(eq(assets.workshopSessionId, row.workshopSessionId))
      .get()
    if ((stored?.bytes ?? 0) + row.bytes.length > limits.sessionBytes) {
      return refuse(429, { photo: 'photos.error.sessionFull' })
    }
    tx.insert(assets).values(row).run()
    return { ok: true as const }
  })
}

/**
 * A photo from someone in the session: checked, stripped, stored and (unless `shape=none`) placed
 * as an image beside their note `note`, or at the current step's next free spot. Participants
 * only while the facilitator allows photos and the session is open, not into anything locked.
 * Nothing is left half-written: a photo that cannot be placed is not kept.
 */
export async function addPhoto(
  db: Db,
  collab: CollabControl,
  caller: Caller,
  upload: PhotoUpload,
  limits: PhotoLimits = PHOTO_LIMITS,
): Promise<PhotoResult<PlacedPhoto>> {
  const { session, identity } = caller
  const participant = identity.role !== 'facilitator'
  // A closed session gives participants read-only access (access.server.ts).
  if (identity.mode === 'read') return refuse(403, { _form: 'photos.error.closed' })
  if (participant && !session.mediaAllowed) return refuse(403, { _form: 'photos.error.notAllowed' })
  const checked = checkUpload(upload)
  if (!checked.ok) return checked
  const { jpeg } = checked
  const { roomId, isPrivate } = photoRoom(db, caller)
  const note = upload.note
  if (note !== null && !owns(db, roomId, note, identity.subject)) return refuse(400, { note: 'photos.error.note' })
  // Locks are the main canvas's (a private room is its owner's alone), checked as the canvas policy does.
  const rules = participant && !isPrivate ? lockRules(db, session) : undefined
  if (rules?.lockedAll) return refuse(403, { _form: 'permission.lockedAll' })

  const id = newId()
  const src = photoPath(session.id, id)
  const stored = storeWithinLimits(
    db,
    {
      id,
      workshopSessionId: session.id,
      roomId,
      subject: identity.subject,
      mimeType: 'image/jpeg',
      width: jpeg.width,
      height: jpeg.height,
      bytes: Buffer.from(jpeg.bytes.buffer, jpeg.bytes.byteOffset, jpeg.bytes.byteLength),
    },
    limits,
  )
  if (!stored.ok) return stored
  if (upload.shape === 'none') return { ok: true, value: { assetId: id, shapeId: null, private: isPrivate, src } }

  const forget = () => db.delete(assets).where(eq(assets.id, id)).run()
  const shapeId = `shape:${newId()}`
  let placed: true | ReturnType<typeof refuse>
  try {
    placed = await collab.transact(roomId, (doc) => {
      const records = readRecords(doc)
      const anchor = note === null ? undefined : records.get(note)
      if (note !== null && !(isShape(anchor) && anchor.type === 'note'))
        return refuse(400, { note: 'photos.error.note' })
      const frame = anchor || isPrivate ? undefined : stepFrameOrPlace(doc, records, session.phase)
      const target = (anchor as ShapeRecord | undefined) ?? frame
      if (rules && target && isLocked(target.id, (key) => records.get(key), rules)) {
        return refuse(403, { _form: 'permission.locked' })
      }
      const assetRecordId = `asset:${id}`
      placePhoto(doc, records, anchor ? { beside: anchor as ShapeRecord } : { frame }, {
        assetId: assetRecordId,
        shapeId,
        src,
        width: jpeg.width,
        height: jpeg.height,
        fileSize: jpeg.bytes.length,
        altText: t(SESSION_LOCALE, anchor ? 'photos.altText.idea' : 'photos.altText'),
        createdBy: isPrivate ? presenceIdFor(roomId, identity.subject) : identity.presenceId,
        meta: { role: identity.role, phase: session.phase, ...(note !== null ? { photoOf: note } : {}) },
      })
      // Shape and asset are the sender's: they may move, resize and delete them on the canvas.
      claimRecords(db, roomId, identity.subject, [shapeId, assetRecordId])
      return true as const
    })
  } catch (error) {
    forget()
    throw error
  }
  if (placed !== true) {
    forget()
    return placed
  }
  return { ok: true, value: { assetId: id, shapeId, private: isPrivate, src } }
}

/**
 * A stored photo for whoever asks with these cookies, or undefined, which the route answers with
 * 404 whatever the reason: not in the session, no such photo, or a private room that is not theirs.
 */
export async function readPhoto(
  db: Db,
  cookieHeader: string | null,
  sessionId: string | undefined,
  assetId: string | undefined,
): Promise<{ bytes: Buffer; mimeType: string } | undefined> {
  if (!assetId || !PHOTO_ID.test(assetId)) return undefined
  const viewer = await sessionViewer(db, cookieHeader, sessionId)
  if (!viewer.ok) return undefined
  const row = db
    .select({ bytes: assets.bytes, mimeType: assets.mimeType, roomId: assets.roomId })
    .from(assets)
    .where(and(eq(assets.id, assetId), eq(assets.workshopSessionId, viewer.session.id)))
    .get()
  if (!row) return undefined
  const room = findRoom(db, row.roomId)
  if (!room || room.session.id !== viewer.session.id) return undefined
  // A private room's photos only for who may open that room (its owner; facilitators when they may look).
  if (room.room.kind !== 'main') {
    const access = await resolveCookies(db, cookieHeader, row.roomId)
    if (!access?.ok) return undefined
  }
  return { bytes: row.bytes, mimeType: row.mimeType }
}

/** Forgets stored photos of a session (after their shapes left the canvas: removePhotosOf). */
export function forgetPhotos(db: Db, sessionId: string, ids: string[]): void {
  if (ids.length === 0) return
  db.delete(assets)
    .where(and(eq(assets.workshopSessionId, sessionId), inArray(assets.id, ids)))
    .run()
}

/**
 * Removes the photos of one idea (`meta.photoOf`) from every room of the session that holds
 * photos: their image shapes and asset records (one `collab.transact` per room), then their rows.
 * For when a participant takes back their idea. Answers how many stored photos went.
 */
export async function deletePhotosOf(
  db: Db,
  collab: CollabControl,
  session: WorkshopSession,
  noteShapeId: string,
): Promise<number> {
  const roomIds = db
    .selectDistinct({ roomId: assets.roomId })
    .from(assets)
    .where(eq(assets.workshopSessionId, session.id))
    .all()
    .map((r) => r.roomId)
  let removed = 0
  for (const roomId of roomIds) {
    if (findRoom(db, roomId)?.session.id !== session.id) continue
    const ids = await collab.transact(roomId, (doc) => removePhotosOf(doc, readRecords(doc), noteShapeId))
    forgetPhotos(db, session.id, ids)
    removed += ids.length
  }
  return removed
}

/** The stored photos of one room (a private room, for its reveal). */
export function storedPhotosOfRoom(db: Db, roomId: string): Set<string> {
  return new Set(
    db
      .select({ id: assets.id })
      .from(assets)
      .where(eq(assets.roomId, roomId))
      .all()
      .map((r) => r.id),
  )
}

/**
 * After a private room's photos moved to the main canvas (revealPhotos): their rows follow, so
 * they are served as the main canvas's; the room's other photos (taken off its canvas before the
 * reveal) go with the room. Runs in the room's delete transaction (deletePrivateRoom).
 */
export function movePhotoRows(db: Db, fromRoomId: string, toRoomId: string, moved: string[]): void {
  if (moved.length > 0) {
    db.update(assets)
      .set({ roomId: toRoomId })
      .where(and(eq(assets.roomId, fromRoomId), inArray(assets.id, moved)))
      .run()
  }
  db.delete(assets).where(eq(assets.roomId, fromRoomId)).run()
}
