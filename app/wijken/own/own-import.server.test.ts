import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb, type Db } from '../../../db/client'
import { cbsImports, ownIndicators, ownTables } from '../../../db/schema'
import { importBundledData } from '~/wijken/import/import.server'
import { listImports, removeImport } from '~/wijken/import/imports.server'
import { importInWorker } from '~/wijken/import/run-import.server'
import { CbsImportError } from '~/wijken/import/types'
import { indicatorSnapshot } from '~/canvas/cards/snapshot'
import { choroplethForRequest } from '~/wijken/map.server'
import { getIndicatorByWijk, getWijkProfile, listGemeenteWijken } from '~/wijken/profile.server'
import { mapOptions } from '~/wijken/profile-view.server'
import { ownCatalogue } from './own-catalogue.server'
import { importOwnTableFile, listOwnIndicators, updateOwnIndicator } from './own-store.server'
import { ownTableTemplate } from './template'

const testFile = (name: string) => path.join(path.dirname(fileURLToPath(import.meta.url)), 'test-files', name)
const woonmonitor = { organisation: 'Woningcorporatie Zayaz', title: 'Woonmonitor' }
const TABLE = 'eigen-woningcorporatie-zayaz-woonmonitor'

let dir: string
let db: Db

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'own-figures-'))
  db = openDb(path.join(dir, 'test.db'))
  importBundledData(db)
})
afterAll(() => {
  db.$client.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

function refusal(run: () => unknown): CbsImportError {
  try {
    run()
  } catch (error) {
    if (error instanceof CbsImportError) return error
    throw error
  }
  throw new Error('not refused')
}

const own = (code: string, indicator: string) =>
  getWijkProfile(db, code)!.indicators.find((i) => i.code === `${TABLE}.${indicator}`)

describe('an own table', () => {
  it('imports every numeric column as an indicator, with name, unit and source from the header', () => {
    const report = importOwnTableFile(db, testFile('woonmonitor-2024.csv'), woonmonitor)
    expect(report).toMatchObject({ table: TABLE, title: 'Woonmonitor', periods: ['2024JJ00'], rows: 5, regions: 5 })
    expect(report.warnings).toEqual([
      '1 kolom(men) zonder getallen niet ingelezen: Toelichting.',
      '1 gebied(en) overgeslagen omdat CBS die code niet kent (bijv. WK079699).',
    ])
    const defs = listOwnIndicators(db).filter((d) => d.tableId === TABLE)
    expect(defs.map((d) => [d.label, d.unit, d.kind, d.baseColumn, d.riskDirection, d.inCocktail])).toEqual([
      ['Huurwoningen met achterstallig onderhoud', 'aantal', 'count', null, null, false],
      ['Huurders met een huurachterstand', '%', 'rate', 'huurwoningen', null, false],
      ['Huurwoningen', 'aantal', 'count', null, null, false],
    ])
  })

  it('is in the wijk profile like the catalogue, with its organisation, table, column and period', () => {
    const arrears = own('WK079609', 'huurders-met-een-huurachterstand')!
    expect(arrears).toMatchObject({
      label: { nl: 'Huurders met een huurachterstand' },
      unit: '%',
      level: 'wijk',
      decimals: 1,
      value: 6.8,
      gemeenteValue: 4.1,
      period: '2024JJ00',
      source: { table: TABLE, column: 'Huurders met een huurachterstand (%)' },
      own: { organisation: 'Woningcorporatie Zayaz', table: TABLE, title: 'Woonmonitor' },
      inCocktail: false,
      isRisk: null,
    })
    expect(arrears.sources.map((s) => s.column)).toEqual([
      'Huurders met een huurachterstand (%)',
      'Huurwoningen (basis)',
    ])
  })

  it('hides a count below the minimum base, a rate on a small base and a secret cell', () => {
    expect(own('WK079612', 'huurwoningen-met-achterstallig-onderhoud')).toMatchObject({
      value: null,
      reason: 'too-small',
    })
    expect(own('WK079612', 'huurders-met-een-huurachterstand')).toMatchObject({ value: 2.5, reason: null })
    expect(own('WK079614', 'huurders-met-een-huurachterstand')).toMatchObject({ value: null, reason: 'too-small' })
    expect(own('WK079614', 'huurwoningen-met-achterstallig-onderhoud')).toMatchObject({
      value: null,
      reason: 'suppressed',
    })
  })

  it('counts in the cocktail as the administrator sets it, with a threshold of its own', () => {
    const code = `${TABLE}.huurders-met-een-huurachterstand`
    const def = listOwnIndicators(db).find((d) => d.code === code)!
    expect(updateOwnIndicator(db, code, { ...def, riskDirection: 'higher', inCocktail: true, threshold: 5 })).toBe(true)
    const noord = getWijkProfile(db, 'WK079609')!
    expect(noord.indicators.find((i) => i.code === code)).toMatchObject({ inCocktail: true, isRisk: true })
    expect(noord.cocktail.riskIndicators).toContain(code)
    expect(own('WK079601', 'huurders-met-een-huurachterstand')).toMatchObject({ isRisk: false })
    // a re-import keeps the administrator's settings
    importOwnTableFile(db, testFile('woonmonitor-2024.csv'), woonmonitor)
    expect(listOwnIndicators(db).find((d) => d.code === code)).toMatchObject({ riskDirection: 'higher', threshold: 5 })
    // a background figure never counts
    updateOwnIndicator(db, code, { ...def, riskDirection: null, inCocktail: true, threshold: null })
    expect(listOwnIndicators(db).find((d) => d.code === code)!.inCocktail).toBe(false)
  })

  it('has the English name the administrator gives it, else the Dutch one, and a re-import keeps it', () => {
    const code = `${TABLE}.huurders-met-een-huurachterstand`
    const def = () => listOwnIndicators(db).find((d) => d.code === code)!
    expect(def().labelEn).toBeNull()
    expect(own('WK079609', 'huurders-met-een-huurachterstand')!.label).toEqual({
      nl: 'Huurders met een huurachterstand',
      en: 'Huurders met een huurachterstand',
    })
    updateOwnIndicator(db, code, { ...def(), labelEn: 'Tenants in rent arrears' })
    const english = { nl: 'Huurders met een huurachterstand', en: 'Tenants in rent arrears' }
    expect(own('WK079609', 'huurders-met-een-huurachterstand')!.label).toEqual(english)
    // the same label wherever the indicator goes: the map switch and a canvas card
    expect(listGemeenteWijken(db, 'GM0796')!.ownIndicators).toContainEqual({ code, label: english })
    expect(indicatorSnapshot(getWijkProfile(db, 'WK079609')!, code)!.label).toEqual(english)
    importOwnTableFile(db, testFile('woonmonitor-2024.csv'), woonmonitor)
    expect(def()).toMatchObject({ label: 'Huurders met een huurachterstand', labelEn: 'Tenants in rent arrears' })
    expect(own('WK079609', 'huurders-met-een-huurachterstand')!.label.en).toBe('Tenants in rent arrears')
  })

  it('is explained on /indicatoren with its source, period, direction, threshold and small-number rule', () => {
    const code = `${TABLE}.huurders-met-een-huurachterstand`
    const def = listOwnIndicators(db).find((d) => d.code === code)!
    const definition = 'Huishoudens met een huurachterstand van twee maanden of meer.'
    updateOwnIndicator(db, code, { ...def, riskDirection: 'higher', inCocktail: true, threshold: 5, definition })
    const entries = ownCatalogue(db).filter((e) => e.tableId === TABLE)
    expect(entries.map((e) => e.code)).toEqual([
      `${TABLE}.huurwoningen-met-achterstallig-onderhoud`,
      `${TABLE}.huurders-met-een-huurachterstand`,
      `${TABLE}.huurwoningen`,
    ])
    expect(entries[1]).toEqual({
      code: `${TABLE}.huurders-met-een-huurachterstand`,
      label: { nl: 'Huurders met een huurachterstand', en: 'Tenants in rent arrears' },
      organisation: 'Woningcorporatie Zayaz',
      title: 'Woonmonitor',
      tableId: TABLE,
      sourceColumn: 'Huurders met een huurachterstand (%)',
      unit: '%',
      decimals: 1,
      definition,
      periods: ['2024JJ00'],
      riskDirection: 'higher',
      inCocktail: true,
      threshold: 5,
      smallNumbers: { kind: 'base-column', column: 'Huurwoningen (basis)', min: 10 },
    })
    expect(entries[0]).toMatchObject({
      inCocktail: false,
      riskDirection: null,
      smallNumbers: { kind: 'count', min: 10 },
    })
  })

  it('can be mapped per wijk', () => {
    const map = getIndicatorByWijk(db, 'GM0796', `${TABLE}.huurders-met-een-huurachterstand`)!
    expect(map.indicator).toMatchObject({ unit: '%', own: { organisation: 'Woningcorporatie Zayaz' } })
    expect(map.wijken.find((w) => w.code === 'WK079601')).toMatchObject({ value: 3.2 })
  })

  it('is offered on the map switch of its gemeente, and the map of it has its figures', () => {
    const code = `${TABLE}.huurders-met-een-huurachterstand`
    const list = listGemeenteWijken(db, 'GM0796')!
    expect(list.withFigures).toContain(code)
    expect(list.ownIndicators).toContainEqual({
      code,
      label: { nl: 'Huurders met een huurachterstand', en: expect.any(String) },
    })
    const options = mapOptions('nl', list.withFigures, false, list.ownIndicators)
    expect(options.map((o) => o.code)).toContain(code)
    const map = choroplethForRequest(db, 'GM0796', code, list.withFigures)!
    expect(map.indicator.code).toBe(code)
    expect(map.shapes.find((s) => s.code === 'WK079601')).toMatchObject({ value: 3.2 })
    // a canvas card of it names the organisation and the table, not CBS
    expect(indicatorSnapshot(getWijkProfile(db, 'WK079601')!, code)).toMatchObject({
      value: 3.2,
      sourceOrganisation: 'Woningcorporatie Zayaz',
      sourceTable: 'Woonmonitor',
      sourceColumn: 'Huurders met een huurachterstand (%)',
    })
    // not for a gemeente without the table
    expect(listGemeenteWijken(db, 'GM0855')!.ownIndicators).toEqual([])
  })

  it('a rate without a base column is shown where CBS counts enough inhabitants', () => {
    importOwnTableFile(db, testFile('jeugdmonitor-2023.csv'), {
      organisation: 'GGD Hart voor Brabant',
      title: 'Jeugdmonitor',
    })
    const lonely = (code: string) =>
      getWijkProfile(db, code)!.indicators.find((i) => i.code.endsWith('.jongeren-die-zich-vaak-eenzaam-voelen'))
    expect(lonely('WK079601')).toMatchObject({
      value: 12.5,
      unit: '%',
      period: '2023JJ00',
      source: { column: 'Jongeren die zich vaak eenzaam voelen (%)' },
    })
    expect(lonely('WK079609')).toMatchObject({ value: 18 })
    expect(lonely('WK079614')).toMatchObject({ value: null, reason: 'suppressed' })
  })

  it('removing its import takes its figures from every profile in one go', async () => {
    const imports = listImports(db).filter((i) => i.tableId === TABLE)
    expect(imports).toHaveLength(1)
    expect(imports[0]).toMatchObject({ fileName: 'woonmonitor-2024.csv', rowCount: 5 })
    expect(await removeImport(db, imports[0]!.id)).toEqual({ values: 15 })
    expect(own('WK079609', 'huurders-met-een-huurachterstand')).toBeUndefined()
    expect(ownCatalogue(db).map((e) => e.tableId)).not.toContain(TABLE)
  })
})

describe('own tables that are refused whole', () => {
  const count = () => ({
    tables: db.select().from(ownTables).all().length,
    indicators: db.select().from(ownIndicators).all().length,
    imports: db.select().from(cbsImports).all().length,
  })

  it('regions by name only: ambiguous, not data about people', () => {
    const before = count()
    const error = refusal(() => importOwnTableFile(db, testFile('alleen-namen.csv'), { organisation: 'Politie' }))
    expect(error.kind).toBe('invalid')
    expect(error.message).toMatch(
      /^alleen-namen\.csv, regel 1, kolom Wijk: De gebieden staan er alleen met een naam in/,
    )
    expect(error.message).not.toMatch(/personen/)
    expect(count()).toEqual(before)
  })

  it('a row per person', () => {
    const error = refusal(() => importOwnTableFile(db, testFile('personen.csv'), { organisation: 'Welzijn' }))
    expect(error.kind).toBe('person-level')
    expect(error.message).toMatch(/gegevens over personen/)
  })

  it('a text in a figure column, naming line and column; nothing half-imported', () => {
    const before = count()
    const error = refusal(() =>
      importOwnTableFile(db, testFile('kapot.csv'), { organisation: 'Politie', title: 'Overlast', period: '2024' }),
    )
    expect(error.message).toBe('kapot.csv, regel 3, kolom Meldingen van overlast (aantal): "veel" is geen getal.')
    expect(count()).toEqual(before)
  })

  it('a catalogue table, a file without a period, and no organisation', () => {
    const bundled = path.join(
      path.dirname(testFile('x')),
      '../../../../db/data/cbs/85990NED_jeugdzorg_wijken_2024h1_subset.csv',
    )
    expect(refusal(() => importOwnTableFile(db, bundled, { organisation: 'CBS' })).issues[0]).toMatchObject({
      key: 'import.issue.own.isCatalogue',
      vars: { table: '85990NED' },
    })
    const noPeriod = path.join(dir, 'geen-periode.csv')
    fs.writeFileSync(noPeriod, 'Wijkcode;Meldingen (aantal)\nWK079601;120\n')
    expect(refusal(() => importOwnTableFile(db, noPeriod, { organisation: 'Politie' })).issues[0]).toMatchObject({
      key: 'import.issue.own.periodMissing',
    })
    expect(importOwnTableFile(db, noPeriod, { organisation: 'Politie', period: '2024' })).toMatchObject({
      periods: ['2024JJ00'],
    })
    // A period given for a file that has its own period column: the file's is used, and it says so.
    const withPeriod = path.join(dir, 'met-periode.csv')
    fs.writeFileSync(withPeriod, 'Wijkcode;Perioden;Meldingen (aantal)\nWK079601;2024;120\n')
    const report = importOwnTableFile(db, withPeriod, { organisation: 'Politie', period: '2023' })
    expect(report.periods).toEqual(['2024JJ00'])
    expect(report.warnings).toContain(
      'De periode 2023 die je opgaf is niet gebruikt: het bestand heeft zelf een kolom Perioden met de periode van elke regel.',
    )
    expect(refusal(() => importOwnTableFile(db, noPeriod, { organisation: '  ' })).issues[0]).toMatchObject({
      key: 'import.issue.own.sourceMissing',
    })
  })
})

describe('an own table beside live rooms', () => {
  it('imports in the worker, with its indicators written in the same switch', async () => {
    const report = await importInWorker({
      databasePath: db.$client.name,
      filePath: testFile('woonmonitor-2024.csv'),
      own: woonmonitor,
    })
    expect(report).toMatchObject({ table: TABLE, values: 15 })
    expect(own('WK079609', 'huurders-met-een-huurachterstand')).toMatchObject({ value: 6.8 })
  })
})

describe('the template for organisations', () => {
  it('is an own table the importer reads, with real codes and no figures', () => {
    const file = path.join(dir, 'sjabloon.csv')
    fs.writeFileSync(file, ownTableTemplate)
    const error = refusal(() => importOwnTableFile(db, file, { organisation: 'Gemeente' }))
    // no figures at all: nothing is imported from a template sent back untouched
    expect(error.issues[0]).toMatchObject({ key: 'import.issue.own.noFigures' })
    const filled = ownTableTemplate.replace(
      '"WK079601";"Binnenstad";"2024";"";"";""',
      '"WK079601";"Binnenstad";"2024";"40";"12,5";"800"',
    )
    fs.writeFileSync(file, filled)
    const report = importOwnTableFile(db, file, { organisation: 'Gemeente', title: 'Sjabloon' })
    expect(report).toMatchObject({ rows: 2, values: 6 })
  })
})

describe('the import list', () => {
  it("names an own table's imports by the table and its organisation", () => {
    importOwnTableFile(db, testFile('woonmonitor-2024.csv'), woonmonitor)
    expect(listImports(db).find((i) => i.tableId === TABLE)).toMatchObject({
      title: 'Woonmonitor (Woningcorporatie Zayaz)',
      rowCount: 5,
      fileName: 'woonmonitor-2024.csv',
    })
  })
})
