/**
 * How long an idle HTTP connection stays open. Node closes one after 5 s, which a client whose
 * event loop was busy for that long (or a proxy with a longer idle timeout) may still reuse: its
 * next request then fails with "other side closed" (seen as `fetch failed` from a script that
 * computed for a few seconds between two calls). Idle connections are cheap; they are kept for a
 * minute, and the Keep-Alive header tells clients so. `server.close()` still ends idle ones at once.
 */
import type { Server } from 'node:http'

export const KEEP_ALIVE_MS = 65_000

export function keepIdleConnections(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_MS
  // must exceed keepAliveTimeout, or a request on a reused connection can be cut off
  server.headersTimeout = KEEP_ALIVE_MS + 1000
}
