/**
 * A CBS import while people edit a canvas (issue 7, item 4): the real import worker writes into the
 * same SQLite file the room server commits to. The room must not fail and every update sent
 * meanwhile must arrive. How long relay takes meanwhile is measured by `npm run bench:import`.
 */
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDb } from '../db/client'
import { bundledDataDir } from '../app/wijken/import/import.server'
import { importInWorker } from '../app/wijken/import/run-import.server'
import { connect, newRoomId, startServer, tempDbFile, token, waitFor, waitSynced } from './collab/test-support'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

describe('an import during live editing', () => {
  it('leaves the room working: every update sent during the import arrives, nobody is closed', async () => {
    const file = tempDbFile('import-live')
    const db = openDb(file)
    const errors: unknown[] = []
    const logger = { info: () => {}, warn: () => {}, error: (...args: unknown[]) => errors.push(args) }
    const s = await startServer(file, { db, logger })
    cleanups.push(async () => {
      await s.close()
      db.$client.close()
    })
    const roomId = newRoomId('import')
    const a = connect(s.url, roomId, token(roomId, 'p:1'))
    const b = connect(s.url, roomId, token(roomId, 'p:2'))
    cleanups.push(
      () => a.destroy(),
      () => b.destroy(),
    )
    const closes: number[] = []
    for (const p of [a, b]) p.on('connection-close', (event: { code: number } | null) => closes.push(event?.code ?? 0))
    await Promise.all([waitSynced(a), waitSynced(b)])

    // Both people edit, every few milliseconds, for as long as the imports run.
    let sent = 0
    let importing = true
    const edits = (async () => {
      while (importing) {
        const n = sent++
        ;(n % 2 === 0 ? a : b).doc.getMap<number>('m').set(`k${n}`, n)
        await new Promise((resolve) => setTimeout(resolve, 2))
      }
    })()
    const files = ['85984NED_kwb2024_nl_gm0796_gm0758.csv', '85990NED_jeugdzorg_wijken_2024h1_subset.csv']
    try {
      for (const name of files) {
        const report = await importInWorker({ databasePath: file, filePath: path.join(bundledDataDir, name) })
        expect(report.values).toBeGreaterThan(0)
      }
    } finally {
      importing = false
      await edits
    }

    expect(sent).toBeGreaterThan(0)
    const all = (doc: typeof a.doc) => doc.getMap('m').size === sent
    await waitFor(() => all(a.doc) && all(b.doc), `all ${sent} updates on both sides`)
    expect(closes).toEqual([])
    expect(errors).toEqual([])
    expect(s.collab.registry.get(roomId)?.failed).toBe(false)
    const imported = db.$client.prepare('select count(*) as n from indicator_values').get() as { n: number }
    expect(imported.n).toBeGreaterThan(1000)
  })
})
