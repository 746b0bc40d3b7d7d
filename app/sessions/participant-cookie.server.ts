import type { Cookie } from '@remix-run/node'
import { z } from 'zod'
import { signedCookie } from '~/auth/signed-cookie.server'

const MAX_SESSIONS = 20
const cookieValue = z.record(z.string(), z.string())

let cookie: Cookie | undefined
/**
 * Participants have no account: a signed cookie maps each werksessie they joined on this
 * device to their participant id, so they come back as the same "Ouder 3".
 */
function participantCookie() {
  cookie ??= signedCookie('wa_participant', 180 * 24 * 60 * 60)
  return cookie
}

export async function readParticipantIds(cookieHeader: string | null | undefined): Promise<Record<string, string>> {
  if (!cookieHeader) return {}
  const parsed = cookieValue.safeParse(await participantCookie().parse(cookieHeader))
  return parsed.success ? parsed.data : {}
}

/** Set-Cookie value that adds (or replaces) the participant for a session, keeping the newest ones. */
export async function rememberParticipant(
  cookieHeader: string | null | undefined,
  sessionId: string,
  participantId: string,
): Promise<string> {
  const current = await readParticipantIds(cookieHeader)
  delete current[sessionId]
  const entries = [...Object.entries(current), [sessionId, participantId] as const].slice(-MAX_SESSIONS)
  return participantCookie().serialize(Object.fromEntries(entries))
}
