/**
 * The server's writes of photos into a room's Y.Doc, in the style of canvas-writes.ts:
 * framework-free (Yjs and @tldraw/utils' index keys only) and synchronous, so it runs inside one
 * `collab.transact` and two photos sent at once never share a spot. A photo is two records: its
 * image asset (the file's address and size) and the image shape showing it (image-record.ts).
 * A photo sent with an idea carries `meta.photoOf`, the note's id.
 */
import { getIndexAbove, type IndexKey } from '@tldraw/utils'
import type * as Y from 'yjs'
import { imageAssetRecord, imageShapeRecord, isRecordLike, replaceRecords } from '~/canvas-doc'
import {
  childrenOf,
  ensurePage,
  highestIndex,
  isShape,
  writeRecords,
  type ShapeRecord,
} from '~/facilitation/canvas-writes'
import { findNoteSpot, FRAME_PADDING, shapeBounds } from '~/facilitation/note-layout'
import { TEMPLATE_HEADER, TEMPLATE_WIDTH } from '~/facilitation/templates'
import { photoIdOfSrc } from './paths'
import { photoSize, spotBeside } from './photo-layout'

export interface PhotoToPlace {
  /** `asset:<stored photo id>` */
  assetId: string
  /** `shape:<random id>` */
  shapeId: string
  src: string
  width: number
  height: number
  fileSize: number
  altText: string
  /** the presence pseudonym of whose it is */
  createdBy: string
  meta: Record<string, unknown>
}

/** Beside an idea (its note record), or at the next free spot of a frame (or of the page, without one). */
export type PhotoPlace = { beside: ShapeRecord } | { frame: ShapeRecord | undefined }

const isFrame = (value: unknown): value is ShapeRecord => isShape(value) && value.type === 'frame'

/** Where a frame's grid starts: below the heading of a frame the server placed, else at its padding. */
const gridTop = (frame: ShapeRecord) => (typeof frame.meta?.template === 'string' ? TEMPLATE_HEADER : FRAME_PADDING)

/**
 * Writes a photo's asset and shape: right of its idea, never on top of another shape; when the
 * idea is the last in its frame's row, under it instead. Without an idea, at the frame's next
 * free spot (a private room has no frame: its page). A frame grows downwards when the photo
 * needs the room, as it does for notes.
 */
export function placePhoto(doc: Y.Doc, records: Map<string, unknown>, place: PhotoPlace, photo: PhotoToPlace): void {
  const size = photoSize(photo.width, photo.height)
  const anchor = 'beside' in place ? place.beside : undefined
  const parentId = anchor ? anchor.parentId : ((place as { frame?: ShapeRecord }).frame?.id ?? ensurePage(doc, records))
  const parent = records.get(parentId)
  const frame = isFrame(parent) ? parent : undefined
  const siblings = childrenOf(records, parentId)
  const taken = siblings.map(shapeBounds)
  const frameSize = frame ? { w: Number(frame.props.w), h: Number(frame.props.h) } : { w: TEMPLATE_WIDTH, h: 0 }
  const top = frame ? gridTop(frame) : 0
  const besideAnchor = (side: 'right' | 'below') =>
    anchor
      ? spotBeside({
          anchor: shapeBounds(anchor),
          taken: siblings.filter((s) => s.id !== anchor.id).map(shapeBounds),
          size,
          maxRight: frame ? frameSize.w - FRAME_PADDING : undefined,
          side,
        })
      : null
  const spot =
    besideAnchor('right') ?? besideAnchor('below') ?? findNoteSpot({ frame: frameSize, taken, note: size, top })
  const asset = imageAssetRecord({
    id: photo.assetId,
    src: photo.src,
    width: photo.width,
    height: photo.height,
    fileSize: photo.fileSize,
  })
  const shape = imageShapeRecord({
    id: photo.shapeId,
    parentId,
    index: getIndexAbove(highestIndex(siblings) as IndexKey | null),
    x: spot.x,
    y: spot.y,
    w: size.w,
    h: size.h,
    assetId: photo.assetId,
    altText: photo.altText,
    createdBy: photo.createdBy,
    meta: photo.meta,
  })
  const writes: { id: string }[] = [asset, shape]
  const frameHeight = spot.y + size.h + FRAME_PADDING
  if (frame && frameHeight > frameSize.h) {
    const grown: ShapeRecord = { ...frame, props: { ...frame.props, h: frameHeight } }
    writes.push(grown)
  }
  writeRecords(doc, records, writes)
}

