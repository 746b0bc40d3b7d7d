/**
 * The entry of an import's worker thread (ADR 008): it opens its own connection to the same WAL
 * database, reads and checks the file, then writes it in short transactions (write.server.ts,
 * ADR 013), so a large import never holds the event loop or the write lock of the rooms' server
 * for long.
 */
import path from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'
import { openDb } from '../../../db/client'
import { knownRegions, readCbsFile, reportOf, type ImportProgress } from './import.server'
import type { ImportJob, WorkerMessage } from './run-import.server'
import { CbsImportError } from './types'
import { writeCbsImportStaged } from './write.server'

const job = workerData as ImportJob
const post = (message: WorkerMessage) => parentPort!.postMessage(message)

async function run() {
  // The rooms' server holds the write lock for a commit at a time (micro- to milliseconds, but
  // every turn while people edit): this thread may wait for it as long as it takes, it holds
  // nobody up (ADR 008, 013).
  const db = openDb(job.databasePath, { busyTimeoutMs: 30_000 })
  try {
    const file = job.displayName ?? path.basename(job.filePath)
    const progress = (phase: ImportProgress['phase'], done: number, total: number, table = '') =>
      post({ type: 'progress', progress: { file, table, phase, done, total } })
    progress('read', 0, 1)
    const data = readCbsFile(job.filePath, knownRegions(db), job.tableId, file)
    const total = data.cells.length
    progress('read', 1, 1, data.table.id)
    const stats = await writeCbsImportStaged(db, data, {
      fileName: file,
      importedBy: job.importedBy,
      onCells: (i) => progress('write', i, total, data.table.id),
    })
    progress('done', total, total, data.table.id)
    post({ type: 'done', report: reportOf(file, data), stats })
  } catch (error) {
    if (error instanceof CbsImportError)
      post({ type: 'refused', file: error.file, issues: error.issues, kind: error.kind })
    else post({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  } finally {
    db.$client.close()
  }
}

void run()
