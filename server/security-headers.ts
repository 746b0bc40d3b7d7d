import helmet from 'helmet'

/**
 * Security headers on every response, by helmet: its defaults (nosniff, Cross-Origin-Opener-
 * and -Resource-Policy same-origin, Origin-Agent-Cluster, …) with our referrer and framing
 * choices. Two defaults are off on purpose:
 * - Content-Security-Policy: helmet's default allows no inline script, and the Remix document
 *   hydrates from inline scripts (a nonce would have to reach <Scripts> and <ScrollRestoration>
 *   in entry.server/root), Vite's dev client injects its own, and tldraw needs inline styles,
 *   data: and blob: images. A policy that serves all of that has to be proven in the browser
 *   suite before it is switched on.
 * - Strict-Transport-Security: TLS ends at the reverse proxy in front of us; only it knows
 *   whether the site and every subdomain are on HTTPS, so it sets HSTS.
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: false,
    strictTransportSecurity: false,
    // Our own pages get the full referrer; other sites get none, not even the origin: the
    // address of a werksessie page is not for them.
    referrerPolicy: { policy: 'same-origin' },
    // No page of ours is meant to be framed, not even by ourselves (clickjacking).
    xFrameOptions: { action: 'deny' },
  })
}
