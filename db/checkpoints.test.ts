import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { openDb } from './client'
import { startBackgroundCheckpoints, type Checkpoints } from './checkpoints'

let running: Checkpoints | undefined
afterEach(async () => {
  await running?.stop()
  running = undefined
})

describe('checkpoints in a worker thread', () => {
  it('takes the WAL into the database file off the main thread, and hands back to SQLite when stopped', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoints-')), 'db.sqlite')
    const db = openDb(file)
    running = startBackgroundCheckpoints(db, file, { intervalMs: 60_000 })
    expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(0)
    db.run(sql`create table notes (id integer primary key, body blob)`)
    const insert = db.$client.prepare('insert into notes (body) values (?)')
    // ~8 MB through the WAL: SQLite alone would have checkpointed on the main thread twice by now.
    for (let i = 0; i < 2_000; i++) insert.run(Buffer.alloc(4096, i % 251))
    const walBefore = fs.statSync(`${file}-wal`).size
    expect(walBefore).toBeGreaterThan(8_000_000)

    const report = await running.now()
    expect(report.busy).toBe(0)
    expect(report.log).toBeGreaterThan(2_000)
    expect(report.checkpointed).toBe(report.log)
    // Everything is in the database file: a fresh connection reading only the file sees it all.
    const copy = `${file}.copy`
    fs.copyFileSync(file, copy)
    const fromFile = openDb(copy)
    expect(fromFile.$client.prepare('select count(*) as n from notes').get()).toEqual({ n: 2_000 })
    // A writer starts the WAL from its beginning again: it does not keep growing.
    insert.run(Buffer.alloc(4096, 1))
    await running.now()
    for (let i = 0; i < 100; i++) insert.run(Buffer.alloc(4096, 2))
    expect(fs.statSync(`${file}-wal`).size).toBe(walBefore)

    await running.stop()
    running = undefined
    expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000)
  })
})
