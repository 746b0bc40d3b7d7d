import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ShortTransactionStats } from './generations.server'
import type { ImportProgress, ImportReport } from './import.server'
import { CbsImportError, type ImportIssue } from './types'

/** What the worker is asked to do. */
export interface ImportJob {
  databasePath: string
  filePath: string
  /** The name the file is known by (an upload's own name); else the file's. */
  displayName?: string
  tableId?: string
  importedBy?: string
}

export type WorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; report: ImportReport; stats: ShortTransactionStats }
  | { type: 'refused'; file: string; issues: ImportIssue[]; kind: CbsImportError['kind'] }
  | { type: 'failed'; message: string }

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
 * Imports one CBS file in a worker thread with its own database connection (ADR 008), so parsing
 * and writing never run on the event loop that relays the rooms; the write goes in short
 * transactions (ADR 013). Resolves with the report and `stats` (how many transactions, the longest
 * hold of the write lock); rejects with a CbsImportError when the file is refused (nothing stored),
 * or an Error when the import failed.
 */
export function importInWorker(
  job: ImportJob,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportReport & { stats: ShortTransactionStats }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap(workerEntry()), { eval: true, workerData: job })
    let settled = false
    const settle = (fn: () => void) => {
      if (settled) return
      settled = true
      fn()
    }
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress?.(message.progress)
      else if (message.type === 'done') settle(() => resolve({ ...message.report, stats: message.stats }))
      else if (message.type === 'refused')
        settle(() => reject(new CbsImportError(message.file, message.issues, message.kind)))
      else settle(() => reject(new Error(`CBS import failed in its worker: ${message.message}`)))
    })
    worker.on('error', (error) => settle(() => reject(error)))
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`CBS import worker stopped (exit code ${code}) before it reported`))),
    )
  })
}
