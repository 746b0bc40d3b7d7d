import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cbsImports, indicatorValues } from '../../../db/schema'
import { startSession } from '~/auth/session.server'
import { createUser } from '~/auth/users.server'
import { db } from '~/db.server'
import { action, loader } from '~/routes/beheer.import'
import { importCbsFile } from './import.server'
import { getImport, listImports, removeImport } from './imports.server'

// The route uses the process database (DATABASE_PATH is a per-worker temp file, see vitest.setup.ts).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijk-imports-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const header =
  'ID;Wijken;Perioden;TotaalJongerenMetJeugdzorgInNatura_1;k_0Tot4Jaar_2;Gemeentenaam_18;SoortRegio_19;Codering_20'
const names: Record<string, string> = { '01': 'Binnenstad', '02': 'Zuidoost', '03': 'Graafsepoort' }
const row = (n: number, wijk: string, value: number) =>
  `${n};${names[wijk]};1e halfjaar 2024;${value}.0;${value / 5}.0;'s-Hertogenbosch;Wijk;WK0796${wijk}`
function fixture(name: string, lines: string[]): string {
  const file = path.join(dir, name)
  fs.writeFileSync(file, '\uFEFF' + [header, ...lines].join('\n') + '\n')
  return file
}

const valuesOf = (importId: number) =>
  db().select({ n: count() }).from(indicatorValues).where(eq(indicatorValues.importId, importId)).get()!.n
const cell = (region: string) =>
  db()
    .select()
    .from(indicatorValues)
    .where(eq(indicatorValues.regionCode, region))
    .all()
    .find((v) => v.column === 'TotaalJongerenMetJeugdzorgInNatura')

/** Imports file A (three wijken), then file B, which replaces one of A's cells. */
function importTwo() {
  importCbsFile(db(), fixture('85990NED_a.csv', [row(1, '01', 95), row(2, '02', 90), row(3, '03', 85)]))
  importCbsFile(db(), fixture('85990NED_b.csv', [row(1, '01', 50)]))
  const byFile = (file: string) => listImports(db()).find((i) => i.fileName === file)!
  return { a: byFile('85990NED_a.csv'), b: byFile('85990NED_b.csv') }
}

let admin: string
let facilitator: string
beforeAll(async () => {
  const first = await createUser(db(), { email: 'beheer@example.org', password: 'een lang wachtwoord', name: 'Beheer' })
  const second = await createUser(db(), { email: 'b2@example.org', password: 'een lang wachtwoord', name: 'B2' })
  admin = (await startSession(db(), first.id)).split(';')[0]!
  facilitator = (await startSession(db(), second.id)).split(';')[0]!
})

const context = { collab: {}, clientAddress: '127.0.0.1' } as never
const removeRequest = (cookie: string, importId: number | string) =>
  new Request('http://localhost/beheer/import', {
    method: 'POST',
    headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ intent: 'remove', importId: String(importId) }),
  })
async function outcome(run: () => Promise<unknown>): Promise<number | unknown> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof Response) return error.status
    throw error
  }
}

