import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { checkPng, checkSvg } from './version-images'

/** A real 2×1 PNG, built chunk by chunk. */
function png(width = 2, height = 1): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (buf: Buffer) => {
    let c = 0xffffffff
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8)
    head.writeUInt32BE(data.length, 0)
    head.write(type, 4, 'latin1')
    const tail = Buffer.alloc(4)
    tail.writeUInt32BE(crc(Buffer.concat([head.subarray(4), data])), 0)
    return Buffer.concat([head, data, tail])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 2, 0, 0, 0], 8)
  const raw = Buffer.alloc((width * 3 + 1) * height)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

describe('a version image from a browser', () => {
  it('keeps an SVG as tldraw exports it: fonts and pictures as data: URLs, local references', () => {
    const svg =
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><style>@font-face{src:url("data:font/woff2;base64,AAAA")}</style><clipPath id="c"/></defs><g clip-path="url(#c)"><image href="data:image/png;base64,AAAA"/><text>Hoe kunnen wij</text></g></svg>'
    const checked = checkSvg(svg)
    expect(checked.ok).toBe(true)
    expect(checked.ok && checked.svg.startsWith('<svg')).toBe(true)
  })

  it.each([
    ['a script', '<svg><script>alert(1)</script></svg>'],
    ['an event handler', '<svg><rect onload="alert(1)"/></svg>'],
    ['a javascript: link', '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>'],
    ['an image from elsewhere', '<svg><image href="https://tracker.example/p.png"/></svg>'],
    ['a font from elsewhere', '<svg><style>@font-face{src:url(https://cdn.example/f.woff2)}</style></svg>'],
    ['html instead of svg', '<html><body>x</body></html>'],
    ['two documents', '<svg></svg><script>x</script>'],
  ])('refuses an SVG with %s', (_, svg) => {
    expect(checkSvg(svg)).toEqual({ ok: false, error: 'interventions.error.imageInvalid' })
  })

  it('refuses an SVG over the size limit', () => {
    expect(checkSvg(`<svg>${'x'.repeat(8 * 1024 * 1024)}</svg>`)).toMatchObject({
      error: 'interventions.error.imageTooBig',
    })
  })

  it('keeps a real PNG, also as a data: URL, and reads its size', () => {
    const bytes = png(2, 1)
    expect(checkPng(bytes.toString('base64'))).toMatchObject({ ok: true, width: 2, height: 1 })
    const fromUrl = checkPng(`data:image/png;base64,${bytes.toString('base64')}`)
    expect(fromUrl.ok && fromUrl.bytes.equals(bytes)).toBe(true)
  })

  it('refuses what is not a PNG: a JPEG, garbage, no base64, absurd dimensions', () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Array(40).fill(0)])
    expect(checkPng(jpeg.toString('base64')).ok).toBe(false)
    expect(checkPng('not base64 at all!').ok).toBe(false)
    expect(checkPng(Buffer.from('hello').toString('base64')).ok).toBe(false)
    expect(checkPng(png(100_000, 1).toString('base64')).ok).toBe(false)
  })
})
