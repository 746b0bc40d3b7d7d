import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
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
  /**
   * The reverse proxies whose X-Forwarded-For is believed: addresses or CIDR ranges, comma
   * separated (server/client-address.ts). `true` is refused: it would believe anyone.
   */
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((value, ctx) => {
      const entries = value
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry && entry !== 'false')
      for (const entry of entries) {
        if (!isAddressOrRange(entry)) {
          ctx.addIssue({
            code: 'custom',
            message: `"${entry}" is geen IP-adres of CIDR-bereik; geef het adres van de proxy, bijvoorbeeld 127.0.0.1 of 10.0.0.0/8`,
          })
          return z.NEVER
        }
      }
      return entries
    }),
  TLDRAW_LICENSE_KEY: z.string().min(1).optional(),
  COLLAB_MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(8 * 1024 * 1024),
  COLLAB_MAX_CONNECTIONS_PER_ROOM: z.coerce.number().int().min(1).default(100),
  /** Messages per second one collab connection may send, sustained (a drag sends ~60), and at once. */
  COLLAB_MESSAGES_PER_SECOND: z.coerce
    .number({ message: 'moet een getal zijn' })
    .int('moet een geheel getal zijn')
    .min(1, 'moet minstens 1 zijn')
    .default(300),
  COLLAB_MESSAGE_BURST: z.coerce
    .number({ message: 'moet een getal zijn' })
    .int('moet een geheel getal zijn')
    .min(1, 'moet minstens 1 zijn')
    .default(600),
  /** Open collab connections one person (account or participant) may have to one room: tabs, a phone, a projector. */
  COLLAB_MAX_CONNECTIONS_PER_PERSON: z.coerce
    .number({ message: 'moet een getal zijn' })
    .int('moet een geheel getal zijn')
    .min(1, 'moet minstens 1 zijn')
    .default(10),
  /** Megabytes one person may store in one room over its life, and a room's stored size (docs/collab-protocol.md, "Budgets"). */
  COLLAB_MAX_MB_PER_PERSON: z.coerce
    .number({ message: 'moet een getal zijn' })
    .int('moet een geheel getal zijn')
    .min(1, 'moet minstens 1 zijn')
    .default(64),
  COLLAB_MAX_ROOM_MB: z.coerce
    .number({ message: 'moet een getal zijn' })
    .int('moet een geheel getal zijn')
    .min(1, 'moet minstens 1 zijn')
    .default(128),
  /** A canvas edited since its last history moment gets one this long after that edit (5 minutes). */
  COLLAB_HISTORY_INTERVAL_MS: z.coerce
    .number({ message: 'moet een getal zijn' })
    .int('moet een geheel getal zijn')
    .min(100, 'moet minstens 100 zijn')
    .default(5 * 60 * 1000),
  /** A join code stops working after this many days without a join or a facilitator visit. */
  JOIN_CODE_IDLE_DAYS: z.coerce
    .number({ message: 'moet een getal zijn' })
    .int('moet een geheel getal zijn')
    .min(1, 'moet minstens 1 zijn')
    .default(30),
})

/** `10.0.0.2`, `::1`, `10.0.0.0/8`, `fd00::/8`. */
function isAddressOrRange(entry: string): boolean {
  const [address, prefix, extra] = entry.split('/')
  const family = net.isIP(address)
  if (family === 0 || extra !== undefined) return false
  if (prefix === undefined) return true
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128)
}

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
