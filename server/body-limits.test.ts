import express from 'express'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bodyLimits, KiB, MiB } from './body-limits'

/** Sends only the head of a request and reads what comes back, without sending any body. */
function headOnly(port: number, head: string): Promise<{ response: string; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(head))
    let response = ''
    socket.on('data', (d) => (response += d.toString('utf8')))
    socket.on('end', () => resolve({ response, closed: true }))
    socket.on('error', reject)
  })
}

describe('bodyLimits', () => {
  let server: ReturnType<ReturnType<typeof express>['listen']>
  let port = 0
  let url = ''
  beforeAll(async () => {
    const app = express()
    app.use(bodyLimits())
    // Stands in for Remix: reads the whole body and says how long it was.
    app.all('*', (req, res) => {
      let length = 0
      req.on('data', (chunk: Buffer) => (length += chunk.length))
      req.on('end', () => void res.json({ length }))
    })
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s))
    })
    port = (server.address() as AddressInfo).port
    url = `http://127.0.0.1:${port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  const form = (size: number) => new URLSearchParams({ email: 'a'.repeat(size) }).toString()

  it('takes forms up to 64 KiB and refuses a larger one with 413 and a Dutch page', async () => {
    const ok = await fetch(`${url}/inloggen`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form(60 * KiB),
    })
    expect(ok.status).toBe(200)
    const big = await fetch(`${url}/meedoen/ABCDEF`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form(65 * KiB),
    })
    expect(big.status).toBe(413)
    expect(big.headers.get('content-type')).toMatch(/text\/html/)
    expect(await big.text()).toContain('De inhoud is te groot (hoogstens 64 kB).')
  })

  it('answers 413 from the declared length alone, without reading the body, and closes the connection', async () => {
    const { response, closed } = await headOnly(
      port,
      'POST /inloggen HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n' +
        `Content-Length: ${64 * MiB}\r\n\r\n`,
    )
    expect(response).toMatch(/^HTTP\/1.1 413/)
    expect(response).toMatch(/connection: close/i)
    expect(closed).toBe(true)
  })

  it('refuses a body without a declared length (chunked) with 411', async () => {
    const { response } = await headOnly(
      port,
      'POST /meedoen/ABCDEF HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n',
    )
    expect(response).toMatch(/^HTTP\/1.1 411/)
  })

  it('gives the CBS upload page a larger limit, as a page post and as a data request', async () => {
    for (const path of ['/beheer/import', '/beheer/import.data']) {
      const res = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: new Uint8Array(2 * MiB),
      })
      expect(res.status).toBe(200)
      expect(await res.json()).toEqual({ length: 2 * MiB })
    }
    const { response } = await headOnly(
      port,
      `POST /beheer/import HTTP/1.1\r\nHost: localhost\r\nContent-Length: ${64 * MiB + 1}\r\n\r\n`,
    )
    expect(response).toMatch(/^HTTP\/1.1 413/)
    expect(response).toContain('hoogstens 64 MB')
  })

  it('takes only JSON with a declared length of at most 1 MB on /api/, answering in JSON', async () => {
    const post = (body: string, type = 'application/json') =>
      fetch(`${url}/api/v1/join`, { method: 'POST', headers: { 'content-type': type }, body })
    expect((await post('{}')).status).toBe(200)
    const wrongType = await post('a=b', 'application/x-www-form-urlencoded')
    expect(wrongType.status).toBe(415)
    const big = await post(JSON.stringify({ x: 'a'.repeat(MiB) }))
    expect(big.status).toBe(413)
    expect(await big.json()).toEqual({ message: 'De inhoud is te groot (hoogstens 1 MB).' })
    const { response } = await headOnly(
      port,
      'POST /api/v1/join HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
    )
    expect(response).toMatch(/^HTTP\/1.1 411/)
  })

  it('takes a photo as the raw picture of at most 3 MB on its one route, and JSON nowhere else', async () => {
    const photos = `${url}/api/v1/sessions/abc-123/photos`
    const send = (path: string, type: string, size: number) =>
      fetch(path, { method: 'POST', headers: { 'content-type': type }, body: new Uint8Array(size) })
    const ok = await send(photos, 'image/jpeg', 3 * MiB)
    expect(ok.status).toBe(200)
    expect(await ok.json()).toEqual({ length: 3 * MiB })
    // Which pictures it takes is the route's to say (JPEG only); anything that is not one is not.
    expect((await send(photos, 'image/png', KiB)).status).toBe(200)
    const text = await send(photos, 'text/plain', KiB)
    expect(text.status).toBe(415)
    expect(await text.json()).toEqual({ message: 'Stuur de foto als JPEG (Content-Type: image/jpeg).' })
    expect((await send(`${url}/api/v1/join`, 'image/jpeg', KiB)).status).toBe(415)
    expect((await send(`${photos}/extra`, 'image/jpeg', KiB)).status).toBe(415)
    const { response } = await headOnly(
      port,
      `POST /api/v1/sessions/abc-123/photos HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/jpeg\r\nContent-Length: ${3 * MiB + 1}\r\n\r\n`,
    )
    expect(response).toMatch(/^HTTP\/1.1 413/)
    expect(response).toContain('hoogstens 3 MB')
  })

  it('lets a post without a body through (a logout button)', async () => {
    const res = await fetch(`${url}/uitloggen`, { method: 'POST' })
    expect(res.status).toBe(200)
  })

  it('lets an API request without a body through whatever its type (DELETE, POST …/close)', async () => {
    expect((await fetch(`${url}/api/v1/join`, { method: 'DELETE' })).status).toBe(200)
    expect((await fetch(`${url}/api/v1/join`, { method: 'POST' })).status).toBe(200)
    const { response } = await headOnly(port, 'DELETE /api/v1/join HTTP/1.1\r\nHost: localhost\r\n\r\n')
    expect(response).toMatch(/^HTTP\/1.1 200/)
  })
})
