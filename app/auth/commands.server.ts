import type { Db } from '../../db/client'
import type { User } from '../../db/schema'
import { fieldErrors } from '../validation'
import { startSession } from './session.server'
import { LoginThrottle } from './login-throttle'
import { checkCredentials, countUsers, createUser, DuplicateEmailError, normalizeEmail } from './users.server'
import { accountSchema, loginSchema } from './validation'

export type CommandResult<T> =
  | { ok: true; value: T; setCookie?: string }
  | { ok: false; status: 400 | 401 | 403 | 404 | 409 | 429; errors: Record<string, string> }

declare global {
  var __wijkatelierLoginThrottle: LoginThrottle | undefined
}
const throttle = (globalThis.__wijkatelierLoginThrottle ??= new LoginThrottle())

/** Shared by the login page and `POST /api/v1/auth/login`. */
export async function login(db: Db, input: unknown): Promise<CommandResult<User>> {
  const parsed = loginSchema.safeParse(input)
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) }
  const key = normalizeEmail(parsed.data.email)
  const wait = throttle.retryAfter(key)
  if (wait > 0) {
    const minutes = Math.ceil(wait / 60_000)
    return {
      ok: false,
      status: 429,
      errors: { _form: `Te veel mislukte pogingen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.` },
    }
  }
  const user = await checkCredentials(db, parsed.data.email, parsed.data.password)
  if (!user) {
    throttle.fail(key)
    return { ok: false, status: 401, errors: { _form: 'Dit e-mailadres en wachtwoord horen niet bij elkaar.' } }
  }
  throttle.succeed(key)
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
