/**
 * What a phone camera writes into its photos, for the photo tests: an EXIF segment (APP1) with
 * the camera's make and a GPS position, an XMP segment (APP1) with the same position, a comment
 * (COM), and a second picture's worth of bytes after the end marker. `withCameraMetadata` splices
 * them into a JPEG after its JFIF header; e2e/fixtures/make-photo-fixture.ts made
 * `photo-with-gps.jpg` (beside this file) with it.
 */
export const FIXTURE_MAKE = 'Wijkatelier testcamera'
export const FIXTURE_COMMENT = 'Gemaakt bij Schoolstraat 12'
export const FIXTURE_XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><exif:GPSLatitude>51,33.2N</exif:GPSLatitude></x:xmpmeta>'
export const FIXTURE_TRAILER = 'MPF second picture'

const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff]
const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >> 24) & 0xff]
const entry = (tag: number, type: number, count: number, value: number[]) => [
  ...u16(tag),
  ...u16(type),
  ...u32(count),
  ...value,
  ...Array(4 - value.length).fill(0),
]

/** A little-endian TIFF with IFD0 (make, orientation, GPS pointer) and a GPS IFD (51°33'12.34"N 5°4'56.78"E). */
export function exifWithGps(): Buffer {
  const ifd0 = 8
  const gpsIfd = ifd0 + 2 + 3 * 12 + 4
  const data = gpsIfd + 2 + 5 * 12 + 4
  const make = [...Buffer.from(`${FIXTURE_MAKE}\0`, 'latin1')]
  if (make.length % 2) make.push(0)
  const latitude = data + make.length
  const longitude = latitude + 24
  const rationals = (values: [number, number][]) => values.flatMap(([n, d]) => [...u32(n), ...u32(d)])
  const tiff = [
    ...[0x49, 0x49, 0x2a, 0x00],
    ...u32(ifd0),
    ...u16(3),
    ...entry(0x010f, 2, make.length, u32(data)),
    ...entry(0x0112, 3, 1, u16(1)),
    ...entry(0x8825, 4, 1, u32(gpsIfd)),
    ...u32(0),
    ...u16(5),
    ...entry(0x0000, 1, 4, [2, 3, 0, 0]),
    ...entry(0x0001, 2, 2, [0x4e, 0]),
    ...entry(0x0002, 5, 3, u32(latitude)),
    ...entry(0x0003, 2, 2, [0x45, 0]),
    ...entry(0x0004, 5, 3, u32(longitude)),
    ...u32(0),
    ...make,
    ...rationals([
      [51, 1],
      [33, 1],
      [1234, 100],
    ]),
    ...rationals([
      [5, 1],
      [4, 1],
      [5678, 100],
    ]),
  ]
  return Buffer.from([...Buffer.from('Exif\0\0', 'latin1'), ...tiff])
}

const segment = (marker: number, payload: Buffer) =>
  Buffer.concat([Buffer.from([0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload])

/** The JPEG with the camera's segments after its JFIF header (APP0), and bytes after its end. */
export function withCameraMetadata(jpeg: Buffer): Buffer {
  if (jpeg[2] !== 0xff || jpeg[3] !== 0xe0) throw new Error('expected a JFIF header first')
  const afterApp0 = 4 + ((jpeg[4] << 8) | jpeg[5])
  const xmp = Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), Buffer.from(FIXTURE_XMP)])
  return Buffer.concat([
    jpeg.subarray(0, afterApp0),
    segment(0xe1, exifWithGps()),
    segment(0xe1, xmp),
    segment(0xfe, Buffer.from(FIXTURE_COMMENT, 'latin1')),
    jpeg.subarray(afterApp0),
    Buffer.from(FIXTURE_TRAILER, 'latin1'),
  ])
}

/** The committed photo: 480 × 320, made by make-photo-fixture.ts. */
export const PHOTO_FIXTURE = new URL('./photo-with-gps.jpg', import.meta.url).pathname
export const PHOTO_FIXTURE_SIZE = { width: 480, height: 320 }

/** Bytes only the camera's segments carry: the GPS IFD pointer tag, the latitude, the markers' texts. */
export function cameraTraces(): { name: string; bytes: Buffer }[] {
  const latitude = Buffer.from([...u32(51), ...u32(1), ...u32(33), ...u32(1), ...u32(1234), ...u32(100)])
  return [
    { name: 'Exif header', bytes: Buffer.from('Exif\0\0', 'latin1') },
    { name: 'GPS IFD pointer (tag 0x8825)', bytes: Buffer.from([...u16(0x8825), ...u16(4), ...u32(1)]) },
    { name: 'GPS latitude', bytes: latitude },
    { name: 'camera make', bytes: Buffer.from(FIXTURE_MAKE, 'latin1') },
    { name: 'XMP', bytes: Buffer.from('GPSLatitude', 'latin1') },
    { name: 'comment', bytes: Buffer.from(FIXTURE_COMMENT, 'latin1') },
    { name: 'bytes after the end', bytes: Buffer.from(FIXTURE_TRAILER, 'latin1') },
  ]
}
