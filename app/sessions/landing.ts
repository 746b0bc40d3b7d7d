/**
 * Where a participant lands after joining: on a phone-sized screen the phone page, on a laptop
 * the canvas. The server cannot see the screen, so the join form tells it (a hidden field set
 * from this media query); without JavaScript the request's own hints decide.
 */

/** A phone: a narrow screen, or a finger for a pointer (a tablet too). */
export const PHONE_SCREEN_QUERY = '(max-width: 700px), (pointer: coarse)'

/** The hidden field of the join form that carries `phone` or `wide`. */
export const SCREEN_FIELD = 'screen'

export const participantPagePath = (sessionId: string) => `/doe-mee/${encodeURIComponent(sessionId)}`
export const canvasPath = (sessionId: string) => `/sessies/${encodeURIComponent(sessionId)}`

/**
 * Whether to send this participant to the phone page: what the form says about the screen, or
 * else `Sec-CH-UA-Mobile: ?1` (Chromium browsers on phones) or "Mobi" in the User-Agent (what
 * Mozilla advises for telling phones apart; iPads and Android tablets leave it out).
 */
export function landsOnPhonePage(screen: unknown, headers: Headers): boolean {
  if (screen === 'phone') return true
  if (screen === 'wide') return false
  if (headers.get('Sec-CH-UA-Mobile')?.trim() === '?1') return true
  return /Mobi/.test(headers.get('User-Agent') ?? '')
}

export function participantLanding(sessionId: string, screen: unknown, headers: Headers): string {
  return landsOnPhonePage(screen, headers) ? participantPagePath(sessionId) : canvasPath(sessionId)
}
