import { Worker } from 'node:worker_threads'
import type { Db } from './client'

export interface Checkpoints {
  /** Asks for a checkpoint now (tests); resolves with the worker's report of it. */
  now(): Promise<CheckpointReport>
  stop(): Promise<void>
}

export interface CheckpointReport {
  walBytes: number
  busy: number
  /** pages in the WAL, and how many of them are in the database file now */
  log: number
  checkpointed: number
  ms: number
}

/**
 * SQLite's automatic checkpoint runs inside the commit that crosses 1,000 WAL pages, on the
 * thread that commits: for the room server that is the event loop, and the checkpoint's fsyncs
 * stalled every room for 30–1,500 ms on this machine (docs/performance.md). The server's
 * connection turns it off, and a worker thread with its own connection checkpoints instead: every
 * `intervalMs` once the WAL has grown past `minWalBytes` (a writer starts the WAL from its
 * beginning again once a checkpoint has copied all of it, so it stays about that size). Should the worker stop, the connection
 * goes back to automatic checkpoints, so the WAL never grows without end.
 */
export function startBackgroundCheckpoints(
  db: Db,
  file: string,
  { intervalMs = 1_000, minWalBytes = 4 * 1024 * 1024, maxWalBytes = 16 * 1024 * 1024 } = {},
): Checkpoints {
  if (file === ':memory:') {
    return { now: async () => ({ walBytes: 0, busy: 0, log: 0, checkpointed: 0, ms: 0 }), stop: async () => {} }
  }
  db.$client.pragma('wal_autocheckpoint = 0')
  const maxFrames = maxWalBytes / Number(db.$client.pragma('page_size', { simple: true }))
  const worker = new Worker(new URL('./checkpoint-worker.mjs', import.meta.url), {
    workerData: { file, intervalMs, minWalBytes },
  })
  worker.unref()
  let stopping = false
  const waiting: ((report: CheckpointReport) => void)[] = []
  worker.on('message', (report: CheckpointReport & { asked: boolean }) => {
    if (report.asked) waiting.shift()?.(report)
    // The WAL starts from its beginning again only when a write begins after a checkpoint that
    // caught up with every write; writers that hardly pause leave the worker no such moment.
    // Past maxWalBytes in use, the main thread checkpoints once itself, between two turns: the
    // worker has copied nearly everything, so its fsyncs are short (3–16 ms here, not 1.5 s).
    if (report.log > maxFrames) setImmediate(() => db.$client.pragma('wal_checkpoint(PASSIVE)'))
  })
  const fallBack = (why: unknown) => {
    if (stopping) return
    console.warn('[db] background checkpoints stopped, back to automatic ones:', why)
    db.$client.pragma('wal_autocheckpoint = 1000')
  }
  worker.on('error', fallBack)
  worker.on('exit', (code) => fallBack(`exit ${code}`))
  return {
    now() {
      return new Promise((resolve) => {
        waiting.push(resolve)
        worker.postMessage('now')
      })
    },
    async stop() {
      stopping = true
      const exited = new Promise((resolve) => worker.once('exit', resolve))
      worker.postMessage('stop')
      await exited
      db.$client.pragma('wal_autocheckpoint = 1000')
    },
  }
}
