import type { Db } from '../../db/client'
import type { User } from '../../db/schema'
import { invariantResponse } from '~/http/invariant.server'
import { requireUser } from './session.server'

/**
 * Who may change what every profile shows (import or remove CBS data): an administrator only.
 * The first account is one; administrators appoint others (`npm run cli -- user:admin`).
 */
export const isAdministrator = (user: Pick<User, 'isAdmin'> | null | undefined): boolean => user?.isAdmin === true

/** The logged-in administrator; a login redirect for nobody, 403 for any other facilitator. */
export async function requireAdmin(db: Db, request: Request): Promise<User> {
  const user = await requireUser(db, request)
  invariantResponse(isAdministrator(user), 'wijken.import.adminOnly', { status: 403 })
  return user
}
