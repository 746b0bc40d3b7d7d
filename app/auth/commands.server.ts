import type { Db } from '../../db/client'
import type { User } from '../../db/schema'
import { fieldErrors } from '../validation'
import { startSession } from './session.server'
import { checkCredentials, countUsers, createUser, DuplicateEmailError } from './users.server'
import { accountSchema, loginSchema } from './validation'

export type CommandResult<T> =
  | { ok: true; value: T; setCookie?: string }
  | { ok: false; status: 400 | 401 | 403 | 404 | 409; errors: Record<string, string> }

/** Shared by the login page and `POST /api/v1/auth/login`. */
export async function login(db: Db, input: unknown): Promise<CommandResult<User>> {
  const parsed = loginSchema.safeParse(input)
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) }
  const user = await checkCredentials(db, parsed.data.email, parsed.data.password)
  if (!user) return { ok: false, status: 401, errors: { _form: 'Dit e-mailadres en wachtwoord horen niet bij elkaar.' } }
  return { ok: true, value: user, setCookie: await startSession(db, user.id) }
}

/** Creates the very first facilitator account; refused once any account exists. */
export async function createFirstAccount(db: Db, input: unknown): Promise<CommandResult<User>> {
  if (countUsers(db) > 0) return { ok: false, status: 403, errors: { _form: 'Er bestaat al een account. Log in.' } }
  return createAccount(db, input, { startSession: true })
}

/** Validated account creation, for the first-run page and the administrator's CLI. */
export async function createAccount(
  db: Db,
  input: unknown,
  options: { startSession: boolean },
): Promise<CommandResult<User>> {
  const parsed = accountSchema.safeParse(input)
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) }
  try {
    const user = await createUser(db, parsed.data)
    return { ok: true, value: user, setCookie: options.startSession ? await startSession(db, user.id) : undefined }
  } catch (error) {
    if (error instanceof DuplicateEmailError) return { ok: false, status: 409, errors: { email: error.message } }
    throw error
  }
}
