import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KEEP_ALIVE_MS, keepIdleConnections } from './keep-alive'

describe('keepIdleConnections', () => {
  let server: http.Server
  let port = 0
  beforeAll(async () => {
    server = http.createServer((_req, res) => res.end('ok'))
    keepIdleConnections(server)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('tells clients an idle connection is kept for a minute, and serves two requests on one connection', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    const get = () =>
      new Promise<{ keepAlive: string | undefined; socket: unknown }>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
            res.resume()
            res.on('end', () => resolve({ keepAlive: String(res.headers['keep-alive']), socket: res.socket }))
          })
          .on('error', reject)
      })
    const first = await get()
    const second = await get()
    agent.destroy()
    expect(first.keepAlive).toBe(`timeout=${KEEP_ALIVE_MS / 1000}`)
    expect(second.socket).toBe(first.socket)
  })
})
