import { getDb } from '../db/client'
import { getEnv } from './env.server'

/** The process-wide database, opened at the configured path. */
export function db() {
  const env = getEnv()
  return getDb(env.DATABASE_PATH, { synchronous: env.DATABASE_SYNCHRONOUS })
}
