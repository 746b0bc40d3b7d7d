import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as schema from './schema'
import { singleton } from './singleton'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations')

export interface OpenDbOptions {
  /** `full` also survives power loss; `normal` (WAL) survives any process crash, SIGKILL included. */
  synchronous?: 'normal' | 'full'
  /**
   * How long a statement waits for another connection's write lock before SQLITE_BUSY (default
   * 1 s). The server's connection waits synchronously, holding every room, so it waits no longer
   * than an import's final move takes; past that the room server retries its commit without
   * holding the event loop (server/collab/commit-queue.ts). An import's worker waits longer.
   */
  busyTimeoutMs?: number
}

/** Opens (creating if needed) a SQLite database in WAL mode and applies pending migrations. */
export function openDb(file: string, options: OpenDbOptions = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`)
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 1000}`)
  const db = drizzle(sqlite, { schema }) as Db
  migrate(db, { migrationsFolder })
  return db
}

/**
 * The process-wide database, one connection shared by the server and the Remix build (two
 * module graphs). The first caller decides the file; later callers must agree.
 */
export function getDb(file: string, options: OpenDbOptions = {}): Db {
  const current = singleton('db', () => ({ file, db: openDb(file, options) }))
  if (current.file !== file) throw new Error(`database already open at ${current.file}, not ${file}`)
  return current.db
}
