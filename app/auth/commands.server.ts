import type { Db } from '../../db/client'
import type { User } from '../../db/schema'
import { singleton } from '../../db/singleton'
import { message } from '~/i18n'
import { fieldErrors } from '~/validation'
import { startSession } from './session.server'
import { LoginThrottle } from './attempt-throttle'
import { knownDevice, rememberDevice } from './device-cookie.server'
import { BusyError } from './semaphore'
import { checkCredentials, countUsers, createUser, DuplicateEmailError, normalizeEmail } from './users.server'
import { accountSchema, loginSchema } from './validation'

export type CommandResult<T> =
  | { ok: true; value: T; setCookie?: string }
  | {
      ok: false
      status: 400 | 401 | 403 | 404 | 409 | 410 | 429 | 503
      errors: Record<string, string>
      /** seconds, for a Retry-After header (429, 503) */
      retryAfter?: number
    }

const throttle = singleton('login-limits', () => new LoginThrottle())

/** "Te veel mislukte pogingen…" with the wait in seconds or minutes, as a message translated where it is shown. */
export const tooMany = (wait: number) => {
  if (wait < 60_000) return message('error.throttled.seconds', { seconds: Math.max(1, Math.ceil(wait / 1000)) })
  const minutes = Math.ceil(wait / 60_000)
  return message(minutes === 1 ? 'error.throttled.one' : 'error.throttled.other', { minutes })
}

/**
 * Shared by the login page and `POST /api/v1/auth/login`. Guessing is slowed per e-mail
 * address, per client address and overall, without locking the owner out (LoginThrottle);
 * `cookieHeader` carries the device cookie of a browser that logged in as this address before.
 * A success also answers `deviceCookie`, to be set beside the session cookie.
 */
export async function login(
  db: Db,
  input: unknown,
  clientAddress: string,
  cookieHeader: string | null = null,
): Promise<CommandResult<User> & { deviceCookie?: string }> {
  const parsed = loginSchema.safeParse(input)
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) }
  const email = normalizeEmail(parsed.data.email)
  const attempt = throttle.begin({ email, address: clientAddress, device: await knownDevice(cookieHeader, email) })
  if (!attempt.ok) {
    const retryAfter = Math.ceil(attempt.retryAfterMs / 1000)
    return { ok: false, status: 429, errors: { _form: tooMany(attempt.retryAfterMs) }, retryAfter }
  }
  let user: User | null
  try {
    user = await checkCredentials(db, email, parsed.data.password)
  } catch (error) {
    if (!(error instanceof BusyError)) throw error
    // Not a guess: the password was never checked.
    attempt.cancel()
    return { ok: false, status: 503, errors: { _form: message('error.login.busy', { seconds: 2 }) }, retryAfter: 2 }
  }
  if (!user) return { ok: false, status: 401, errors: { _form: 'v.login.failed' } }
  attempt.succeed()
  return {
    ok: true,
    value: user,
    setCookie: await startSession(db, user.id),
    deviceCookie: await rememberDevice(cookieHeader, email),
  }
}

/** Creates the very first facilitator account; refused once any account exists. */
export async function createFirstAccount(db: Db, input: unknown): Promise<CommandResult<User>> {
  if (countUsers(db) > 0) return { ok: false, status: 403, errors: { _form: 'setup.done' } }
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
