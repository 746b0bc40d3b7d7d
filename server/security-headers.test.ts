import express from 'express'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { securityHeaders } from './security-headers'

describe('securityHeaders', () => {
  let server: ReturnType<ReturnType<typeof express>['listen']>
  let url = ''
  beforeAll(async () => {
    const app = express()
    app.use(securityHeaders())
    app.get('/', (_req, res) => void res.send('<!doctype html><script>1</script>'))
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s))
    })
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('sends the headers the app relies on, with the values it chose', async () => {
    const headers = (await fetch(url)).headers
    expect(headers.get('x-content-type-options')).toBe('nosniff')
    expect(headers.get('referrer-policy')).toBe('same-origin')
    expect(headers.get('x-frame-options')).toBe('DENY')
    expect(headers.get('cross-origin-opener-policy')).toBe('same-origin')
    expect(headers.get('cross-origin-resource-policy')).toBe('same-origin')
  })

  it('sends no CSP and no HSTS (see the module comment), so inline hydration scripts still run', async () => {
    const headers = (await fetch(url)).headers
    expect(headers.get('content-security-policy')).toBeNull()
    expect(headers.get('strict-transport-security')).toBeNull()
    expect(headers.get('cross-origin-embedder-policy')).toBeNull()
  })
})
