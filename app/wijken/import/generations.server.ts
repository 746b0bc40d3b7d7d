/**
 * How the CBS figures change while rooms are live, without holding them up (ADR 013).
 *
 * Every value row carries the generation that wrote it; `cbs_data_state.generation` is the newest
 * generation readers see, and of a cell's visible rows the newest counts (`currentCells`). A
 * writer (an import or a removal; one at a time, `CbsWriter`) writes the next generation in short
 * transactions that nobody sees, then ONE small transaction makes it current; the rows it
 * replaced are deleted afterwards, in short transactions too. A crash leaves rows of a generation
 * that never became current: invisible, and deleted by the next writer (`finishPending`).
 *
 * Between two short transactions the write lock stays free at least as long as the last one held
 * it: a room's commit waiting in SQLite's busy handler (which looks again after 1, 2, 5, 10, 15 …
 * ms) finds it free, so rooms wait for one short transaction at most, never for a whole import.
 */
import { randomUUID } from 'node:crypto'
import { and, eq, inArray, lte, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { cbsImports, indicatorValues } from '../../../db/schema'

type Sqlite = Db['$client']

/** The generation readers see, for a query (one statement reads it with its rows: one snapshot). */
export const visibleGeneration = sql`coalesce((SELECT generation FROM cbs_data_state WHERE id = 1), 0)`

export interface CbsDataState {
  generation: number
  cleanedGeneration: number
  writer: string | null
  writerPid: number | null
  writerHeartbeatAt: number | null
}

const noState: CbsDataState = {
  generation: 0,
  cleanedGeneration: 0,
  writer: null,
  writerPid: null,
  writerHeartbeatAt: null,
}

export function readCbsState(sqlite: Sqlite): CbsDataState {
  const row = sqlite
    .prepare(
      `SELECT generation, cleaned_generation AS cleanedGeneration, writer, writer_pid AS writerPid,
        writer_heartbeat_at AS writerHeartbeatAt FROM cbs_data_state WHERE id = 1`,
    )
    .get() as CbsDataState | undefined
  return row ?? noState
}

/* ---- Readers ---- */

interface CellRow {
  tableId: string
  column: string
  category: string
  regionCode: string
  period: string
  generation: number
  /** the removal time of the row's import (null while it is listed) */
  removedAt: unknown
}

/**
 * The current value of each cell among visible rows (generation up to the visible one): the row of
 * the newest generation; none where that row's import has been removed. Until the rows a generation
 * replaced are deleted, a cell can have two visible rows.
 */
export function currentCells<R extends CellRow>(rows: R[]): R[] {
  const newest = new Map<string, R>()
  for (const r of rows) {
    const key = `${r.tableId}\u0000${r.column}\u0000${r.category}\u0000${r.regionCode}\u0000${r.period}`
    const seen = newest.get(key)
    if (!seen || r.generation > seen.generation) newest.set(key, r)
  }
  return [...newest.values()].filter((r) => r.removedAt === null || r.removedAt === undefined)
}

/**
 * The current cells of these regions that `which` selects (`currentCells` of the visible rows):
 * one statement reads them with the generation readers see, so a reader gets a whole import or
 * none of it, also while one is being written. The profile and the own figures both read this way.
 */
export function readCurrentCells(db: Db, regionCodes: string[], which: SQL | undefined) {
  const rows = db
    .select({
      tableId: indicatorValues.tableId,
      column: indicatorValues.column,
      sourceColumn: indicatorValues.sourceColumn,
      category: indicatorValues.category,
      regionCode: indicatorValues.regionCode,
      period: indicatorValues.period,
      value: indicatorValues.value,
      missingReason: indicatorValues.missingReason,
      generation: indicatorValues.generation,
      removedAt: cbsImports.removedAt,
    })
    .from(indicatorValues)
    .leftJoin(cbsImports, eq(cbsImports.id, indicatorValues.importId))
    .where(
      and(inArray(indicatorValues.regionCode, regionCodes), which, lte(indicatorValues.generation, visibleGeneration)),
    )
    .all()
  return currentCells(rows)
}

/* ---- The writer slot ---- */

/** A writer that has not written for this long is taken to be gone, even if its process lives. */
export const WRITER_STALE_MS = 60_000

/** Another import or removal is writing CBS figures right now. */
export class CbsBusyError extends Error {
  constructor() {
    super('another CBS import or removal is being written; try again when it is done')
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * When this process started (the same in its worker threads): a writer token starts with it, to tell
 * this process from an earlier one that had the same pid (a restarted container's pid 1).
 */
const processStartedAt = Date.now() - process.uptime() * 1000

/**
 * Free when nobody holds it, or its holder is gone: its process has ended (a crash, kill -9; WAL
 * databases are only shared on one machine, so the pid says it) or it has not written for a minute.
 */
function slotFree(state: CbsDataState, now: number): boolean {
  if (!state.writer) return true
  if (state.writerPid === process.pid) {
    const startedAt = Number(state.writer.split(':')[0])
    if (!(Math.abs(startedAt - processStartedAt) < 2000)) return true
  } else if (state.writerPid !== null && !processAlive(state.writerPid)) return true
  return now - (state.writerHeartbeatAt ?? 0) > WRITER_STALE_MS
}

/**
 * The one writer of CBS figures. It holds the slot in cbs_data_state from `acquire` to `release`;
 * every transaction of its work renews it (`touch`), and finds out if it was taken over.
 */
export class CbsWriter {
  private readonly renew
  private readonly free

  private constructor(
    sqlite: Sqlite,
    readonly token: string,
  ) {
    this.renew = sqlite.prepare('UPDATE cbs_data_state SET writer_heartbeat_at = ? WHERE id = 1 AND writer = ?')
    this.free = sqlite.prepare(
      'UPDATE cbs_data_state SET writer = NULL, writer_pid = NULL, writer_heartbeat_at = NULL WHERE id = 1 AND writer = ?',
    )
  }

  /** Takes the slot if it is free, in one small transaction; null when another writer holds it. */
  static tryAcquire(sqlite: Sqlite): CbsWriter | null {
    const token = `${Math.round(processStartedAt)}:${randomUUID()}`
    const taken = sqlite
      .transaction(() => {
        sqlite.prepare('INSERT OR IGNORE INTO cbs_data_state (id) VALUES (1)').run()
        if (!slotFree(readCbsState(sqlite), Date.now())) return false
        sqlite
          .prepare('UPDATE cbs_data_state SET writer = ?, writer_pid = ?, writer_heartbeat_at = ? WHERE id = 1')
          .run(token, process.pid, Date.now())
        return true
      })
      .immediate()
    return taken ? new CbsWriter(sqlite, token) : null
  }

  /** Waits (without holding anything) until the slot is free, then takes it. */
  static async acquire(sqlite: Sqlite, options: { pollMs?: number; onWait?: () => void } = {}): Promise<CbsWriter> {
    for (let waited = false; ; waited = true) {
      const writer = CbsWriter.tryAcquire(sqlite)
      if (writer) return writer
      if (!waited) options.onWait?.()
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 200))
    }
  }

  /** Inside each of this writer's transactions: renews the slot; throws if another writer took it over. */
  touch(): void {
    if (this.renew.run(Date.now(), this.token).changes !== 1)
      throw new Error('CBS writer: another writer took over the slot')
  }

  release(): void {
    this.free.run(this.token)
  }
}

/* ---- Work in steps ---- */

/** How many rows a step takes on; the short-transaction driver adapts it to the time a step takes. */
export interface Chunk {
  rows: number
}

/**
 * A writer's work as steps: the code between two `yield`s runs in one transaction. Each yield
 * gives the number of rows the step handled (0 for a fixed-size step such as the switch).
 */
export type Steps<T> = Generator<number, T, void>

export interface ShortTransactionOptions {
  /** how long one transaction should hold the write lock (default 8 ms) */
  targetMs?: number
  /** rows for the first step (default 1 000) */
  firstRows?: number
  /** never more rows in one step than this (default 50 000) */
  maxRows?: number
  /** after each transaction has committed; a test reads here what others see between two */
  afterTransaction?: () => void | Promise<void>
  /** stops between two transactions (the work so far stays; what is left is pending for the next writer) */
  signal?: AbortSignal
}

export interface ShortTransactionStats {
  transactions: number
  /** the longest a transaction held the write lock, ms */
  longestMs: number
}

const MIN_ROWS = 100
const MAX_ROWS = 50_000
const MIN_GAP_MS = 2

/**
 * Runs the steps each in a short `BEGIN IMMEDIATE` transaction of the writer, and after each one
 * leaves the lock free for at least as long as the step held it (see the top of this file). The
 * rows per step follow the time per row, so a step holds the lock for about `targetMs`.
 */
export async function runInShortTransactions<T>(
  sqlite: Sqlite,
  writer: CbsWriter,
  make: (chunk: Chunk) => Steps<T>,
  options: ShortTransactionOptions = {},
): Promise<{ result: T; stats: ShortTransactionStats }> {
  const targetMs = options.targetMs ?? 8
  const maxRows = options.maxRows ?? MAX_ROWS
  const chunk: Chunk = { rows: options.firstRows ?? 1000 }
  const steps = make(chunk)
  const stats: ShortTransactionStats = { transactions: 0, longestMs: 0 }
  const step = sqlite.transaction(() => {
    const started = performance.now()
    writer.touch()
    return { next: steps.next(), started }
  })
  try {
    for (;;) {
      const asked = chunk.rows
      const { next, started } = step.immediate()
      const held = performance.now() - started
      stats.transactions++
      stats.longestMs = Math.max(stats.longestMs, held)
      await options.afterTransaction?.()
      if (next.done) return { result: next.value, stats }
      options.signal?.throwIfAborted()
      const rows = next.value
      if (rows >= asked / 2 && held > 0) {
        // halfway between what this step would suggest and what it was, so one odd step does not swing it
        const suggested = (asked * targetMs) / held
        chunk.rows = Math.round(Math.min(maxRows, Math.max(MIN_ROWS, Math.sqrt(asked * suggested))))
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(MIN_GAP_MS, held)))
    }
  } finally {
    steps.return(undefined as T)
  }
}

/**
 * Runs the same steps in ONE transaction, for work where nothing live waits (the bundled data on
 * first start, an in-memory database): all or nothing as well. Refuses (CbsBusyError) while another
 * writer holds the slot; a slot its holder left behind is freed.
 */
export function runInOneTransaction<T>(sqlite: Sqlite, make: (chunk: Chunk) => Steps<T>): T {
  return sqlite
    .transaction(() => {
      sqlite.prepare('INSERT OR IGNORE INTO cbs_data_state (id) VALUES (1)').run()
      if (!slotFree(readCbsState(sqlite), Date.now())) throw new CbsBusyError()
      sqlite.prepare('UPDATE cbs_data_state SET writer = NULL, writer_pid = NULL, writer_heartbeat_at = NULL').run()
      const steps = make({ rows: Number.MAX_SAFE_INTEGER })
      for (;;) {
        const next = steps.next()
        if (next.done) return next.value
      }
    })
    .immediate()
}

/* ---- Steps every writer shares ---- */

/** Deletes what `select` (`SELECT id … LIMIT ?`, bound with `args` then the limit) finds, a chunk per step. */
function* deleteInChunks(sqlite: Sqlite, chunk: Chunk, select: string, ...args: unknown[]): Steps<number> {
  const remove = sqlite.prepare(`DELETE FROM indicator_values WHERE id IN (${select})`)
  let total = 0
  for (;;) {
    const limit = chunk.rows
    const n = remove.run(...args, limit).changes
    total += n
    yield n
    if (n < limit) return total
  }
}

/** The rows that generation `g` replaced: older rows of the cells it wrote, a chunk of its rows per step. */
export function* deleteReplaced(sqlite: Sqlite, chunk: Chunk, g: number): Steps<number> {
  const nextRows = sqlite.prepare(
    `SELECT count(*) AS n, max(id) AS upto FROM
      (SELECT id FROM indicator_values WHERE generation = ? AND id > ? ORDER BY id LIMIT ?)`,
  )
  const remove = sqlite.prepare(
    `DELETE FROM indicator_values WHERE id IN (
      SELECT o.id FROM indicator_values n JOIN indicator_values o
        ON o.table_id = n.table_id AND o."column" = n."column" AND o.category = n.category
        AND o.region_code = n.region_code AND o.period = n.period AND o.generation < n.generation
      WHERE n.generation = ? AND n.id > ? AND n.id <= ?)`,
  )
  let after = 0
  let deleted = 0
  for (;;) {
    const limit = chunk.rows
    const { n, upto } = nextRows.get(g, after, limit) as { n: number; upto: number | null }
    if (upto !== null) deleted += remove.run(g, after, upto).changes
    yield n
    if (n < limit || upto === null) return deleted
    after = upto
  }
}

/** Every value of a removed import, then its row. Returns the values deleted. */
export function* purgeImport(sqlite: Sqlite, chunk: Chunk, importId: number): Steps<number> {
  const values = yield* deleteInChunks(
    sqlite,
    chunk,
    'SELECT id FROM indicator_values WHERE import_id = ? LIMIT ?',
    importId,
  )
  sqlite.prepare('DELETE FROM cbs_imports WHERE id = ?').run(importId)
  return values
}

/**
 * What earlier writers left unfinished, so this writer starts from one row per cell: rows of a
 * generation that never became current (a crash mid-import) and its new imports, the values of
 * removed imports, and rows a current generation replaced. The first thing every writer does.
 */
export function* finishPending(sqlite: Sqlite, chunk: Chunk): Steps<void> {
  const { generation, cleanedGeneration } = readCbsState(sqlite)
  yield* deleteInChunks(sqlite, chunk, 'SELECT id FROM indicator_values WHERE generation > ? LIMIT ?', generation)
  sqlite.prepare('DELETE FROM cbs_imports WHERE generation > ?').run(generation)
  const removed = sqlite.prepare('SELECT id FROM cbs_imports WHERE removed_at IS NOT NULL').all() as Array<{
    id: number
  }>
  for (const { id } of removed) yield* purgeImport(sqlite, chunk, id)
  if (cleanedGeneration >= generation) return
  for (let g = cleanedGeneration + 1; g <= generation; g++) yield* deleteReplaced(sqlite, chunk, g)
  sqlite.prepare('UPDATE cbs_data_state SET cleaned_generation = ? WHERE id = 1').run(generation)
}

/** True when an earlier writer left work unfinished (cheap: three index lookups). */
export function hasPendingWork(sqlite: Sqlite): boolean {
  const { generation, cleanedGeneration } = readCbsState(sqlite)
  if (cleanedGeneration < generation) return true
  const found = sqlite
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM indicator_values WHERE generation > @g)
        OR EXISTS (SELECT 1 FROM cbs_imports WHERE generation > @g OR removed_at IS NOT NULL) AS pending`,
    )
    .get({ g: generation }) as { pending: number }
  return found.pending === 1
}

/**
 * On start: finishes, in short transactions, what a writer that crashed left behind (readers
 * already see the old figures or the new ones; this only deletes rows nobody sees). Does nothing
 * when nothing is pending or a live writer holds the slot (it finishes the work itself). Resolves
 * false when it did nothing or was stopped by `options.signal`.
 */
export async function finishPendingCbsWork(db: Db, options: ShortTransactionOptions = {}): Promise<boolean> {
  const sqlite = db.$client
  if (!hasPendingWork(sqlite)) return false
  const writer = CbsWriter.tryAcquire(sqlite)
  if (!writer) return false
  try {
    await runInShortTransactions(sqlite, writer, (chunk) => finishPending(sqlite, chunk), options)
    return true
  } catch (error) {
    if (options.signal?.aborted) return false
    throw error
  } finally {
    writer.release()
  }
}
