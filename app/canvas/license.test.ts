import { describe, expect, it, vi } from 'vitest'
import { licenseProblem } from './license'

const prod = { isProduction: true, protocol: 'https:', hostname: 'wijkatelier.example.nl' }

describe('licenseProblem', () => {
  it('reports a missing key on an https production host', () => {
    expect(licenseProblem({ ...prod, licenseKey: undefined })).toBe('missing-key-production')
    expect(licenseProblem({ ...prod, licenseKey: '' })).toBe('missing-key-production')
    expect(licenseProblem({ ...prod, licenseKey: ' \u200B\n' })).toBe('missing-key-production')
  })

  it('is fine when a key is given (tldraw validates the key itself)', () => {
    expect(licenseProblem({ ...prod, licenseKey: 'tldraw-abc/def.sig' })).toBeNull()
  })

  it('treats plain http as development on any host, even in a production build', () => {
    expect(licenseProblem({ ...prod, protocol: 'http:', licenseKey: undefined })).toBeNull()
    expect(licenseProblem({ ...prod, protocol: 'http:', hostname: '192.168.1.20', licenseKey: undefined })).toBeNull()
  })

  it('treats https on loopback hosts as development', () => {
    for (const hostname of ['localhost', 'LOCALHOST', '127.0.0.1', '127.5.6.7', '[::1]', '::1']) {
      expect(licenseProblem({ ...prod, hostname, licenseKey: undefined })).toBeNull()
    }
    expect(licenseProblem({ ...prod, hostname: '128.0.0.1', licenseKey: undefined })).toBe('missing-key-production')
    expect(licenseProblem({ ...prod, hostname: 'localhost.example.nl', licenseKey: undefined })).toBe(
      'missing-key-production',
    )
  })

  it('treats *.localhost as development only outside a production build, even over http', () => {
    expect(licenseProblem({ ...prod, protocol: 'http:', hostname: 'app.localhost', licenseKey: undefined })).toBe(
      'missing-key-production',
    )
    expect(
      licenseProblem({
        ...prod,
        isProduction: false,
        protocol: 'http:',
        hostname: 'app.localhost',
        licenseKey: undefined,
      }),
    ).toBeNull()
  })

  it('never blanks a development build', () => {
    expect(licenseProblem({ ...prod, isProduction: false, licenseKey: undefined })).toBeNull()
  })

  it('counts other protocols (file:, app schemes) as production', () => {
    expect(licenseProblem({ ...prod, protocol: 'file:', hostname: '', licenseKey: undefined })).toBe(
      'missing-key-production',
    )
  })
})

/**
 * Cross-check against tldraw's own (internal) LicenseManager, so a tldraw upgrade that changes the
 * rules fails here rather than blanking the canvas in production.
 */
describe('licenseProblem agrees with tldraw LicenseManager', () => {
  const cases = [
    { ...prod, licenseKey: undefined },
    { ...prod, protocol: 'http:', licenseKey: undefined },
    { ...prod, hostname: 'localhost', licenseKey: undefined },
    { ...prod, hostname: '[::1]', licenseKey: undefined },
    { ...prod, protocol: 'http:', hostname: 'app.localhost', licenseKey: undefined },
    { ...prod, isProduction: false, licenseKey: undefined },
    { ...prod, licenseKey: 'not-a-real-key' },
  ]

  it.each(cases)('%o', async (ctx) => {
    const editorModule = (await import('@tldraw/editor')) as unknown as Record<string, unknown>
    const LicenseManager = editorModule.LicenseManager as new (key?: string) => {
      state: { get(): string }
      verbose: boolean
    }
    const savedWindow = (globalThis as { window?: unknown }).window
    const savedEnv = process.env.NODE_ENV
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    // Unlicensed production also makes tldraw request a tracking image from its CDN.
    const requested: string[] = []
    vi.stubGlobal('fetch', async (url: string) => {
      requested.push(String(url))
      return new Response('')
    })
    try {
      ;(globalThis as { window?: unknown }).window = {
        location: { protocol: ctx.protocol, hostname: ctx.hostname, href: `${ctx.protocol}//${ctx.hostname}/` },
      }
      process.env.NODE_ENV = ctx.isProduction ? 'production' : 'development'
      const manager = new LicenseManager(ctx.licenseKey)
      process.env.NODE_ENV = savedEnv
      await vi.waitFor(() => expect(manager.state.get()).not.toBe('pending'))
      const blanked = ['unlicensed-production', 'expired'].includes(manager.state.get())
      // A given (but invalid) key is tldraw's business; we only predict the missing key.
      if (ctx.licenseKey) expect(licenseProblem(ctx)).toBeNull()
      else expect(blanked).toBe(licenseProblem(ctx) === 'missing-key-production')
      if (blanked) expect(requested).toEqual([expect.stringContaining('cdn.tldraw.com')])
    } finally {
      process.env.NODE_ENV = savedEnv
      ;(globalThis as { window?: unknown }).window = savedWindow
      log.mockRestore()
      vi.unstubAllGlobals()
    }
  })
})
