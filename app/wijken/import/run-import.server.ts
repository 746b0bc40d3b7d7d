import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Db } from '../../../db/client'
import { finishPendingCbsWork, hasPendingWork, type ShortTransactionStats } from './generations.server'
import type { OwnTableMeta } from '~/wijken/own/own-store.server'
import type { ImportProgress, ImportReport } from './import.server'
import { removeImport } from './imports.server'
import { CbsImportError, type ImportIssue } from './types'

/** What the worker is asked to import. */
export interface ImportJob {
  databasePath: string
  filePath: string
  /** The name the file is known by (an upload's own name); else the file's. */
  displayName?: string
  tableId?: string
  importedBy?: string
  /** An organisation's own table (app/wijken/own): who delivers it, its name and period. */
  own?: OwnTableMeta
}

/** Everything that writes CBS figures beside live rooms runs in the worker (ADR 008, 013). */
export type CbsJob =
  | ({ kind: 'import' } & ImportJob)
  | { kind: 'remove'; databasePath: string; importId: number }
  | { kind: 'finish-pending'; databasePath: string }

export type WorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; report: ImportReport; stats: ShortTransactionStats }
  | { type: 'removed'; values: number | null }
  | { type: 'finished'; did: boolean }
  | { type: 'refused'; file: string; issues: ImportIssue[]; kind: CbsImportError['kind'] }
  | { type: 'failed'; message: string }

/** What the parent may tell a running worker: stop between two transactions (finish-pending). */
export const STOP = 'stop'

const ENTRY = 'import-worker.server.ts'

/**
 * The worker's entry file. From source (tsx, Vitest, Vite dev) it sits beside this module; in the
 * Remix build this module is bundled into build/server/, two folders below the project, where the
 * sources still are (the server runs them through tsx).
 */
function workerEntry(): string {
  const here = path.dirname(fileURLToPath(import.meta.url))
  const beside = path.join(here, ENTRY)
  if (fs.existsSync(beside)) return beside
  return path.resolve(here, '../../app/wijken/import', ENTRY)
}

/**
 * The worker runs the TypeScript sources, as the server does, through tsx's loader registered
 * inside the worker (a worker's own `--import tsx` is not applied to its entry on Node 20). The
 * ESM build of tsx's API is used because its CommonJS one resolves its hooks wrongly from a worker.
 */
function bootstrap(entry: string): string {
  const tsxApi = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs')
  const api = JSON.stringify(pathToFileURL(tsxApi).href)
  return `import(${api}).then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(entry).href)}) })`
}

/**
 * Runs one job in a worker thread with its own database connection. `onMessage` settles it with
 * the message that ends the job (a `settle` callback that throws rejects); it rejects when the job
 * failed or the worker stopped without such a message. `onStart` gets the worker, to tell it to stop.
 */
function runInWorker(
  job: CbsJob,
  onMessage: (message: WorkerMessage, settle: (fn: () => void) => void) => void,
  onStart?: (worker: Worker) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap(workerEntry()), { eval: true, workerData: job })
    onStart?.(worker)
    let settled = false
    const settle = (fn: () => void) => {
      if (settled) return
      settled = true
      try {
        fn()
        resolve()
      } catch (error) {
        reject(error)
      }
    }
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'failed')
        settle(() => reject(new Error(`CBS ${job.kind} failed in its worker: ${message.message}`)))
      else onMessage(message, settle)
    })
    worker.on('error', (error) => settle(() => reject(error)))
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`CBS worker stopped (exit code ${code}) before it reported`))),
    )
  })
}

/**
 * Imports one CBS file in a worker thread with its own database connection (ADR 008), so parsing
 * and writing never run on the event loop that relays the rooms; the write goes in short
 * transactions (ADR 013). Resolves with the report and `stats` (how many transactions, the longest
 * hold of the write lock); rejects with a CbsImportError when the file is refused (nothing stored),
 * or an Error when the import failed.
 */
export async function importInWorker(
  job: ImportJob,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportReport & { stats: ShortTransactionStats }> {
  let result: ImportReport & { stats: ShortTransactionStats } = undefined as never
  await runInWorker({ kind: 'import', ...job }, (message, settle) => {
    if (message.type === 'progress') onProgress?.(message.progress)
    else if (message.type === 'done') settle(() => (result = { ...message.report, stats: message.stats }))
    else if (message.type === 'refused')
      settle(() => {
        throw new CbsImportError(message.file, message.issues, message.kind)
      })
  })
  return result
}

/**
 * Removes an import (`removeImport`) beside live rooms: in a worker for a database file, so its
 * deletes never run on the rooms' event loop; in-process for an in-memory database.
 */
export async function removeImportBesideRooms(db: Db, importId: number): Promise<{ values: number } | null> {
  const databasePath = db.$client.name
  if (db.$client.memory || !databasePath) return removeImport(db, importId)
  let values: number | null = null
  await runInWorker({ kind: 'remove', databasePath, importId }, (message, settle) => {
    if (message.type === 'removed') settle(() => (values = message.values))
  })
  return values === null ? null : { values }
}

/**
 * On start: when a writer that was killed left work (generations.server.ts, `finishPending`),
 * finishes it beside the rooms: in a worker for a database file. `stop` ends it between two
 * transactions (on shutdown; what is left waits for the next writer). `done` resolves whether it
 * finished anything; it never rejects (a failure is logged, the rows nobody sees stay for later).
 */
export function finishPendingBesideRooms(db: Db): { done: Promise<boolean>; stop(): void } {
  if (!hasPendingWork(db.$client)) return { done: Promise.resolve(false), stop() {} }
  const log = (error: unknown) => {
    console.error('Opruimen na een afgebroken CBS-import mislukt:', error)
    return false
  }
  const databasePath = db.$client.name
  if (db.$client.memory || !databasePath) {
    const controller = new AbortController()
    return {
      done: finishPendingCbsWork(db, { signal: controller.signal }).catch(log),
      stop: () => controller.abort(),
    }
  }
  let worker: Worker | null = null
  let did = false
  const done = runInWorker(
    { kind: 'finish-pending', databasePath },
    (message, settle) => {
      if (message.type === 'finished') settle(() => (did = message.did))
    },
    (started) => (worker = started),
  ).then(() => did, log)
  return { done, stop: () => worker?.postMessage(STOP) }
}
