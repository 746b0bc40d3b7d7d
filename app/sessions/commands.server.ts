import type { Db } from '../../db/client'
import type { Participant, User, WorkshopSession } from '../../db/schema'
import { singleton } from '../../db/singleton'
import { AttemptThrottle } from '~/auth/attempt-throttle'
import { tooMany, type CommandResult } from '~/auth/commands.server'
import { getEnv } from '~/env.server'
import { message } from '~/i18n'
import { fieldErrors } from '~/validation'
import { rememberParticipant } from './participant-cookie.server'
import { joinCodeState } from './join-code'
import {
  addParticipant,
  createWorkshopSession,
  findSessionByJoinCode,
  markSessionActive,
  type NewWorkshopSession,
} from './sessions.server'
import { createSessionSchema, joinSchema } from './validation'

/** Shared by the sessions page and `POST /api/v1/sessions`. */
export function createSession(db: Db, user: User, input: unknown): CommandResult<NewWorkshopSession> {
  const parsed = createSessionSchema.safeParse(input)
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) }
  return { ok: true, value: createWorkshopSession(db, user.id, parsed.data) }
}

// Join codes are short so people can type them: wrong guesses are limited per client address.
const codeGuesses = singleton('join-code-guesses', () => new AttemptThrottle(20, 10 * 60 * 1000))
// Joins per client address: a class of 30 on one school Wi-Fi gets in within a minute with room
// to spare, a script creating participants by the hundred does not.
const joinsPerAddress = singleton('joins-per-address', () => new AttemptThrottle(60, 60 * 1000))

export interface JoinCodeOptions {
  now?: Date
  /** defaults to JOIN_CODE_IDLE_DAYS */
  idleDays?: number
}

/**
 * The werksessie for a join code someone typed (already normalised), counting wrong codes per
 * client address. Every place that looks up a code from outside goes through here.
 *
 * One wrong code counts once however often it is looked up: a form post runs the action and
 * then the page's loader, which both look the code up (twice per post before), and someone
 * retyping the same wrong code is not guessing. A closed or idle session's code is not a guess
 * either; it answers 410.
 */
export function lookUpJoinCode(
  db: Db,
  joinCode: string,
  clientAddress: string,
  options: JoinCodeOptions = {},
): { ok: true; session: WorkshopSession } | { ok: false; status: 404 | 410 | 429; errors: Record<string, string> } {
  const now = options.now ?? new Date()
  const wait = codeGuesses.retryAfter(clientAddress, now.getTime())
  if (wait > 0) return { ok: false, status: 429, errors: { joinCode: tooMany(wait), _form: tooMany(wait) } }
  const session = findSessionByJoinCode(db, joinCode)
  if (!session) {
    codeGuesses.fail(clientAddress, now.getTime(), joinCode)
    return { ok: false, status: 404, errors: { joinCode: 'v.joinCode.unknown' } }
  }
  const state = joinCodeState(session, now, options.idleDays ?? getEnv().JOIN_CODE_IDLE_DAYS)
  if (state !== 'open') {
    const why = state === 'closed' ? 'error.joinCode.closed' : 'error.joinCode.expired'
    return { ok: false, status: 410, errors: { joinCode: why, _form: why } }
  }
  return { ok: true, session }
}

/** Shared by the join pages and `POST /api/v1/join`: a participant without an account. */
export async function joinSession(
  db: Db,
  input: unknown,
  cookieHeader: string | null,
  clientAddress: string,
  options: JoinCodeOptions = {},
): Promise<CommandResult<{ session: WorkshopSession; participant: Participant }>> {
  const parsed = joinSchema.safeParse(input)
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) }
  const now = options.now ?? new Date()
  const found = lookUpJoinCode(db, parsed.data.joinCode, clientAddress, { ...options, now })
  if (!found.ok) return found
  const wait = joinsPerAddress.retryAfter(clientAddress, now.getTime())
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000)
    return {
      ok: false,
      status: 429,
      errors: { _form: message('error.joins.tooMany', { seconds }) },
      retryAfter: seconds,
    }
  }
  joinsPerAddress.fail(clientAddress, now.getTime()) // a join, counted like a failure is elsewhere
  const { session } = found
  const participant = addParticipant(db, session.id, parsed.data)
  markSessionActive(db, session.id, now)
  return {
    ok: true,
    value: { session, participant },
    setCookie: await rememberParticipant(cookieHeader, session.id, participant.id),
  }
}
