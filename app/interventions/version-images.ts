/**
 * The images a browser renders of a frame when it saves a version (tldraw's SVG and PNG export).
 * They come from a browser, so they are checked before they are kept: an SVG is stored only if it
 * is one SVG document without scripts, event handlers or references outside itself (tldraw embeds
 * its fonts and pictures as data: URLs); a PNG only if it is a PNG of sensible dimensions. They are
 * served with a Content-Security-Policy that lets nothing run either way (the image routes).
 */

export const MAX_IMAGE_BYTES = 8 * 1024 * 1024
const MAX_SIDE = 16_000

type Checked<T> =
  ({ ok: true } & T) | { ok: false; error: 'interventions.error.imageInvalid' | 'interventions.error.imageTooBig' }

const invalid = { ok: false, error: 'interventions.error.imageInvalid' } as const

/** Markup an exported frame never has and a stored image must not have. */
const FORBIDDEN = [
  /<script\b/i,
  /<iframe\b/i,
  /<embed\b/i,
  /<object\b/i,
  /\son[a-z]+\s*=/i,
  /javascript\s*:/i,
  // anything fetched from elsewhere (an image, a font, a stylesheet): only data: and local fragments
  /(?:href|src)\s*=\s*(?!["']\s*(?:data:|#))/i,
  /url\(\s*(?!["']?\s*(?:data:|#))/i,
  /@import\b/i,
]

export function checkSvg(svg: string): Checked<{ svg: string }> {
  if (Buffer.byteLength(svg, 'utf8') > MAX_IMAGE_BYTES) return { ok: false, error: 'interventions.error.imageTooBig' }
  const body = svg.replace(/^\uFEFF?\s*(<\?xml[^>]*\?>\s*)?/, '')
  if (!/^<svg[\s>]/.test(body) || !/<\/svg>\s*$/.test(body)) return invalid
  if (FORBIDDEN.some((pattern) => pattern.test(body))) return invalid
  return { ok: true, svg: body }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** A PNG sent as base64 (optionally as a data: URL). */
export function checkPng(base64: string): Checked<{ bytes: Buffer; width: number; height: number }> {
  const data = base64.replace(/^data:image\/png;base64,/, '')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data)) return invalid
  if ((data.length * 3) / 4 > MAX_IMAGE_BYTES) return { ok: false, error: 'interventions.error.imageTooBig' }
  const bytes = Buffer.from(data, 'base64')
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return invalid
  // The first chunk is IHDR: length 13, then width and height as 32-bit big-endian integers.
  if (bytes.readUInt32BE(8) !== 13 || bytes.subarray(12, 16).toString('latin1') !== 'IHDR') return invalid
  const width = bytes.readUInt32BE(16)
  const height = bytes.readUInt32BE(20)
  if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) return invalid
  return { ok: true, bytes, width, height }
}
