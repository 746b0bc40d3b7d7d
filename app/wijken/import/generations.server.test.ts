/**
 * An import or a removal beside readers (ADR 013): it writes in short transactions, and a reader
 * on another connection, reading between every two of them, sees the old figures or the new ones,
 * never a mix. A write that stops half-way leaves the old figures and rows nobody sees, which the
 * next writer deletes.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDb, type Db } from '../../../db/client'
import { getWijkProfile, listGemeenteWijken } from '~/wijken/profile.server'
import {
  CbsBusyError,
  CbsWriter,
  finishPendingCbsWork,
  hasPendingWork,
  readCbsState,
  WRITER_STALE_MS,
} from './generations.server'
import { bundledDataDir, importCbsFile, knownRegions, readCbsFile } from './import.server'
import { listImports, removeImport } from './imports.server'
import { finishPendingBesideRooms } from './run-import.server'
import { writeCbsImportStaged } from './write.server'

const KWB = '85984NED_kwb2024_nl_gm0796_gm0758.csv'
const JEUGDZORG = '85990NED_jeugdzorg_wijken_2024h1_subset.csv'

let dir: string
let file: string
let writer: Db
let reader: Db

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijk-generations-'))
  file = path.join(dir, 'test.db')
  writer = openDb(file)
  reader = openDb(file)
})
afterEach(() => {
  writer.$client.close()
  reader.$client.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** The bundled KWB table with `add` more inhabitants in every region (AantalInwoners_5 is field 6). */
function kwbWithMoreInhabitants(name: string, add: number): string {
  const lines = fs.readFileSync(path.join(bundledDataDir, KWB), 'utf8').split('\n')
  const changed = lines.map((line, i) => {
    if (i === 0 || !line.trim()) return line
    const fields = line.split(';')
    fields[6] = String(Number(fields[6]) + add)
    return fields.join(';')
  })
  const out = path.join(dir, name)
  fs.writeFileSync(out, changed.join('\n'))
  return out
}

/** What readers show: every wijk's inhabitants in both gemeenten, one profile, and the import list. */
function figures(db: Db) {
  const wijken = ['GM0796', 'GM0758'].flatMap((code) =>
    listGemeenteWijken(db, code)!.wijken.map((w) => [w.code, w.inhabitants]),
  )
  const profile = getWijkProfile(db, 'WK079601')!.indicators.find((i) => i.code === 'inwoners')!.value
  const imports = listImports(db)
    .map((i) => `${i.fileName} ${i.period}: ${i.valueCount}`)
    .sort()
  return { wijken, profile, imports }
}

/** Rows no reader sees yet (a generation being written) and visible rows that a newer one replaced. */
function hidden(db: Db) {
  const { generation } = readCbsState(db.$client)
  const count = (q: string) => (db.$client.prepare(q).get(generation) as { n: number }).n
  return {
    unseen: count('SELECT count(*) AS n FROM indicator_values WHERE generation > ?'),
    replaced:
      count('SELECT count(*) AS n FROM indicator_values WHERE generation <= ?') -
      count(`SELECT count(*) AS n FROM (SELECT DISTINCT table_id, "column", category, region_code, period
        FROM indicator_values WHERE generation <= ?)`),
  }
}

/** 1 000 rows per transaction whatever they take, so there are as many transactions on any machine. */
const fixedRows = { firstRows: 1000, maxRows: 1000, targetMs: 60_000 }

const stagedImport = (db: Db, filePath: string, afterTransaction?: () => void | Promise<void>) =>
  writeCbsImportStaged(db, readCbsFile(filePath, knownRegions(db)), {
    fileName: path.basename(filePath),
    transactions: { ...fixedRows, afterTransaction },
  })

