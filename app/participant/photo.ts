/**
 * A photo from the browser, made ready to send (issue 9): turned upright, scaled down to at most
 * 1,600 px on its longest side and encoded again as JPEG. Encoding again from the pixels drops
 * everything the camera wrote into the file (EXIF: time, device, GPS position); the server strips
 * whatever may still be there anyway (app/photos/jpeg.ts). No tldraw, no Yjs: the phone page has
 * a small JavaScript budget, and the canvas's asset store (app/canvas/photo-assets.ts) uses the same.
 */
import { photosPath } from '~/photos/paths'

/** What the server keeps at most (MAX_PHOTO_SIDE and MAX_PHOTO_BYTES in app/photos/photos.server.ts). */
export const MAX_SIDE = 1600
const MAX_BYTES = 3 * 1024 * 1024
/** Good enough for a photo of a drawing or a place, small enough for a slow phone connection. */
const QUALITIES = [0.85, 0.7, 0.55]

export interface ReadyPhoto {
  blob: Blob
  width: number
  height: number
}

/** The size a picture of `width` × `height` gets with its longest side at most `maxSide`. */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height))
  return {
    width: Math.max(1, Math.min(maxSide, Math.round(width * scale))),
    height: Math.max(1, Math.min(maxSide, Math.round(height * scale))),
  }
}

function encode(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no JPEG'))), 'image/jpeg', quality),
  )
}

/**
 * Reads a picture (a camera photo, any image the browser can decode), turns it as the camera
 * meant (`imageOrientation: 'from-image'`), draws it at most `maxSide` px on its longest side on
 * a white background (a transparent PNG would turn black) and encodes it as JPEG, a little
 * smaller again if it would still be too big to send. Rejects when the browser cannot read it.
 */
export async function downscaleToJpeg(file: Blob, maxSide = MAX_SIDE): Promise<ReadyPhoto> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height, maxSide)
    const canvas = document.createElement('canvas')
    canvas.width = width
    canvas.height = height
    const context = canvas.getContext('2d')
    if (!context) throw new Error('no 2d canvas')
    context.fillStyle = '#fff'
    context.fillRect(0, 0, width, height)
    context.imageSmoothingQuality = 'high'
    context.drawImage(bitmap, 0, 0, width, height)
    let blob = await encode(canvas, QUALITIES[0])
    for (const quality of QUALITIES.slice(1)) {
      if (blob.size <= MAX_BYTES) break
      blob = await encode(canvas, quality)
    }
    return { blob, width, height }
  } finally {
    bitmap.close()
  }
}

export type SendResult =
  | { ok: true; assetId: string; shapeId: string | null; private: boolean; src: string }
  | { ok: false; status: number; message: string }

/**
 * Sends a ready photo to the session: beside the sender's idea `note`, or, with `shape: 'none'`,
 * only stored (the canvas places it). The refusal carries the server's Dutch message (its first
 * field message, else its message); `status` 0 means the request did not get through.
 */
export async function sendPhoto(
  sessionId: string,
  photo: Blob,
  options: { note?: string; shape?: 'none'; signal?: AbortSignal } = {},
): Promise<SendResult> {
  const query = new URLSearchParams()
  if (options.note) query.set('note', options.note)
  if (options.shape) query.set('shape', options.shape)
  const search = query.toString() ? `?${query}` : ''
  let res: Response
  try {
    res = await fetch(`${photosPath(sessionId)}${search}`, {
      method: 'POST',
      headers: { 'Content-Type': 'image/jpeg' },
      body: photo,
      credentials: 'same-origin',
      signal: options.signal,
    })
  } catch (error) {
    if (options.signal?.aborted) throw error
    return { ok: false, status: 0, message: '' }
  }
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>
  if (res.ok) {
    return {
      ok: true,
      assetId: String(json.assetId),
      shapeId: typeof json.shapeId === 'string' ? json.shapeId : null,
      private: json.private === true,
      src: String(json.src),
    }
  }
  const errors = (json.errors ?? {}) as Record<string, unknown>
  const first = Object.values(errors).find((v): v is string => typeof v === 'string')
  return { ok: false, status: res.status, message: first ?? (typeof json.message === 'string' ? json.message : '') }
}
