/**
 * Whether a request's Origin header (if any) names this server. Browsers send Origin on
 * cross-site POSTs and websocket upgrades; clients that send none (curl, integrations, tests
 * in Node) are judged by their credentials alone.
 */
export function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true
  if (origin === 'null' || !host) return false
  try {
    return new URL(origin).host === host
  } catch {
    return false
  }
}