describe('removing an import', () => {
  it('lists each import with table, period, file, values left, who and when', async () => {
    const { a, b } = importTwo()
    expect(a).toMatchObject({ tableId: '85990NED', period: '2024HJ01', valueCount: 4, importedBy: null })
    expect(b).toMatchObject({ valueCount: 2, importedBy: null })
    expect(a.title).toMatch(/jeugdzorg/i)
    expect(Date.parse(a.importedAt)).not.toBeNaN()
    await removeImport(db(), a.id)
    await removeImport(db(), b.id)
  })

  it('takes the import and only its own values, leaving another import’s values whole', async () => {
    const { a, b } = importTwo()
    expect(cell('WK079601')).toMatchObject({ value: 50, importId: b.id })

    expect(await removeImport(db(), a.id)).toEqual({ values: 4 })
    expect(getImport(db(), a.id)).toBeUndefined()
    expect(valuesOf(a.id)).toBe(0)
    expect(cell('WK079602')).toBeUndefined()
    // B's cells, one of which A had written first, are all still there
    expect(valuesOf(b.id)).toBe(2)
    expect(cell('WK079601')).toMatchObject({ value: 50, importId: b.id })
    expect(await removeImport(db(), a.id)).toBeNull()
    await removeImport(db(), b.id)
  })

  it('is all or nothing for readers: if taking it away fails, it stays whole; once taken away, a failure later is finished by the next writer', async () => {
    const { a, b } = importTwo()
    const sqlite = db().$client
    sqlite.exec(`CREATE TEMP TRIGGER keep_imports BEFORE UPDATE OF removed_at ON cbs_imports
      BEGIN SELECT RAISE(ABORT, 'kept'); END`)
    try {
      await expect(removeImport(db(), a.id)).rejects.toThrow(/kept/)
    } finally {
      sqlite.exec('DROP TRIGGER temp.keep_imports')
    }
    expect(valuesOf(a.id)).toBe(4)
    expect(getImport(db(), a.id)).toMatchObject({ valueCount: 4 })

    // Its values are deleted, then deleting its row fails: readers saw it go at once, all of it.
    sqlite.exec(`CREATE TEMP TRIGGER keep_imports BEFORE DELETE ON cbs_imports BEGIN SELECT RAISE(ABORT, 'kept'); END`)
    try {
      await expect(removeImport(db(), a.id)).rejects.toThrow(/kept/)
    } finally {
      sqlite.exec('DROP TRIGGER temp.keep_imports')
    }
    expect(getImport(db(), a.id)).toBeUndefined()
    expect(valuesOf(a.id)).toBe(0)
    expect(db().select().from(cbsImports).where(eq(cbsImports.id, a.id)).get()?.removedAt).toBeInstanceOf(Date)
    // the next writer finishes it
    await removeImport(db(), b.id)
    expect(db().select().from(cbsImports).all()).toEqual([])
  })

  it('from the import page: administrators only (403 for others), confirmed, 404 for an unknown import', async () => {
    const { a, b } = importTwo()
    expect(await outcome(() => action({ request: removeRequest(facilitator, a.id), params: {}, context }))).toBe(403)
    const asOther = new Request(`http://localhost/beheer/import?verwijderen=${a.id}`, {
      headers: { Cookie: facilitator },
    })
    expect(await outcome(() => loader({ request: asOther, params: {}, context }))).toBe(403)
    expect(valuesOf(a.id)).toBe(4)

    const confirm = new Request(`http://localhost/beheer/import?verwijderen=${a.id}`, { headers: { Cookie: admin } })
    const page = await loader({ request: confirm, params: {}, context })
    expect(page.confirming).toMatchObject({ id: a.id, fileName: '85990NED_a.csv', valueCount: 4 })
    expect(page.imports.map((i) => i.id)).toEqual(expect.arrayContaining([a.id, b.id]))

    const removed = await action({ request: removeRequest(admin, a.id), params: {}, context })
    expect(removed.removed).toEqual({ table: '85990NED', period: '2024HJ01', file: '85990NED_a.csv', values: 4 })
    expect(db().select().from(cbsImports).where(eq(cbsImports.id, a.id)).get()).toBeUndefined()
    expect(valuesOf(b.id)).toBe(2)

    expect(await outcome(() => action({ request: removeRequest(admin, a.id), params: {}, context }))).toBe(404)
    expect(await outcome(() => action({ request: removeRequest(admin, 'x'), params: {}, context }))).toBe(404)
    const gone = new Request(`http://localhost/beheer/import?verwijderen=${a.id}`, { headers: { Cookie: admin } })
    expect(await outcome(() => loader({ request: gone, params: {}, context }))).toBe(404)
    await removeImport(db(), b.id)
  })
})
