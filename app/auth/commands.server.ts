import type { Db } from '../../db/client'
import type { User } from '../../db/schema'
import { singleton } from '../../db/singleton'
import { message } from '~/i18n'
import { fieldErrors } from '~/validation'
import { startSession } from './session.server'
import { AttemptThrottle } from './attempt-throttle'
import { checkCredentials, countUsers, createUser, DuplicateEmailError, normalizeEmail } from './users.server'
import { accountSchema, loginSchema } from './validation'

export type CommandResult<T> =
  | { ok: true; value: T; setCookie?: string }
  | { ok: false; status: 400 | 401 | 403 | 404 | 409 | 429; errors: Record<string, string> }

const throttle = singleton('login-throttle', () => new AttemptThrottle(5, 15 * 60 * 1000))

/** "Te veel mislukte pogingen…" with the wait in minutes, as a message translated where it is shown. */
export const tooMany = (wait: number) => {
  const minutes = Math.ceil(wait / 60_000)
  return message(minutes === 1 ? 'error.throttled.one' : 'error.throttled.other', { minutes })
}

/**
 * Shared by the login page and `POST /api/v1/auth/login`. Failures are counted per client
 * address and e-mail address, so a stranger elsewhere cannot lock a facilitator out.
 */
export async function login(db: Db, input: unknown, clientAddress: string): Promise<CommandResult<User>> {
  const parsed = loginSchema.safeParse(input)
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) }
  const key = `${clientAddress}|${normalizeEmail(parsed.data.email)}`
  const wait = throttle.retryAfter(key)
  if (wait > 0) return { ok: false, status: 429, errors: { _form: tooMany(wait) } }
  // Counted before the (slow) check, so parallel guesses cannot all slip through.
  throttle.fail(key)
  const user = await checkCredentials(db, parsed.data.email, parsed.data.password)
  if (!user) return { ok: false, status: 401, errors: { _form: 'v.login.failed' } }
  throttle.succeed(key)
  return { ok: true, value: user, setCookie: await startSession(db, user.id) }
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
