import type { Db } from '../../db/client'
import type { Participant, User, WorkshopSession } from '../../db/schema'
import type { CommandResult } from '../auth/commands.server'
import { fieldErrors } from '../validation'
import { rememberParticipant } from './participant-cookie.server'
import { addParticipant, createWorkshopSession, findSessionByJoinCode } from './sessions.server'
import { createSessionSchema, joinSchema } from './validation'

/** Shared by the sessions page and `POST /api/v1/sessions`. */
export function createSession(db: Db, user: User, input: unknown): CommandResult<WorkshopSession> {
  const parsed = createSessionSchema.safeParse(input)
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) }
  return { ok: true, value: createWorkshopSession(db, user.id, parsed.data) }
}

/** Shared by the join pages and `POST /api/v1/join`: a participant without an account. */
export async function joinSession(
  db: Db,
  input: unknown,
  cookieHeader: string | null,
): Promise<CommandResult<{ session: WorkshopSession; participant: Participant }>> {
  const parsed = joinSchema.safeParse(input)
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) }
  const session = findSessionByJoinCode(db, parsed.data.joinCode)
  if (!session) {
    return { ok: false, status: 404, errors: { joinCode: 'Deze code kennen we niet. Kijk of je hem goed hebt overgenomen.' } }
  }
  const participant = addParticipant(db, session.id, parsed.data)
  return {
    ok: true,
    value: { session, participant },
    setCookie: await rememberParticipant(cookieHeader, session.id, participant.id),
  }
}
