/**
 * The addresses of a werksessie's photos (browser-safe: the phone page, the canvas's asset store
 * and the server share them). A photo's asset record keeps `photoPath` as its `src`.
 */
export const photosPath = (sessionId: string) => `/api/v1/sessions/${encodeURIComponent(sessionId)}/photos`

export const photoPath = (sessionId: string, assetId: string) => `${photosPath(sessionId)}/${assetId}`

/** A stored photo's id: random, url-safe (crypto.randomBytes(16) in base64url). */
export const PHOTO_ID = /^[A-Za-z0-9_-]{16,64}$/

/** The stored photo an asset record's `src` points at, or undefined for any other source. */
export function photoIdOfSrc(src: unknown): string | undefined {
  if (typeof src !== 'string') return undefined
  const match = /^\/api\/v1\/sessions\/[^/?#]+\/photos\/([A-Za-z0-9_-]+)$/.exec(src)
  return match && PHOTO_ID.test(match[1]) ? match[1] : undefined
}
