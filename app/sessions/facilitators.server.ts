import { and, eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { sessionFacilitators, users, type User, type WorkshopSession } from '../../db/schema'
import type { CommandResult } from '~/auth/commands.server'
import { normalizeEmail } from '~/auth/users.server'
import { fieldErrors } from '~/validation'
import { inviteSchema } from './validation'

/**
 * Who runs a werksessie: its owner (the account that made it) and the co-facilitators the owner
 * invited. Co-facilitators may do everything the owner does, except two things that stay the
 * owner's: deleting the session and inviting (or removing) co-facilitators, so the person
 * responsible for a session decides who else runs it (docs/architecture.md).
 */
export function isSessionOwner(user: User | null, session: WorkshopSession): boolean {
  return !!user && user.id === session.facilitatorId
}

export function isCoFacilitator(db: Db, userId: string, sessionId: string): boolean {
  return !!db
    .select({ userId: sessionFacilitators.userId })
    .from(sessionFacilitators)
    .where(and(eq(sessionFacilitators.workshopSessionId, sessionId), eq(sessionFacilitators.userId, userId)))
    .get()
}

export function listCoFacilitators(db: Db, sessionId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, invitedAt: sessionFacilitators.createdAt })
    .from(sessionFacilitators)
    .innerJoin(users, eq(users.id, sessionFacilitators.userId))
    .where(eq(sessionFacilitators.workshopSessionId, sessionId))
    .orderBy(sessionFacilitators.createdAt)
    .all()
}

/** The owner invites another existing account by e-mail (accounts are made by the CLI or the first-run page). */
export function inviteCoFacilitator(
  db: Db,
  owner: User,
  session: WorkshopSession,
  input: unknown,
): CommandResult<{ id: string; name: string; email: string }> {
  if (!isSessionOwner(owner, session)) return { ok: false, status: 403, errors: { _form: 'settings.error.ownerOnly' } }
  const parsed = inviteSchema.safeParse(input)
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) }
  const email = normalizeEmail(parsed.data.email)
  const invitee = db.select().from(users).where(eq(users.email, email)).get()
  if (!invitee) return { ok: false, status: 404, errors: { email: 'settings.error.noAccount' } }
  if (invitee.id === owner.id) return { ok: false, status: 400, errors: { email: 'settings.error.self' } }
  if (isCoFacilitator(db, invitee.id, session.id)) {
    return { ok: false, status: 409, errors: { email: 'settings.error.already' } }
  }
  db.insert(sessionFacilitators)
    .values({ workshopSessionId: session.id, userId: invitee.id, invitedBy: owner.id })
    .run()
  return { ok: true, value: { id: invitee.id, name: invitee.name, email: invitee.email } }
}

/** Only the owner removes a co-facilitator; false when there was none to remove. */
export function removeCoFacilitator(db: Db, sessionId: string, userId: string): boolean {
  return (
    db
      .delete(sessionFacilitators)
      .where(and(eq(sessionFacilitators.workshopSessionId, sessionId), eq(sessionFacilitators.userId, userId)))
      .run().changes > 0
  )
}
