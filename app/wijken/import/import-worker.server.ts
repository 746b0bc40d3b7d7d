/**
 * The entry of the worker thread that writes CBS figures beside live rooms (ADR 008, 013): it
 * opens its own connection to the same WAL database and runs one job: an import (read and check
 * the file, then write it in short transactions, write.server.ts), a removal (imports.server.ts),
 * or finishing what a killed writer left (generations.server.ts). So none of them holds the event
 * loop or, for long, the write lock of the rooms' server.
 */
import path from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'
import { openDb, type Db } from '../../../db/client'
import { readOwnTableFile, writeOwnDefinitions } from '~/wijken/own/own-store.server'
import { finishPendingCbsWork } from './generations.server'
import { knownRegions, readCbsFile, reportOf, type ImportProgress } from './import.server'
import { removeImport } from './imports.server'
import { STOP, type CbsJob, type ImportJob, type WorkerMessage } from './run-import.server'
import { CbsImportError } from './types'
import { writeCbsImportStaged } from './write.server'

const job = workerData as CbsJob
const post = (message: WorkerMessage) => parentPort!.postMessage(message)

async function importFile(db: Db, job: ImportJob) {
  const file = job.displayName ?? path.basename(job.filePath)
  const progress = (phase: ImportProgress['phase'], done: number, total: number, table = '') =>
    post({ type: 'progress', progress: { file, table, phase, done, total } })
  progress('read', 0, 1)
  const known = knownRegions(db)
  const own = job.own ? readOwnTableFile(job.filePath, known, job.own, file) : null
  const data = own ?? readCbsFile(job.filePath, known, job.tableId, file)
  const total = data.cells.length
  progress('read', 1, 1, data.table.id)
  const stats = await writeCbsImportStaged(db, data, {
    fileName: file,
    importedBy: job.importedBy,
    onSwitch: own ? (sqlite) => writeOwnDefinitions(sqlite, own.own) : undefined,
    onCells: (i) => progress('write', i, total, data.table.id),
  })
  progress('done', total, total, data.table.id)
  post({ type: 'done', report: reportOf(file, data), stats })
}

async function run() {
  // The rooms' server holds the write lock for a commit at a time (micro- to milliseconds, but
  // every turn while people edit): this thread may wait for it as long as it takes, it holds
  // nobody up (ADR 008, 013).
  const db = openDb(job.databasePath, { busyTimeoutMs: 30_000 })
  // This thread copies its own WAL frames into the database file, a few hundred pages at a time,
  // soon after writing them: the WAL stays small, and the checkpoints of what it writes (with their
  // fsyncs) run here, not in a room's commit on the server's event loop (ADR 013).
  db.$client.pragma('wal_autocheckpoint = 250')
  const stop = new AbortController()
  parentPort!.on('message', (message) => message === STOP && stop.abort())
  parentPort!.unref()
  try {
    if (job.kind === 'import') await importFile(db, job)
    else if (job.kind === 'remove') {
      const removed = await removeImport(db, job.importId)
      post({ type: 'removed', values: removed?.values ?? null })
    } else post({ type: 'finished', did: await finishPendingCbsWork(db, { signal: stop.signal }) })
  } catch (error) {
    if (error instanceof CbsImportError)
      post({ type: 'refused', file: error.file, issues: error.issues, kind: error.kind })
    else post({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  } finally {
    db.$client.close()
  }
}

void run()