/** The image shapes that show photos of one idea (`meta.photoOf`). */
export function photosOf(records: Map<string, unknown>, noteId: string): ShapeRecord[] {
  return [...records.values()].filter(
    (r): r is ShapeRecord => isShape(r) && r.type === 'image' && r.meta?.photoOf === noteId,
  )
}

/** The stored photo an image shape shows (through its asset's `src`), or undefined. */
export function storedPhotoOf(records: Map<string, unknown>, shape: ShapeRecord): string | undefined {
  const asset = records.get(String(shape.props.assetId))
  return isRecordLike(asset) ? photoIdOfSrc((asset as { props?: { src?: unknown } }).props?.src) : undefined
}

/**
 * Removes the photos of one idea from the document: their image shapes, and each one's asset
 * record when no other shape shows it. Answers the stored photos no shape shows any more.
 */
export function removePhotosOf(doc: Y.Doc, records: Map<string, unknown>, noteId: string): string[] {
  const shapes = photosOf(records, noteId)
  if (shapes.length === 0) return []
  const gone = new Set(shapes.map((s) => s.id))
  const assetIds = new Set(shapes.map((s) => String(s.props.assetId)))
  for (const value of records.values()) {
    // An asset another picture still shows (a copy someone made) stays.
    if (isShape(value) && !gone.has(value.id) && assetIds.has(String(value.props?.assetId))) {
      assetIds.delete(String(value.props.assetId))
    }
  }
  const stored = [...assetIds]
    .map((id) => photoIdOfSrc((records.get(id) as { props?: { src?: unknown } } | undefined)?.props?.src))
    .filter((id): id is string => id !== undefined)
  const target = new Map(records)
  for (const id of [...gone, ...assetIds]) target.delete(id)
  replaceRecords(doc, target)
  for (const id of [...gone, ...assetIds]) records.delete(id)
  return stored
}

/** A photo in a private room, with the stored photo it shows. */
export interface PrivatePhoto {
  shape: ShapeRecord
  asset: { id: string; props: Record<string, unknown> }
  storedId: string
}

/** The photos of a private room that show one of its stored photos (`stored`: their ids), in reading order. */
export function privatePhotos(records: Map<string, unknown>, stored: ReadonlySet<string>): PrivatePhoto[] {
  const found: PrivatePhoto[] = []
  for (const value of records.values()) {
    if (!isShape(value) || value.type !== 'image') continue
    const asset = records.get(String(value.props.assetId)) as PrivatePhoto['asset'] | undefined
    const storedId = isRecordLike(asset) ? photoIdOfSrc(asset.props?.src) : undefined
    if (asset && storedId && stored.has(storedId)) found.push({ shape: value, asset, storedId })
  }
  return found.sort((a, b) => a.shape.y - b.shape.y || a.shape.x - b.shape.x)
}

/**
 * "Laat zien" for photos (app/facilitation/private-mode.server.ts): each private photo goes onto
 * the main canvas beside its revealed idea (`revealedId` of its `photoOf`), or at the step
 * frame's next free spot, under an id derived from where it came from, so revealing again places
 * none twice. Answers the records written for their owner (to claim) and the stored photos moved.
 */
export function revealPhotos(
  doc: Y.Doc,
  records: Map<string, unknown>,
  frame: ShapeRecord | undefined,
  photos: PrivatePhoto[],
  options: { revealedId: (privateId: string) => string; createdBy: string },
): { recordIds: string[]; storedIds: string[] } {
  const recordIds: string[] = []
  for (const { shape, asset } of photos) {
    const shapeId = options.revealedId(shape.id)
    if (records.has(shapeId)) continue
    const photoOf = typeof shape.meta?.photoOf === 'string' ? options.revealedId(shape.meta.photoOf) : undefined
    const anchor = photoOf === undefined ? undefined : records.get(photoOf)
    const beside = isShape(anchor) && anchor.type === 'note' ? anchor : undefined
    const { photoOf: _private, ...meta } = shape.meta ?? {}
    placePhoto(doc, records, beside ? { beside } : { frame }, {
      assetId: asset.id,
      shapeId,
      src: String(asset.props.src),
      width: Number(asset.props.w) || 1,
      height: Number(asset.props.h) || 1,
      fileSize: Number(asset.props.fileSize) || 1,
      altText: String(shape.props.altText ?? ''),
      createdBy: options.createdBy,
      meta: { ...meta, private: true, ...(beside ? { photoOf: beside.id } : {}) },
    })
    recordIds.push(shapeId, asset.id)
  }
  return { recordIds, storedIds: photos.map((p) => p.storedId) }
}
