import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb, type Db } from '../../../db/client'
import { indicatorValues } from '../../../db/schema'
import { importBundledData } from '~/wijken/import/import.server'
import { listImports, removeImport } from '~/wijken/import/imports.server'
import { getIndicatorByWijk, getWijkProfile } from '~/wijken/profile.server'
import { ownCatalogue } from './own-catalogue.server'
import { importOwnTableFile } from './own-store.server'

/**
 * An own table imported for two periods (the same organisation and table name, ADR 016): both
 * periods stay, the profile shows the newest figure that may be shown with its own period, and the
 * trend, each period through the privacy rules.
 */
const testFile = (name: string) => path.join(path.dirname(fileURLToPath(import.meta.url)), 'test-files', name)
const buurtmonitor = { organisation: "Gemeente 's-Hertogenbosch", title: 'Buurtmonitor' }
const TABLE = 'eigen-gemeente-s-hertogenbosch-buurtmonitor'
const NUISANCE = `${TABLE}.meldingen-van-overlast`
const UNSAFE = `${TABLE}.bewoners-die-zich-onveilig-voelen`

let dir: string
let db: Db

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'own-periods-'))
  db = openDb(path.join(dir, 'test.db'))
  importBundledData(db)
  importOwnTableFile(db, testFile('buurtmonitor-2023.csv'), { ...buurtmonitor, period: '2023' })
  importOwnTableFile(db, testFile('buurtmonitor-2024.csv'), { ...buurtmonitor, period: '2024' })
})
afterAll(() => {
  db.$client.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const own = (wijk: string, code: string) => getWijkProfile(db, wijk)!.indicators.find((i) => i.code === code)!
const trendOf = (wijk: string, code: string) =>
  own(wijk, code).trend.map((p) => [p.period, p.value, p.reason, p.gemeenteValue])

describe('an own table imported for a second period', () => {
  it('keeps the first period beside the second: one import per period, one table', () => {
    const imports = listImports(db).filter((i) => i.tableId === TABLE)
    expect(imports.map((i) => [i.period, i.fileName, i.rowCount])).toEqual(
      expect.arrayContaining([
        ['2023JJ00', 'buurtmonitor-2023.csv', 4],
        ['2024JJ00', 'buurtmonitor-2024.csv', 4],
      ]),
    )
    expect(imports).toHaveLength(2)
    expect(trendOf('WK079601', NUISANCE)).toEqual([
      ['2023JJ00', 120, null, 3000],
      ['2024JJ00', 95, null, 2900],
    ])
  })

  it('shows the newest period, labelled with it, and the trend of both', () => {
    expect(own('WK079601', UNSAFE)).toMatchObject({
      value: 12.5,
      period: '2024JJ00',
      periodLabel: '2024',
      gemeenteValue: 14.2,
      sources: [{ table: TABLE, column: 'Bewoners die zich onveilig voelen (%)', period: '2024JJ00' }],
      newer: null,
    })
    expect(own('WK079601', UNSAFE).trend.map((p) => [p.periodLabel, p.value])).toEqual([
      ['2023', 14],
      ['2024', 12.5],
    ])
  })

  it('shows the newest figure that may be shown, with its own period, and says why the newer one is not', () => {
    // 6 reports in Engelen in 2024: a count below 10 is not shown, so 2023's 12 is
    expect(own('WK079612', NUISANCE)).toMatchObject({
      value: 12,
      reason: null,
      period: '2023JJ00',
      periodLabel: '2023',
      gemeenteValue: 3000,
      sources: [{ period: '2023JJ00' }],
      newer: { period: '2024JJ00', periodLabel: '2024', reason: 'too-small' },
    })
    // the trend goes through the privacy rules per period: the hidden figure stays hidden
    expect(trendOf('WK079612', NUISANCE)).toEqual([
      ['2023JJ00', 12, null, 3000],
      ['2024JJ00', null, 'too-small', 2900],
    ])
    // a secret cell ('.') in 2024: 2023's figure, and the reason for 2024
    expect(own('WK079609', UNSAFE)).toMatchObject({
      value: 20.5,
      period: '2023JJ00',
      newer: { period: '2024JJ00', reason: 'suppressed' },
    })
    expect(trendOf('WK079609', UNSAFE)).toEqual([
      ['2023JJ00', 20.5, null, 15],
      ['2024JJ00', null, 'suppressed', 14.2],
    ])
  })

  it('/indicatoren names both periods', () => {
    expect(ownCatalogue(db).filter((e) => e.tableId === TABLE)).toMatchObject([
      { code: NUISANCE, periods: ['2023JJ00', '2024JJ00'], smallNumbers: { kind: 'count', min: 10 } },
      { code: UNSAFE, periods: ['2023JJ00', '2024JJ00'], smallNumbers: { kind: 'inhabitants', min: 100 } },
    ])
  })

  it('a map compares one period: the newest for every wijk, hidden where it is hidden', () => {
    const map = getIndicatorByWijk(db, 'GM0796', NUISANCE)!
    expect(map.wijken.find((w) => w.code === 'WK079612')).toMatchObject({
      value: null,
      reason: 'too-small',
      period: '2024JJ00',
    })
    expect(map.wijken.find((w) => w.code === 'WK079601')).toMatchObject({ value: 95, period: '2024JJ00' })
  })

  it('the same period imported again replaces that period only', () => {
    const corrected = path.join(dir, 'buurtmonitor-2024.csv')
    fs.writeFileSync(
      corrected,
      fs.readFileSync(testFile('buurtmonitor-2024.csv'), 'utf8').replace('WK079601;95;', 'WK079601;99;'),
    )
    importOwnTableFile(db, corrected, { ...buurtmonitor, period: '2024' })
    expect(trendOf('WK079601', NUISANCE)).toEqual([
      ['2023JJ00', 120, null, 3000],
      ['2024JJ00', 99, null, 2900],
    ])
    // one stored row per period: the replaced one is gone, 2023's stays
    const rows = db
      .select({ period: indicatorValues.period, value: indicatorValues.value })
      .from(indicatorValues)
      .where(
        and(
          eq(indicatorValues.tableId, TABLE),
          eq(indicatorValues.column, 'meldingen-van-overlast'),
          eq(indicatorValues.regionCode, 'WK079601'),
        ),
      )
      .all()
    expect(rows.sort((a, b) => a.period.localeCompare(b.period))).toEqual([
      { period: '2023JJ00', value: 120 },
      { period: '2024JJ00', value: 99 },
    ])
    expect(listImports(db).filter((i) => i.tableId === TABLE)).toHaveLength(2)
  })

  it('removing the newer import leaves the earlier period, without a trend', async () => {
    const newer = listImports(db).find((i) => i.tableId === TABLE && i.period === '2024JJ00')!
    await removeImport(db, newer.id)
    expect(own('WK079601', NUISANCE)).toMatchObject({ value: 120, period: '2023JJ00', newer: null, trend: [] })
    expect(own('WK079612', NUISANCE)).toMatchObject({ value: 12, period: '2023JJ00', newer: null })
  })

  it('/indicatoren names the periods of each column: a later file may lack one, a removed import counts not', () => {
    const only = path.join(dir, 'buurtmonitor-2025.csv')
    fs.writeFileSync(only, 'Regiocode;Meldingen van overlast (aantal)\nGM0796;2800\nWK079601;90\n')
    importOwnTableFile(db, only, { ...buurtmonitor, period: '2025' })
    expect(ownCatalogue(db).filter((e) => e.tableId === TABLE)).toMatchObject([
      { code: NUISANCE, periods: ['2023JJ00', '2025JJ00'] },
      { code: UNSAFE, periods: ['2023JJ00'] },
    ])
  })
})