describe('an import in short transactions', () => {
  it('shows every reader between any two of them the old file or the new one, never a mix', async () => {
    importCbsFile(writer, path.join(bundledDataDir, KWB))
    const before = figures(reader)
    const reads: Array<ReturnType<typeof figures> & ReturnType<typeof hidden>> = []
    const stats = await stagedImport(writer, kwbWithMoreInhabitants('85984NED_nieuw.csv', 7), () => {
      reads.push({ ...figures(reader), ...hidden(reader) })
    })
    const after = figures(reader)

    expect(after.profile).toBe(13895 + 7)
    expect(after.wijken).not.toEqual(before.wijken)
    expect(after.imports).toEqual([
      `${KWB} 2024JJ00: 0`,
      expect.stringMatching(/^85984NED_nieuw.csv 2024JJ00: \d{4,}$/),
    ])
    expect(stats.transactions).toBeGreaterThan(40)
    // Every read is exactly the old figures or exactly the new ones; once new, never old again.
    const at = reads.map(({ wijken, profile, imports }) => {
      const read = { wijken, profile, imports }
      if (JSON.stringify(read) === JSON.stringify(before)) return 'old'
      expect(read).toEqual(after)
      return 'new'
    })
    expect(at.indexOf('new')).toBeGreaterThan(0)
    expect(at.slice(at.indexOf('new')).every((a) => a === 'new')).toBe(true)
    // The reads fell while half the new cells were written (unseen) and while the rows they replaced
    // were still being deleted: both states existed and were hidden from the reader.
    expect(reads.some((r, i) => at[i] === 'old' && r.unseen > 1000)).toBe(true)
    expect(reads.some((r, i) => at[i] === 'new' && r.replaced > 1000)).toBe(true)
    expect(hidden(reader)).toEqual({ unseen: 0, replaced: 0 })
    expect(hasPendingWork(reader.$client)).toBe(false)
  })

  it('makes new regions known at the switch, not before', async () => {
    importCbsFile(writer, path.join(bundledDataDir, KWB))
    const lines = fs.readFileSync(path.join(bundledDataDir, KWB), 'utf8').split('\n')
    const buurt = lines.find((l) => /;BU0758\d{4}\s*;/.test(l))!.split(';')
    const extra = Array.from({ length: 40 }, (_, i) => {
      const row = [...buurt]
      row[0] = String(900000 + i)
      row[1] = `Proefbuurt ${i}`
      row[4] = `BU0758${9900 + i}`
      return row.join(';')
    })
    const bigger = path.join(dir, '85984NED_meer.csv')
    fs.writeFileSync(bigger, [...lines.filter((l) => l.trim()), ...extra].join('\n'))
    const known = () => reader.$client.prepare(`SELECT count(*) AS n FROM regions WHERE name LIKE 'Proefbuurt %'`).get()
    const seen: Array<{ regions: unknown; imported: boolean }> = []
    await stagedImport(writer, bigger, () => {
      seen.push({ regions: known(), imported: listImports(reader).some((i) => i.fileName === '85984NED_meer.csv') })
    })
    expect(seen.some((s) => !s.imported)).toBe(true)
    for (const s of seen) expect(s.regions).toEqual({ n: s.imported ? 40 : 0 })
  })
})

describe('removing an import in short transactions', () => {
  it('keeps the import whole until one transaction takes it away, then it is gone whole', async () => {
    importCbsFile(writer, path.join(bundledDataDir, KWB))
    importCbsFile(writer, path.join(bundledDataDir, JEUGDZORG))
    const kwb = listImports(writer).find((i) => i.fileName === KWB)!
    const jeugdzorg = () => listImports(reader).find((i) => i.fileName === JEUGDZORG)!.valueCount
    const jeugdzorgValues = jeugdzorg()
    const before = figures(reader)
    const leftInTable = () =>
      (
        reader.$client.prepare('SELECT count(*) AS n FROM indicator_values WHERE import_id = ?').get(kwb.id) as {
          n: number
        }
      ).n
    const seen: Array<{ at: 'there' | 'gone'; left: number }> = []
    const removed = await removeImport(writer, kwb.id, {
      ...fixedRows,
      afterTransaction: () => {
        const now = figures(reader)
        const gone =
          !now.imports.some((i) => i.startsWith(KWB)) &&
          now.profile === null &&
          now.wijken.every(([, inhabitants]) => inhabitants === null)
        if (!gone) expect(now).toEqual(before)
        seen.push({ at: gone ? 'gone' : 'there', left: leftInTable() })
      },
    })
    expect(removed).toEqual({ values: kwb.valueCount })
    expect(seen.some((s) => s.at === 'gone' && s.left > 1000)).toBe(true)
    expect(seen.at(-1)).toEqual({ at: 'gone', left: 0 })
    expect(seen.findIndex((s) => s.at === 'gone')).toBeGreaterThan(-1)
    expect(seen.slice(seen.findIndex((s) => s.at === 'gone')).every((s) => s.at === 'gone')).toBe(true)
    expect(jeugdzorg()).toBe(jeugdzorgValues)
    expect(await removeImport(writer, kwb.id)).toBeNull()
  })
})

