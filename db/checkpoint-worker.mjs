// Moves the WAL's pages into the database file off the main thread (db/checkpoints.ts). Plain
// JavaScript so it runs in a worker thread as it is, under tsx, Vitest and production alike.
// A PASSIVE checkpoint never waits for a lock and never blocks the server's connection: it copies
// what no reader still needs, and its fsyncs happen here, not in the middle of a room's commit.
import fs from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'

const { file, intervalMs, minWalBytes } = workerData
const db = new Database(file)
// The main connection set WAL mode; this connection only checkpoints.
db.pragma('wal_autocheckpoint = 0')

const walBytes = () => {
  try {
    return fs.statSync(`${file}-wal`).size
  } catch {
    return 0
  }
}

/**
 * Checkpoints until it has caught up with the writers (every frame of the WAL in the database
 * file), at most a few passes: each pass copies only what was written during the one before. The
 * next write after a pass that caught up starts the WAL from its beginning again.
 */
const checkpoint = () => {
  const started = Date.now()
  let result = { busy: 0, log: 0, checkpointed: 0 }
  for (let pass = 0; pass < 4; pass++) {
    ;[result] = db.pragma('wal_checkpoint(PASSIVE)')
    if (result.busy || result.checkpointed === result.log) break
  }
  return { walBytes: walBytes(), ...result, ms: Date.now() - started }
}
setInterval(() => {
  if (walBytes() >= minWalBytes) parentPort.postMessage({ ...checkpoint(), asked: false })
}, intervalMs)
parentPort.on('message', (m) => {
  if (m === 'now') parentPort.postMessage({ ...checkpoint(), asked: true })
  if (m === 'stop') {
    db.close()
    process.exit(0)
  }
})
