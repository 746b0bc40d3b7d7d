import type { Db } from '../../db/client'
import type { Participant, User, WorkshopSession } from '../../db/schema'
import { singleton } from '../../db/singleton'
import { AttemptThrottle } from '~/auth/attempt-throttle'
import { tooMany, type CommandResult } from '~/auth/commands.server'
import { fieldErrors } from '~/validation'
import { rememberParticipant } from './participant-cookie.server'
import { addParticipant, createWorkshopSession, findSessionByJoinCode } from './sessions.server'
import { createSessionSchema, joinSchema } from './validation'

/** Shared by the sessions page and `POST /api/v1/sessions`. */
export function createSession(db: Db, user: User, input: unknown): CommandResult<WorkshopSession> {
  const parsed = createSessionSchema.safeParse(input)
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) }
  return { ok: true, value: createWorkshopSession(db, user.id, parsed.data) }
}

// Join codes are short so people can type them: wrong guesses are limited per client address.
const codeGuesses = singleton('join-throttle', () => new AttemptThrottle(20, 10 * 60 * 1000))

/**
 * The werksessie for a join code someone typed (already normalised), counting wrong codes per
 * client address. Every place that looks up a code from outside goes through here.
 */
export function lookUpJoinCode(
  db: Db,
  joinCode: string,
  clientAddress: string,
): { ok: true; session: WorkshopSession } | { ok: false; status: 404 | 429; errors: Record<string, string> } {
  const wait = codeGuesses.retryAfter(clientAddress)
  if (wait > 0) return { ok: false, status: 429, errors: { joinCode: tooMany(wait), _form: tooMany(wait) } }
  const session = findSessionByJoinCode(db, joinCode)
  if (session) return { ok: true, session }
  codeGuesses.fail(clientAddress)
  return { ok: false, status: 404, errors: { joinCode: 'v.joinCode.unknown' } }
}

/** Shared by the join pages and `POST /api/v1/join`: a participant without an account. */
export async function joinSession(
  db: Db,
  input: unknown,
  cookieHeader: string | null,
  clientAddress: string,
): Promise<CommandResult<{ session: WorkshopSession; participant: Participant }>> {
  const parsed = joinSchema.safeParse(input)
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) }
  const found = lookUpJoinCode(db, parsed.data.joinCode, clientAddress)
  if (!found.ok) return found
  const { session } = found
  const participant = addParticipant(db, session.id, parsed.data)
  return {
    ok: true,
    value: { session, participant },
    setCookie: await rememberParticipant(cookieHeader, session.id, participant.id),
  }
}
