import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cleanJpeg, jpegMarkers } from './jpeg'
import { cameraTraces, PHOTO_FIXTURE, PHOTO_FIXTURE_SIZE } from './test-fixtures'

const photo = new Uint8Array(fs.readFileSync(PHOTO_FIXTURE))
const contains = (haystack: Uint8Array, needle: Uint8Array) => Buffer.from(haystack).includes(Buffer.from(needle))

/** A JPEG's segment markers, all of them (the scans' data skipped), up to its end marker. */
function allMarkers(bytes: Uint8Array): number[] {
  const markers: number[] = []
  let pos = 2
  while (pos < bytes.length) {
    const marker = bytes[pos + 1]
    markers.push(marker)
    if (marker === 0xd9) break
    pos += 2 + ((bytes[pos + 2] << 8) | bytes[pos + 3])
    if (marker === 0xda) {
      while (!(bytes[pos] === 0xff && bytes[pos + 1] !== 0x00 && (bytes[pos + 1] < 0xd0 || bytes[pos + 1] > 0xd7)))
        pos++
    }
  }
  return markers
}

/** A segment with its marker and length. */
const segment = (marker: number, payload: number[]) => [
  0xff,
  marker,
  (payload.length + 2) >> 8,
  (payload.length + 2) & 0xff,
  ...payload,
]

/** The smallest JPEG the parser reads: SOI, a frame header, one scan with a byte of data, EOI. */
function tinyJpeg({ width = 8, height = 8, before = [] as number[][], sofs = 1 } = {}) {
  const sof = segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0])
  const sos = segment(0xda, [1, 1, 0, 0, 0x3f, 0])
  return new Uint8Array([
    0xff,
    0xd8,
    ...before.flat(),
    ...Array(sofs).fill(sof).flat(),
    ...sos,
    0x12,
    0xff,
    0x00,
    0x34,
    0xff,
    0xd9,
  ])
}

describe('cleanJpeg', () => {
  it('reads a real camera-like JPEG: the fixture carries EXIF with GPS, XMP, a comment and bytes after its end', () => {
    expect(allMarkers(photo).filter((m) => m === 0xe1)).toHaveLength(2)
    for (const trace of cameraTraces()) expect(contains(photo, trace.bytes), trace.name).toBe(true)
  })

  it('keeps the picture and drops every trace of the camera: no APP1, no Exif, no GPS tag, no comment', () => {
    const result = cleanJpeg(photo)
    if (!result.ok) throw new Error(result.problem)
    expect({ width: result.width, height: result.height }).toEqual(PHOTO_FIXTURE_SIZE)
    expect(result.removed).toEqual(expect.arrayContaining(['APP1', 'COM', 'after EOI']))
    const markers = allMarkers(result.bytes)
    expect(markers.filter((m) => m >= 0xe1 && m <= 0xef)).toEqual([])
    expect(markers).not.toContain(0xfe)
    expect(markers).toEqual(expect.arrayContaining([0xe0, 0xdb, 0xc4, 0xda, 0xd9]))
    expect(markers.filter((m) => m === 0xc0 || m === 0xc2)).toHaveLength(1)
    for (const trace of cameraTraces()) expect(contains(result.bytes, trace.bytes), trace.name).toBe(false)
    // The picture itself is the same: every scan's data, byte for byte.
    const scan = (bytes: Uint8Array) => {
      const start = Buffer.from(bytes).indexOf(Buffer.from([0xff, 0xda]))
      return Buffer.from(bytes.subarray(start, Buffer.from(bytes).lastIndexOf(Buffer.from([0xff, 0xd9])) + 2))
    }
    expect(scan(result.bytes).equals(scan(photo))).toBe(true)
    expect(result.bytes.at(-2)).toBe(0xff)
    expect(result.bytes.at(-1)).toBe(0xd9)
  })

  it('gives the same bytes for a photo it cleaned before', () => {
    const once = cleanJpeg(photo)
    if (!once.ok) throw new Error(once.problem)
    const twice = cleanJpeg(once.bytes)
    if (!twice.ok) throw new Error(twice.problem)
    expect(Buffer.from(twice.bytes).equals(Buffer.from(once.bytes))).toBe(true)
    expect(twice.removed).toEqual([])
  })

  it('keeps a JFIF header without its thumbnail and Adobe’s colour flag, and drops ICC profiles and vendors’ APPn', () => {
    const jfifWithThumbnail = segment(0xe0, [...Buffer.from('JFIF\0'), 1, 2, 0, 0, 1, 0, 1, 2, 1, 9, 9, 9, 9, 9, 9])
    const adobe = segment(0xee, [...Buffer.from('Adobe'), 0, 100, 0, 0, 0, 0, 1])
    const icc = segment(0xe2, [...Buffer.from('ICC_PROFILE\0'), 1, 1, 0, 0, 0, 0])
    const result = cleanJpeg(tinyJpeg({ before: [jfifWithThumbnail, adobe, icc] }))
    if (!result.ok) throw new Error(result.problem)
    expect(jpegMarkers(result.bytes)).toEqual([0xe0, 0xee, 0xc0, 0xda])
    // The JFIF header's thumbnail size is 0 × 0, and its pixels are gone.
    expect([...result.bytes.subarray(2, 20)]).toEqual([
      0xff,
      0xe0,
      0,
      16,
      ...Buffer.from('JFIF\0'),
      1,
      2,
      0,
      0,
      1,
      0,
      1,
      0,
      0,
    ])
    expect(result.removed).toEqual(['APP2'])
  })

  it('refuses what is not a JPEG, one cut off, one without a size, and hierarchical ones', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])
    expect(cleanJpeg(png)).toEqual({ ok: false, problem: 'notJpeg' })
    expect(cleanJpeg(new Uint8Array())).toEqual({ ok: false, problem: 'notJpeg' })
    expect(cleanJpeg(photo.subarray(0, Math.floor(photo.length / 2)))).toEqual({ ok: false, problem: 'broken' })
    expect(cleanJpeg(photo.subarray(0, 300))).toEqual({ ok: false, problem: 'broken' })
    expect(cleanJpeg(tinyJpeg({ height: 0 }))).toEqual({ ok: false, problem: 'unsupported' })
    expect(cleanJpeg(tinyJpeg({ sofs: 2 }))).toEqual({ ok: false, problem: 'unsupported' })
    expect(cleanJpeg(tinyJpeg({ before: [segment(0xde, [0, 8, 0, 8, 0, 8, 1, 1, 0x11, 0])] }))).toEqual({
      ok: false,
      problem: 'unsupported',
    })
    // A segment whose length runs past the end.
    const long = tinyJpeg()
    long[5] = 0xff
    expect(cleanJpeg(long)).toEqual({ ok: false, problem: 'broken' })
    expect(cleanJpeg(tinyJpeg({ width: 1600, height: 1200 }))).toMatchObject({ ok: true, width: 1600, height: 1200 })
  })
})
