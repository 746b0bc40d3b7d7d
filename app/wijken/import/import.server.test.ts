import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { count, eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDb, type Db } from '../../../db/client'
import { cbsImports, indicators, indicatorValues, regions, users } from '../../../db/schema'
import { indicatorCatalogue } from '~/wijken/indicators'
import { bundledDataDir, bundledFiles, importBundledData, importCbsFile, type ImportProgress } from './import.server'
import { importInWorker } from './run-import.server'
import { CbsImportError } from './types'

let dir: string
let db: Db

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijk-import-'))
  db = openDb(path.join(dir, 'test.db'))
})
afterEach(() => {
  db.$client.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const valueCount = () => db.select({ n: count() }).from(indicatorValues).get()!.n
const bom = '\uFEFF'
const header =
  'ID;Wijken;Perioden;TotaalJongerenMetJeugdzorgInNatura_1;k_0Tot4Jaar_2;Gemeentenaam_18;SoortRegio_19;Codering_20'
const writeFixture = (name: string, lines: string[]) => {
  const file = path.join(dir, name)
  fs.writeFileSync(file, bom + lines.join('\n') + '\n')
  return file
}
const inhabitantsOf = (code: string) =>
  db
    .select()
    .from(indicatorValues)
    .where(eq(indicatorValues.regionCode, code))
    .all()
    .find((v) => v.column === 'TotaalJongerenMetJeugdzorgInNatura')?.value

describe('importCbsFile', () => {
  it('imports a real file in one go and reports tables, periods, rows, regions and progress', () => {
    const progress: ImportProgress[] = []
    const report = importCbsFile(db, path.join(bundledDataDir, '85990NED_jeugdzorg_wijken_2024h1_subset.csv'), {
      onProgress: (p) => progress.push(p),
    })
    expect(report).toMatchObject({
      table: '85990NED',
      periods: ['2024HJ01'],
      rows: 204,
      regions: 88,
      unknownColumns: [],
    })
    expect(progress.at(-1)).toMatchObject({ phase: 'done', table: '85990NED' })
    expect(db.select().from(cbsImports).all()).toMatchObject([
      { tableId: '85990NED', period: '2024HJ01', rowCount: 204 },
    ])
    expect(db.select().from(regions).where(eq(regions.code, 'WK079601')).get()).toMatchObject({
      name: 'Binnenstad',
      level: 'wijk',
    })
  })

  it('re-importing the same file changes nothing (idempotent), and a corrected file replaces its cells', () => {
    const file = writeFixture('85990NED_test.csv', [
      header,
      `1;Binnenstad;1e halfjaar 2024;95.0;;'s-Hertogenbosch;Wijk;WK079601  `,
    ])
    importCbsFile(db, file)
    const before = valueCount()
    importCbsFile(db, file)
    expect(valueCount()).toBe(before)
    expect(db.select().from(cbsImports).all()).toHaveLength(1)
    writeFixture('85990NED_test.csv', [header, `1;Binnenstad;1e halfjaar 2024;100.0;;'s-Hertogenbosch;Wijk;WK079601  `])
    importCbsFile(db, file)
    expect(valueCount()).toBe(before)
    expect(inhabitantsOf('WK079601')).toBe(100)
  })

  it('rolls back everything when one row is bad, naming file, line and column', () => {
    const good = writeFixture('85990NED_good.csv', [
      header,
      `1;Binnenstad;1e halfjaar 2024;95.0;;'s-Hertogenbosch;Wijk;WK079601`,
    ])
    importCbsFile(db, good)
    const before = valueCount()
    const bad = writeFixture('85990NED_good.csv', [
      header,
      `1;Binnenstad;1e halfjaar 2024;100.0;;'s-Hertogenbosch;Wijk;WK079601`,
      `2;Zuidoost;1e halfjaar 2024;veel;;'s-Hertogenbosch;Wijk;WK079602`,
      `3;Graafsepoort;1e halfjaar 2024;80.0;;'s-Hertogenbosch;Wijk;WK079603`,
    ])
    let error: unknown
    try {
      importCbsFile(db, bad)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(CbsImportError)
    expect((error as CbsImportError).message).toBe(
      '85990NED_good.csv, regel 3, kolom TotaalJongerenMetJeugdzorgInNatura_1: "veel" is geen getal.',
    )
    expect((error as CbsImportError).report.errors).toEqual([
      { line: 3, column: 'TotaalJongerenMetJeugdzorgInNatura_1', message: '"veel" is geen getal.' },
    ])
    expect(valueCount()).toBe(before)
    expect(inhabitantsOf('WK079601')).toBe(95)
    expect(db.select().from(regions).where(eq(regions.code, 'WK079603')).get()).toBeUndefined()
  })

  it('refuses a malformed region code and an unknown period', () => {
    const file = writeFixture('85990NED_codes.csv', [
      header,
      `1;Binnenstad;1e halfjaar 2024;95.0;;'s-Hertogenbosch;Wijk;WK0796`,
      `2;Zuidoost;volgend jaar;95.0;;'s-Hertogenbosch;Wijk;WK079602`,
    ])
    expect(() => importCbsFile(db, file)).toThrow(
      /regel 2, kolom Codering_20: "WK0796" is geen CBS-regiocode[\s\S]*regel 3, kolom Perioden: "volgend jaar" is geen bekende CBS-periode/,
    )
    expect(valueCount()).toBe(0)
  })

  it('reports unknown columns without failing', () => {
    const file = writeFixture('85990NED_extra.csv', [
      `${header};NieuweKolom_99`,
      `1;Binnenstad;1e halfjaar 2024;95.0;;'s-Hertogenbosch;Wijk;WK079601;3`,
    ])
    const report = importCbsFile(db, file)
    expect(report.unknownColumns).toEqual(['NieuweKolom_99'])
    expect(report.warnings[0]).toMatch(/onbekende kolom/)
  })

  it.each([
    ['BSN and name columns', 'ID;BSN;Naam;Codering_3;AantalInwoners_5', '1;123456782;Jan;WK079601;1'],
    ['date of birth', 'ID;Geboortedatum;Codering_3;AantalInwoners_5', '1;2015-01-01;WK079601;1'],
    ['postcode with house number', 'ID;Postcode;Huisnummer;AantalInwoners_5', '1;5211AB;12;1'],
    ['address in one field', 'ID;Codering_3;Locatie;AantalInwoners_5', '1;WK079601;5211 AB 12;1'],
    ['no region at all', 'ID;Leeftijd;Jeugdzorg', '1;7;ja'],
  ])('refuses person-level data: %s', (_, head, row) => {
    const file = writeFixture('85984NED_personen.csv', [head, row])
    let error: unknown
    try {
      importCbsFile(db, file)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(CbsImportError)
    expect((error as CbsImportError).kind).toBe('person-level')
    expect((error as CbsImportError).message).toMatch(/gegevens over personen/)
    expect(valueCount()).toBe(0)
  })

  it('refuses a file of an unknown table', () => {
    const file = writeFixture('iets.csv', ['ID;Codering_3;Onbekend_1', '1;GM0796;3'])
    expect(() => importCbsFile(db, file)).toThrow(/Onbekende CBS-tabel/)
  })
})

describe('importBundledData', () => {
  it('imports every bundled file once, seeds the catalogue, and is a fast no-op afterwards', () => {
    const first = importBundledData(db)
    expect(first.imported.map((r) => r.file)).toEqual([...bundledFiles])
    expect(db.select().from(indicators).all()).toHaveLength(indicatorCatalogue.length)
    const n = valueCount()
    const importedAt = db.select().from(cbsImports).all()
    const second = importBundledData(db)
    expect(db.select().from(cbsImports).all()).toEqual(importedAt)
    expect(second).toEqual({ imported: [], skipped: [...bundledFiles] })
    expect(valueCount()).toBe(n)
    // Tilburg comes from the jeugdzorg tables and the 8-column JSON, with its name from 85990NED.
    expect(db.select().from(regions).where(eq(regions.code, 'GM0855')).get()?.name).toBe('Tilburg')
    expect(db.select().from(regions).where(eq(regions.code, 'WK085510')).get()?.name).toBe('Binnenstad')
  })
})

describe('recognising the table from the content, and where every value came from', () => {
  const jeugdzorgRow = `1;Binnenstad;1e halfjaar 2024;95.0;;'s-Hertogenbosch;Wijk;WK079601`
  const refusalOf = (run: () => unknown) => {
    try {
      run()
    } catch (error) {
      if (error instanceof CbsImportError) return error
      throw error
    }
    throw new Error('not refused')
  }

  it('recognises a table without its number in the file name', () => {
    const report = importCbsFile(db, writeFixture('upload.csv', [header, jeugdzorgRow]))
    expect(report.table).toBe('85990NED')
  })

  it('refuses a file whose name claims a table its columns do not match, storing nothing', () => {
    const other = refusalOf(() => importCbsFile(db, writeFixture('85984NED_echt.csv', [header, jeugdzorgRow])))
    expect(other.kind).toBe('unknown-table')
    expect(other.message).toBe(
      '85984NED_echt.csv: Het bestand noemt tabel 85984NED, maar de kolommen zijn die van tabel 85990NED. Het bestand is niet ingelezen.',
    )
    // KWB keys carry the edition in their suffix: AantalInwoners_7 is not a key of 85984NED.
    const suffix = refusalOf(() =>
      importCbsFile(
        db,
        writeFixture('85984NED_x.csv', ['ID;WijkenEnBuurten;Codering_3;AantalInwoners_7', '1;Binnenstad;WK079601;1']),
      ),
    )
    expect(suffix.issues[0]?.key).toBe('import.issue.claimUnmatched')
    expect(valueCount()).toBe(0)
  })

  it('refuses a region named otherwise than CBS names it', () => {
    importCbsFile(db, writeFixture('a.csv', [header, jeugdzorgRow]))
    const before = valueCount()
    const error = refusalOf(() =>
      importCbsFile(
        db,
        writeFixture('b.csv', [header, `1;Jan Jansen;1e halfjaar 2024;1.0;;'s-Hertogenbosch;Wijk;WK079601`]),
      ),
    )
    expect(error.issues[0]).toMatchObject({ key: 'import.issue.regionNameMismatch', line: 2, column: 'Wijken' })
    expect(error.message).toMatch(/"Jan Jansen" is niet de CBS-naam van WK079601 \(bekend: "Binnenstad"\)/)
    expect(valueCount()).toBe(before)
    // The bundled boundaries know wijk names before any table is imported.
    const fresh = refusalOf(() =>
      importCbsFile(db, writeFixture('c.csv', [header, `1;Nergens;1e halfjaar 2024;1.0;;Breda;Wijk;WK075800`])),
    )
    expect(fresh.message).toMatch(/bekend: "Breda centrum"/)
  })

  it('keeps with every value the import it came from, and who imported it', () => {
    const user = db
      .insert(users)
      .values({ id: 'u1', email: 'a@example.org', name: 'A', passwordHash: 'x', isAdmin: true })
      .returning()
      .get()
    importCbsFile(db, path.join(bundledDataDir, '85685NED_jeugdzorg_wijken_2023_subset.csv'), { importedBy: user.id })
    const imports = db.select().from(cbsImports).all()
    expect(imports.map((i) => i.period).sort()).toEqual(['2023HJ01', '2023HJ02', '2023JJ00'])
    expect(imports.every((i) => i.importedBy === 'u1')).toBe(true)
    const byPeriod = new Map(imports.map((i) => [i.period, i.id]))
    const values = db.select().from(indicatorValues).all()
    expect(values.length).toBeGreaterThan(0)
    expect(values.every((v) => v.importId === byPeriod.get(v.period))).toBe(true)
  })
})

describe('importInWorker', () => {
  it('imports in a worker thread exactly as in-process, and refuses a bad file storing nothing', async () => {
    const file = path.join(bundledDataDir, '85990NED_jeugdzorg_wijken_2024h1_subset.csv')
    const databasePath = path.join(dir, 'test.db')
    const report = await importInWorker({ databasePath, filePath: file })
    expect(report).toMatchObject({ table: '85990NED', rows: 204, regions: 88 })
    const stored = db.select().from(indicatorValues).all()
    expect(stored).toHaveLength(report.values)
    const other = openDb(path.join(dir, 'other.db'))
    importCbsFile(other, file)
    const cells = (rows: typeof stored) =>
      rows.map((v) => JSON.stringify([v.column, v.category, v.regionCode, v.period, v.value, v.missingReason])).sort()
    expect(cells(stored)).toEqual(cells(other.select().from(indicatorValues).all()))
    other.$client.close()

    const bad = writeFixture('bad.csv', [header, `1;Binnenstad;1e halfjaar 2024;veel;;'s-Hertogenbosch;Wijk;WK079602`])
    await expect(importInWorker({ databasePath, filePath: bad })).rejects.toThrow(/"veel" is geen getal/)
    expect(valueCount()).toBe(report.values)
  })
})
