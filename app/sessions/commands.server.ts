import type { Db } from '../../db/client'
import type { Participant, User, WorkshopSession } from '../../db/schema'
import { singleton } from '../../db/singleton'
import { AttemptThrottle } from '~/auth/attempt-throttle'
import type { CommandResult } from '~/auth/commands.server'
import { getEnv } from '~/env.server'
import { message } from '~/i18n'
import { fieldErrors } from '~/validation'
import { JoinCodeGuard, type Admission } from './join-guard.server'
import { readParticipantIds, rememberParticipant } from './participant-cookie.server'
import { isJoinCode, joinCodeState } from './join-code'
import {
  addParticipant,
  createWorkshopSession,
  findSessionByJoinCode,
  getParticipant,
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

/** The limits a join goes through: looking up the code, and joins per client address. */
export interface JoinLimits {
  codes: JoinCodeGuard
  /**
   * New participants per client address: a room of 30 on one Wi-Fi gets in within a minute with
   * room to spare, a script creating participants by the hundred does not. A device coming back
   * as itself is not counted.
   */
  joins: AttemptThrottle
}

export const newJoinLimits = (warn?: (message: string) => void): JoinLimits => ({
  codes: new JoinCodeGuard(undefined, warn),
  joins: new AttemptThrottle(60, 60 * 1000),
})

const joinLimits = () => singleton('join-limits', newJoinLimits)

export interface JoinCodeOptions {
  now?: Date
  /** defaults to JOIN_CODE_IDLE_DAYS */
  idleDays?: number
  /** defaults to the process's own (tests bring fresh ones) */
  limits?: JoinLimits
}

/** Who asks for a code: the client address limits count against, and the device's participant cookie. */
export interface JoinClient {
  address: string
  cookieHeader?: string | null
}

export type JoinCodeLookup =
  | {
      ok: true
      session: WorkshopSession
      /** this device's participant in the werksessie, when it joined before (possibly removed since) */
      mine?: Participant
    }
  | { ok: false; status: 400 | 404 | 410 | 429; errors: Record<string, string>; retryAfter?: number }

/** A refused lookup: its wait, in a text that says why, the same for right and wrong codes. */
function refusal(admission: Extract<Admission, { ok: false }>): Extract<JoinCodeLookup, { ok: false }> {
  // At least 2 s: "over 1 seconden" is not Dutch, and a second more does no harm.
  const seconds = Math.max(2, Math.ceil(admission.retryAfterMs / 1000))
  const minutes = Math.ceil(seconds / 60)
  let text: string
  if (admission.reason === 'busy') text = message('error.joinCode.busy', { seconds })
  else if (seconds < 60) text = message('error.joinCode.guesses.seconds', { seconds })
  else text = message(minutes === 1 ? 'error.joinCode.guesses.one' : 'error.joinCode.guesses.other', { minutes })
  return { ok: false, status: 429, errors: { joinCode: text, _form: text }, retryAfter: seconds }
}

/**
 * The werksessie for a join code someone typed (already normalised), within the join-code
 * limits (JoinCodeGuard, docs/decisions/012-joining-from-one-room.md). Every place that looks up
 * a code from outside goes through here.
 *
 * A code this address was answered for before, or the code of a werksessie this device joined
 * (its participant cookie), is answered whatever the limits say: the room keeps getting in
 * while someone on its Wi-Fi guesses. Any other code waits for the limits, right or wrong alike.
 * One wrong code counts once however often it is looked up: a form post runs the action and
 * then the page's loader, and someone retyping the same wrong code is not guessing. A closed or
 * idle session's code is not a wrong guess either; it answers 410. Something that cannot be a
 * code (a 0 or an O, too short) is not looked up at all.
 */
export async function lookUpJoinCode(
  db: Db,
  joinCode: string,
  client: JoinClient,
  options: JoinCodeOptions = {},
): Promise<JoinCodeLookup> {
  if (!isJoinCode(joinCode)) return { ok: false, status: 400, errors: { joinCode: 'v.joinCode.format' } }
  const now = (options.now ?? new Date()).getTime()
  const guard = (options.limits ?? joinLimits()).codes
  const { address } = client
  const device = await readParticipantIds(client.cookieHeader)
  const session = findSessionByJoinCode(db, joinCode)
  const joinedId = session ? device[session.id] : undefined
  const joined = joinedId ? getParticipant(db, joinedId) : undefined
  const mine = joined && session && joined.workshopSessionId === session.id ? joined : undefined
  if (!mine && !(session && guard.knows(address, joinCode, now))) {
    const admission = guard.admit(address, now)
    if (!admission.ok) return refusal(admission)
  }
  if (!session) {
    guard.wrong(address, joinCode, now)
    return { ok: false, status: 404, errors: { joinCode: 'v.joinCode.unknown' } }
  }
  const state = joinCodeState(session, new Date(now), options.idleDays ?? getEnv().JOIN_CODE_IDLE_DAYS)
  if (state !== 'open') {
    const why = state === 'closed' ? 'error.joinCode.closed' : 'error.joinCode.expired'
    return { ok: false, status: 410, errors: { joinCode: why, _form: why } }
  }
  guard.right(address, joinCode, now)
  return { ok: true, session, mine }
}

/**
 * A facilitator opened the werksessie from this address: its code is known there, so the room
 * on the same network gets in even when that address has used up its wrong codes.
 */
export function codeShownAt(address: string, joinCode: string, limits: JoinLimits = joinLimits()) {
  limits.codes.right(address, joinCode)
}

/** What a returning device asked for that it did not get: it keeps the identity it has. */
export type KeptField = 'role' | 'displayName' | 'organisationType'

export interface Joined {
  session: WorkshopSession
  participant: Participant
  /** this device had joined before and got its own participant back */
  returning: boolean
  /** asked for on the way back in, and not changed (empty for a new participant) */
  kept: KeptField[]
}

/**
 * Shared by the join pages and `POST /api/v1/join`: a participant without an account. A device
 * that joined this werksessie before (its participant cookie) gets its own participant back,
 * the same "Ouder 3"; a role or name it asks for on the way back changes nothing (`kept` says
 * what was not changed, so the page can say so). A participant the facilitator removed stays
 * removed (403).
 */
export async function joinSession(
  db: Db,
  input: unknown,
  cookieHeader: string | null,
  clientAddress: string,
  options: JoinCodeOptions = {},
): Promise<CommandResult<Joined>> {
  const parsed = joinSchema.safeParse(input)
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) }
  const now = options.now ?? new Date()
  const found = await lookUpJoinCode(
    db,
    parsed.data.joinCode,
    { address: clientAddress, cookieHeader },
    {
      ...options,
      now,
    },
  )
  if (!found.ok) return found
  const { session, mine } = found
  if (mine) {
    if (mine.removedAt) return { ok: false, status: 403, errors: { _form: 'error.session.removed' } }
    markSessionActive(db, session.id, now)
    const { role, displayName, organisationType } = parsed.data
    const kept: KeptField[] = []
    if (role !== mine.role) kept.push('role')
    if (displayName !== undefined && displayName !== mine.displayName) kept.push('displayName')
    if (organisationType !== undefined && organisationType !== mine.organisationType) kept.push('organisationType')
    return {
      ok: true,
      value: { session, participant: mine, returning: true, kept },
      setCookie: await rememberParticipant(cookieHeader, session.id, mine.id),
    }
  }
  const joins = (options.limits ?? joinLimits()).joins
  const wait = joins.retryAfter(clientAddress, now.getTime())
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000)
    return {
      ok: false,
      status: 429,
      errors: { _form: message('error.joins.tooMany', { seconds }) },
      retryAfter: seconds,
    }
  }
  joins.fail(clientAddress, now.getTime()) // a join, counted like a failure is elsewhere
  const participant = addParticipant(db, session.id, parsed.data)
  markSessionActive(db, session.id, now)
  return {
    ok: true,
    value: { session, participant, returning: false, kept: [] },
    setCookie: await rememberParticipant(cookieHeader, session.id, participant.id),
  }
}
