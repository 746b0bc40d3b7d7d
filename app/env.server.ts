import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { singleton } from '../db/singleton'

const booleanString = z
  .enum(['true', 'false', '1', '0'], { message: 'moet true of false zijn' })
  .transform((v) => v === 'true' || v === '1')

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce
    .number({ message: 'moet een getal zijn' })
    .int('moet een geheel getal zijn')
    .min(0, 'moet tussen 0 en 65535 liggen')
    .max(65535, 'moet tussen 0 en 65535 liggen')
    .default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_PATH: z.string().min(1, 'mag niet leeg zijn').default('data/wijkatelier.db'),
  DATABASE_SYNCHRONOUS: z.enum(['normal', 'full'], { message: 'moet normal of full zijn' }).default('normal'),
  SESSION_SECRET: z.string().min(32, 'moet minstens 32 tekens lang zijn').optional(),
  COOKIE_SECURE: booleanString.default(false),
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For (its last hop). */
  TRUST_PROXY: booleanString.default(false),
  TLDRAW_LICENSE_KEY: z.string().min(1).optional(),
  COLLAB_MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(8 * 1024 * 1024),
  COLLAB_MAX_CONNECTIONS_PER_ROOM: z.coerce.number().int().min(1).default(200),
  /** A canvas edited since its last history moment gets one this long after that edit (5 minutes). */
  COLLAB_HISTORY_INTERVAL_MS: z.coerce
    .number({ message: 'moet een getal zijn' })
    .int('moet een geheel getal zijn')
    .min(100, 'moet minstens 100 zijn')
    .default(5 * 60 * 1000),
})

export type Env = z.infer<typeof envSchema> & { SESSION_SECRET: string }

export class EnvError extends Error {}

/** Parses the environment; throws an EnvError whose message names every wrong variable. */
export function parseEnv(source: Record<string, string | undefined>): z.infer<typeof envSchema> {
  const cleaned = Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === '' ? undefined : v]))
  const result = envSchema.safeParse(cleaned)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = issue.path.join('.')
      return `  ${name}=${JSON.stringify(source[name] ?? '')}: ${issue.message}`
    })
    throw new EnvError(`Ongeldige configuratie (invalid environment):\n${lines.join('\n')}`)
  }
  return result.data
}

/**
 * Without SESSION_SECRET a random one is created beside the database on first start and
 * reused afterwards, so `npm start` works on a fresh clone and logins survive restarts.
 */
function resolveSecret(parsed: z.infer<typeof envSchema>): string {
  if (parsed.SESSION_SECRET) return parsed.SESSION_SECRET
  if (parsed.DATABASE_PATH === ':memory:') return crypto.randomBytes(32).toString('hex')
  const file = path.join(path.dirname(path.resolve(parsed.DATABASE_PATH)), 'session-secret')
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const secret = crypto.randomBytes(32).toString('hex')
    fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' })
    return secret
  }
}

/** The process environment, parsed once. The server calls this first thing at start-up. */
export function getEnv(): Env {
  return singleton('env', () => {
    const parsed = parseEnv(process.env)
    return { ...parsed, SESSION_SECRET: resolveSecret(parsed) }
  })
}
