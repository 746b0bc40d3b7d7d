import { connectionState, type ConnectionState, type ProviderStatus } from './connection-state'

/**
 * The server closed the socket for good: 4401 not authenticated, 4403 forbidden, 4410 the
 * werksessie was deleted; or refused an update: 4422 (not allowed for this role), 4409 (someone
 * else's ids, unknown content) and 4413 (over a budget). A refused update stays in the local doc
 * and its offline copy, and would be sent again on every reconnect: for those the canvas drops
 * its local copy and loads the room afresh (resetsLocalCopy).
 */
export type ServerRefusal = 'unauthenticated' | 'forbidden' | 'gone' | 'rejected'

const CLOSE_REFUSALS: Record<number, ServerRefusal> = {
  4401: 'unauthenticated',
  4403: 'forbidden',
  4409: 'rejected',
  4410: 'gone',
  4413: 'rejected',
  4422: 'rejected',
}

/** A refused update: the local doc and its offline copy go, the room is loaded again from the server. */
export const resetsLocalCopy = (refusal: ServerRefusal) => refusal === 'rejected'

/** The answers of GET /api/v1/rooms/:roomId/access that mean reconnecting is pointless. */
const ACCESS_REFUSALS: Record<number, ServerRefusal> = { 401: 'unauthenticated', 403: 'forbidden', 404: 'gone' }

/** The refusal a websocket close code stands for, or null for a close worth retrying. */
export function refusalForClose(code: number | undefined): ServerRefusal | null {
  return code === undefined ? null : (CLOSE_REFUSALS[code] ?? null)
}

/** The refusal an answer of the access endpoint stands for, or null (allowed, or unknown). */
export function refusalForAccess(httpStatus: number): ServerRefusal | null {
  return ACCESS_REFUSALS[httpStatus] ?? null
}

/** What the client knows about its link to the room server; changed only by the functions below. */
export interface Link {
  status: ProviderStatus
  /** When the provider last stopped being connected (or started trying). */
  notConnectedSince: number
  /** Bare closes since the last successful connection. */
  failedAttempts: number
}

export function initialLink(now: number): Link {
  return { status: 'connecting', notConnectedSince: now, failedAttempts: 0 }
}

/** The provider reported a new status. */
export function statusChanged(link: Link, status: ProviderStatus, now: number): Link {
  return {
    status,
    notConnectedSince: status !== 'connected' && link.status === 'connected' ? now : link.notConnectedSince,
    failedAttempts: status === 'connected' ? 0 : link.failedAttempts,
  }
}

export type CloseOutcome =
  /** Reconnecting would only be refused again (or resend a rejected edit): stop. */
  | { link: Link; refusal: ServerRefusal; askWhy: false }
  /** Let the provider retry; `askWhy` says whether to ask the access endpoint now. */
  | { link: Link; refusal: null; askWhy: boolean }

/**
 * The socket closed. A refused upgrade reaches the browser as a bare close without a code of
 * ours, so every third bare close (the 2nd, 5th, 8th …) while online asks over HTTP why.
 */
export function socketClosed(link: Link, code: number | undefined, online: boolean): CloseOutcome {
  const refusal = refusalForClose(code)
  if (refusal) return { link, refusal, askWhy: false }
  const failedAttempts = link.failedAttempts + 1
  return { link: { ...link, failedAttempts }, refusal: null, askWhy: failedAttempts % 3 === 2 && online }
}

/** What the status badge says about the link right now. */
export function linkBadge(link: Link, online: boolean, now: number): ConnectionState {
  return connectionState({
    online,
    status: link.status,
    notConnectedForMs: link.status === 'connected' ? 0 : now - link.notConnectedSince,
  })
}
