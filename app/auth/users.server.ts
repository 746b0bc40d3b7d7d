import crypto from 'node:crypto'
import { count, eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { users, type User } from '../../db/schema'
import { hashPassword, verifyPassword } from './password.server'

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase()
}

export function countUsers(db: Db): number {
  return db.select({ n: count() }).from(users).get()?.n ?? 0
}

export class DuplicateEmailError extends Error {
  constructor() {
    super('v.email.taken')
  }
}

export async function createUser(db: Db, input: { email: string; password: string; name: string }): Promise<User> {
  const email = normalizeEmail(input.email)
  const passwordHash = await hashPassword(input.password)
  if (db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) throw new DuplicateEmailError()
  // The first account administers the shared figures; it appoints any others (setAdmin). No await
  // lies between the count and the insert, so two first accounts cannot both become one.
  const isAdmin = countUsers(db) === 0
  return db
    .insert(users)
    .values({ id: crypto.randomUUID(), email, name: input.name.trim(), passwordHash, isAdmin })
    .returning()
    .get()
}

/** Appoints (or, with `isAdmin` false, dismisses) an administrator; null when no account has that e-mail. */
export function setAdmin(db: Db, email: string, isAdmin = true): User | null {
  return (
    db
      .update(users)
      .set({ isAdmin })
      .where(eq(users.email, normalizeEmail(email)))
      .returning()
      .get() ?? null
  )
}

/** The account with this e-mail address, if any (the CLI's `--by`). */
export function findUserByEmail(db: Db, email: string): User | null {
  return (
    db
      .select()
      .from(users)
      .where(eq(users.email, normalizeEmail(email)))
      .get() ?? null
  )
}

// A fixed hash to verify against when the email is unknown, so both cases take as long.
let dummyHash: Promise<string> | undefined

export async function checkCredentials(db: Db, email: string, password: string): Promise<User | null> {
  const user = db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .get()
  if (!user) {
    // Made once; if it was refused (too busy), the next unknown e-mail makes it again.
    dummyHash ??= hashPassword('not-a-password').catch((error: unknown) => {
      dummyHash = undefined
      throw error
    })
    await verifyPassword(password, await dummyHash)
    return null
  }
  return (await verifyPassword(password, user.passwordHash)) ? user : null
}

export function getUserById(db: Db, id: string): User | undefined {
  return db.select().from(users).where(eq(users.id, id)).get()
}
