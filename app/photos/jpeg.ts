/**
 * Checks a JPEG the server is sent and rewrites it without anything but the picture
 * (docs/decisions/011-participant-photos.md). The browser re-encodes photos before they are sent,
 * which drops EXIF, but nothing a browser sends is believed: the server reads the file itself,
 * segment by segment, and keeps only what a decoder needs.
 *
 * Kept: the frame header (SOFn: size and components), quantisation and Huffman tables (DQT, DHT,
 * DAC), the restart interval (DRI), every scan (SOS and its entropy-coded data), a JFIF header
 * without its thumbnail (APP0), and Adobe's colour-transform flag (APP14, a fixed 12 bytes, which
 * tells a decoder whether the three components are RGB or YCbCr). Dropped: EXIF and XMP (APP1:
 * camera, time, GPS position), ICC profiles and every other APPn, comments (COM), JPEG extensions
 * (JPGn), and whatever follows the end marker (phones append second pictures and depth maps there).
 * Pure and framework-free.
 */

export type JpegProblem = 'notJpeg' | 'broken' | 'unsupported'

export type JpegResult =
  | {
      ok: true
      width: number
      height: number
      /** the picture without its metadata, ready to store */
      bytes: Uint8Array
      /** the names of the segments left out, e.g. `APP1`, `COM` (for logs and tests) */
      removed: string[]
    }
  | { ok: false; problem: JpegProblem }

const SOI = 0xd8
const EOI = 0xd9
const SOS = 0xda
const APP0 = 0xe0
const APP14 = 0xee
const COM = 0xfe
/** Frame headers of the modes browsers decode (baseline, extended, progressive, lossless; Huffman or arithmetic). */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf])
/** Tables and settings a decoder reads: DHT, DAC, DQT, DRI. */
const TABLES = new Set([0xc4, 0xcc, 0xdb, 0xdd])
/** Hierarchical JPEG (DHP, EXP): several frames in one file, which no browser shows. */
const HIERARCHICAL = new Set([0xde, 0xdf])

const isRestart = (marker: number) => marker >= 0xd0 && marker <= 0xd7

function markerName(marker: number): string {
  if (marker >= 0xe0 && marker <= 0xef) return `APP${marker - 0xe0}`
  if (marker === COM) return 'COM'
  if (marker >= 0xf0 && marker <= 0xfd) return `JPG${marker - 0xf0}`
  return `0x${marker.toString(16).toUpperCase()}`
}

const ascii = (bytes: Uint8Array, text: string) => [...text].every((c, i) => bytes[i] === c.charCodeAt(0))

/** A JFIF header is kept without a thumbnail; any other APP0 (JFXX thumbnails, vendors') goes. */
function cleanApp0(payload: Uint8Array): Uint8Array | null {
  if (payload.length < 14 || !ascii(payload, 'JFIF\0')) return null
  // version, density unit, x and y density: 9 bytes after the identifier; no thumbnail (0 × 0).
  const header = new Uint8Array(2 + 2 + 14)
  header.set([0xff, APP0, 0x00, 16])
  header.set(payload.subarray(0, 12), 4)
  return header
}

/** Adobe's APP14 is `Adobe`, a version, two flag words and the transform byte: 12 bytes, nothing personal. */
function cleanApp14(segment: Uint8Array, payload: Uint8Array): Uint8Array | null {
  return payload.length === 12 && ascii(payload, 'Adobe') ? segment : null
}

/**
 * Reads a JPEG and gives it back with only the segments a decoder needs, with its size from the
 * frame header; or says why it is not a JPEG this app takes (not one at all, cut off or malformed,
 * or a kind browsers do not show).
 */
export function cleanJpeg(input: Uint8Array): JpegResult {
  if (input.length < 4 || input[0] !== 0xff || input[1] !== SOI) return { ok: false, problem: 'notJpeg' }
  const parts: Uint8Array[] = [input.subarray(0, 2)]
  const removed: string[] = []
  let frame: { width: number; height: number } | null = null
  let scans = 0
  let pos = 2
  for (;;) {
    if (pos >= input.length || input[pos] !== 0xff) return { ok: false, problem: 'broken' }
    // Any number of 0xFF fill bytes may come before a marker.
    while (pos < input.length && input[pos] === 0xff) pos++
    if (pos >= input.length) return { ok: false, problem: 'broken' }
    const marker = input[pos++]
    if (marker === EOI) {
      if (!frame || scans === 0) return { ok: false, problem: 'broken' }
      parts.push(Uint8Array.of(0xff, EOI))
      if (pos < input.length) removed.push('after EOI')
      break
    }
    // Markers without a length belong inside scan data (restarts) or only at the start (SOI).
    if (marker === SOI || marker === 0x00 || marker === 0x01 || isRestart(marker)) {
      return { ok: false, problem: 'broken' }
    }
    if (pos + 2 > input.length) return { ok: false, problem: 'broken' }
    const length = (input[pos] << 8) | input[pos + 1]
    if (length < 2 || pos + length > input.length) return { ok: false, problem: 'broken' }
    const segment = input.subarray(pos - 2, pos + length)
    const payload = input.subarray(pos + 2, pos + length)
    pos += length

    if (SOF.has(marker)) {
      if (frame) return { ok: false, problem: 'unsupported' }
      const components = payload[5]
      if (payload.length < 6 || payload.length !== 6 + 3 * components) return { ok: false, problem: 'broken' }
      const height = (payload[1] << 8) | payload[2]
      const width = (payload[3] << 8) | payload[4]
      // A height of 0 is given later (DNL), which browsers do not read; 2 components is no colour model.
      if (width === 0 || height === 0 || ![1, 3, 4].includes(components)) return { ok: false, problem: 'unsupported' }
      frame = { width, height }
      parts.push(segment)
    } else if (TABLES.has(marker)) {
      parts.push(segment)
    } else if (marker === SOS) {
      if (!frame) return { ok: false, problem: 'broken' }
      parts.push(segment)
      // The entropy-coded data runs to the next marker: 0xFF is followed by 0x00 (a data byte)
      // or a restart marker inside it.
      const start = pos
      while (pos < input.length) {
        if (input[pos] !== 0xff) {
          pos++
          continue
        }
        const next = input[pos + 1]
        if (next === 0x00 || isRestart(next)) pos += 2
        else break
      }
      if (pos >= input.length) return { ok: false, problem: 'broken' }
      parts.push(input.subarray(start, pos))
      scans++
    } else if (HIERARCHICAL.has(marker)) {
      return { ok: false, problem: 'unsupported' }
    } else {
      const kept = marker === APP0 ? cleanApp0(payload) : marker === APP14 ? cleanApp14(segment, payload) : null
      if (kept) parts.push(kept)
      else removed.push(markerName(marker))
    }
  }
  const size = parts.reduce((sum, part) => sum + part.length, 0)
  const bytes = new Uint8Array(size)
  let at = 0
  for (const part of parts) {
    bytes.set(part, at)
    at += part.length
  }
  // The loop only ends at an end marker after a frame header and a scan.
  const { width, height } = frame!
  return { ok: true, width, height, bytes, removed }
}

/** The markers of a JPEG's segments in order, up to its first scan (for tests and checks). */
export function jpegMarkers(input: Uint8Array): number[] {
  const markers: number[] = []
  let pos = 2
  while (pos + 4 <= input.length && input[pos] === 0xff) {
    const marker = input[pos + 1]
    markers.push(marker)
    if (marker === SOS || marker === EOI) break
    pos += 2 + ((input[pos + 2] << 8) | input[pos + 3])
  }
  return markers
}
