/**
 * What a photo looks like in the document: a tldraw 5 image `asset` record (the file: its size,
 * type and address) and an `image` shape showing it, as the server writes them into `tl_records`
 * (docs/collab-protocol.md, "The canvas document"). Kept free of tldraw imports; a test checks
 * both against tldraw's own schema. The file itself never goes into the document: `src` is the
 * same-origin address the server serves it from (app/photos, docs/decisions/011-participant-photos.md).
 */

export interface ImageAssetInput {
  /** `asset:` followed by the stored photo's id */
  id: string
  /** where the browser gets the file: `/api/v1/sessions/<id>/photos/<assetId>` */
  src: string
  width: number
  height: number
  fileSize: number
  name?: string
}

export function imageAssetRecord(input: ImageAssetInput) {
  return {
    id: input.id,
    typeName: 'asset' as const,
    type: 'image' as const,
    props: {
      name: input.name ?? 'foto.jpg',
      src: input.src,
      w: input.width,
      h: input.height,
      mimeType: 'image/jpeg',
      isAnimated: false,
      fileSize: input.fileSize,
    },
    meta: {},
  }
}

export interface ImageShapeInput {
  /** `shape:` followed by a random id */
  id: string
  /** the page, or the frame it sits in; x and y are relative to it */
  parentId: string
  index: string
  x: number
  y: number
  /** the size it is shown at on the canvas */
  w: number
  h: number
  assetId: string
  /** what a screen reader says of it */
  altText: string
  /** the presence id of whose it is (the server checks it, as for notes) */
  createdBy?: string
  meta?: Record<string, unknown>
}

export function imageShapeRecord(input: ImageShapeInput) {
  return {
    id: input.id,
    typeName: 'shape' as const,
    type: 'image' as const,
    parentId: input.parentId,
    index: input.index,
    x: input.x,
    y: input.y,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    props: {
      w: input.w,
      h: input.h,
      playing: true,
      url: '',
      assetId: input.assetId,
      crop: null,
      flipX: false,
      flipY: false,
      altText: input.altText,
    },
    meta: { ...input.meta, ...(input.createdBy ? { createdBy: input.createdBy } : {}) },
  }
}
