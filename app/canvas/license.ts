/**
 * Predicts whether tldraw 5 will blank the canvas for lack of a licence key, so we can show a
 * message instead of a canvas that disappears after five seconds. Mirrors
 * `LicenseManager.getIsDevelopment` and `LicenseProvider` in @tldraw/editor 5.4
 * (see docs/decisions/003-tldraw-yjs-binding.md).
 */
export interface LicenseContext {
  licenseKey: string | undefined | null
  /** `window.location.protocol`, e.g. `https:` */
  protocol: string
  /** `window.location.hostname`, e.g. `wijkatelier.nl` or `[::1]` */
  hostname: string
  /** Whether the bundle was built for production (`process.env.NODE_ENV === 'production'`). */
  isProduction: boolean
}

export type LicenseProblem = 'missing-key-production'

export function licenseProblem(ctx: LicenseContext): null | LicenseProblem {
  // tldraw strips zero-width characters; a key of only whitespace fails validation just the same,
  // and an invalid key is blanked exactly like a missing one.
  const key = (ctx.licenseKey ?? '').replace(/[\u200B-\u200D\uFEFF\s]/g, '')
  if (key) return null
  return isTldrawDevelopment(ctx) ? null : 'missing-key-production'
}

/** tldraw's own notion of "development": there it only shows a watermark and never blanks. */
export function isTldrawDevelopment({ protocol, hostname, isProduction }: Omit<LicenseContext, 'licenseKey'>) {
  const host = hostname.toLowerCase()
  // Tauri-style `*.localhost` hosts count as development only in a development build.
  if (host.endsWith('.localhost')) return !isProduction
  return protocol === 'http:' || (protocol === 'https:' && isLoopbackHost(host)) || !isProduction
}

function isLoopbackHost(hostname: string) {
  const host = hostname.replace(/^\[|\]$/g, '')
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host)
}