describe('a write that stops half-way', () => {
  it('leaves the old figures; the next writer (or the server on start) deletes what it wrote', async () => {
    importCbsFile(writer, path.join(bundledDataDir, KWB))
    const before = figures(reader)
    let transactions = 0
    await expect(
      stagedImport(writer, kwbWithMoreInhabitants('85984NED_nieuw.csv', 7), () => {
        if (++transactions === 10) throw new Error('stopped half-way')
      }),
    ).rejects.toThrow('stopped half-way')
    expect(figures(reader)).toEqual(before)
    expect(hidden(reader).unseen).toBeGreaterThan(1000)
    expect(hasPendingWork(reader.$client)).toBe(true)

    // what the server does on start: in a worker, in short transactions
    expect(await finishPendingBesideRooms(reader).done).toBe(true)
    expect(hidden(reader)).toEqual({ unseen: 0, replaced: 0 })
    expect(hasPendingWork(reader.$client)).toBe(false)
    expect(figures(reader)).toEqual(before)
    expect(await finishPendingCbsWork(reader)).toBe(false)

    // and the import can simply be tried again
    await stagedImport(writer, kwbWithMoreInhabitants('85984NED_nieuw.csv', 7))
    expect(figures(reader).profile).toBe(13895 + 7)
  })
})

describe('one writer at a time', () => {
  it('lets a second import wait for the first; the later one wins', async () => {
    importCbsFile(writer, path.join(bundledDataDir, KWB))
    const waited: string[] = []
    const write = (db: Db, name: string, add: number) =>
      writeCbsImportStaged(db, readCbsFile(kwbWithMoreInhabitants(name, add), knownRegions(db)), {
        fileName: name,
        onWait: () => waited.push(name),
        transactions: fixedRows,
      })
    const first = write(writer, '85984NED_a.csv', 1)
    // the second starts once the first holds the slot
    while (!readCbsState(reader.$client).writer) await new Promise((resolve) => setTimeout(resolve, 1))
    await Promise.all([first, write(reader, '85984NED_b.csv', 2)])
    expect(waited).toEqual(['85984NED_b.csv'])
    expect(figures(reader).profile).toBe(13895 + 2)
    expect(hidden(reader)).toEqual({ unseen: 0, replaced: 0 })
  })

  it('takes over the slot of a writer whose process is gone or that stopped writing, not of a live one', () => {
    const sqlite = writer.$client
    const hold = (writerToken: string, pid: number, heartbeatAt: number) =>
      sqlite
        .prepare(
          `INSERT INTO cbs_data_state (id, writer, writer_pid, writer_heartbeat_at) VALUES (1, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET writer = excluded.writer, writer_pid = excluded.writer_pid,
             writer_heartbeat_at = excluded.writer_heartbeat_at`,
        )
        .run(writerToken, pid, heartbeatAt)
    const live = CbsWriter.tryAcquire(sqlite)!
    expect(CbsWriter.tryAcquire(sqlite)).toBeNull()
    expect(() => importCbsFile(writer, path.join(bundledDataDir, KWB))).toThrow(CbsBusyError)
    live.release()

    // a process that has ended (pid 2^22 + 1 is above Linux's pid_max)
    hold('1:x', 4_194_305, Date.now())
    expect(CbsWriter.tryAcquire(sqlite)).not.toBeNull()
    // an earlier process that had this pid (a restarted container)
    hold('1:x', process.pid, Date.now())
    expect(CbsWriter.tryAcquire(sqlite)).not.toBeNull()
    // a live process that has not written for longer than WRITER_STALE_MS
    hold('1:x', process.ppid, Date.now() - WRITER_STALE_MS - 1000)
    expect(CbsWriter.tryAcquire(sqlite)).not.toBeNull()
    hold('1:x', process.ppid, Date.now())
    expect(CbsWriter.tryAcquire(sqlite)).toBeNull()
  })
})
