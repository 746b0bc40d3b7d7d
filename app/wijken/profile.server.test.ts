import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb, type Db } from '../../db/client'
import { importBundledData, importCbsFile } from './import/import.server'
import { getIndicatorByWijk, getWijkProfile, listGemeenteWijken, type WijkProfile } from './profile.server'

let dir: string
let db: Db

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijk-profile-'))
  db = openDb(path.join(dir, 'test.db'))
  importBundledData(db)
})
afterAll(() => {
  db.$client.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const indicator = (p: WijkProfile, code: string) => p.indicators.find((i) => i.code === code)!

describe("getWijkProfile: 's-Hertogenbosch Binnenstad (WK079601)", () => {
  const profile = () => getWijkProfile(db, 'WK079601')!

  it('names the wijk and its gemeente, with the CBS attribution', () => {
    expect(profile()).toMatchObject({
      code: 'WK079601',
      name: 'Binnenstad',
      gemeente: { code: 'GM0796', name: "'s-Hertogenbosch" },
      attribution: 'Bron: CBS, CC BY 4.0',
    })
  })

  it('has the exact KWB figures with gemeente and national references', () => {
    expect(indicator(profile(), 'inwoners')).toMatchObject({
      value: 13895,
      gemeenteValue: 160757,
      nationalValue: 17942942,
      period: '2024JJ00',
      source: { table: '85984NED', column: 'AantalInwoners_5' },
      difference: null,
      isRisk: null,
    })
    // 775 / 13 895, 23 479 / 160 757, 2 714 040 / 17 942 942
    expect(indicator(profile(), 'aandeel-0-15')).toMatchObject({
      value: 5.6,
      gemeenteValue: 14.6,
      nationalValue: 15.1,
      difference: -9,
    })
    expect(indicator(profile(), 'corporatiewoningen')).toMatchObject({
      value: 33,
      gemeenteValue: 33,
      nationalValue: 28,
      difference: 0,
      isRisk: false,
      source: { table: '85984NED', column: 'InBezitWoningcorporatie_49' },
    })
  })

  it('computes youth care per 1,000 inhabitants aged 0–25 and its trend over half-years', () => {
    const jz = indicator(profile(), 'jeugdzorg')
    // 95 / (775 + 1 900) × 1 000; 3 320 / (23 479 + 18 405); 398 485 / (2 714 040 + 2 202 159)
    expect(jz).toMatchObject({
      value: 35.5,
      gemeenteValue: 79.3,
      nationalValue: 81.1,
      difference: -43.8,
      period: '2024HJ01',
      periodLabel: '1e halfjaar 2024',
      source: { table: '85990NED', column: 'TotaalJongerenMetJeugdzorgInNatura_1' },
      isRisk: false,
    })
    expect(jz.sources).toEqual([
      {
        table: '85990NED',
        column: 'TotaalJongerenMetJeugdzorgInNatura_1',
        category: 'totaal-alle-jeugdzorg-in-natura',
        period: '2024HJ01',
      },
      { table: '85984NED', column: 'k_0Tot15Jaar_8', period: '2024JJ00' },
      { table: '85984NED', column: 'k_15Tot25Jaar_9', period: '2024JJ00' },
    ])
    // The year 2023 is not mixed into a half-year trend.
    expect(jz.trend.map((t) => [t.period, t.value, t.gemeenteValue])).toEqual([
      ['2023HJ01', 41.1, 81.3],
      ['2023HJ02', 37.4, 80.8],
      ['2024HJ01', 35.5, 79.3],
    ])
    expect(indicator(profile(), 'eenouder-jeugdzorg')).toMatchObject({ value: 36.8, period: '2024HJ01' }) // 35 / 95
  })

  it('says why a figure is missing instead of showing 0', () => {
    expect(indicator(profile(), 'bijstand')).toMatchObject({
      value: null,
      reason: 'no-data',
      gemeenteValue: null,
      nationalValue: 2.6, // 402 920 / 15 324 100, September 2024
      period: '2024MM09',
      isRisk: null,
    })
    expect(indicator(profile(), 'inkomen-per-inwoner')).toMatchObject({
      value: null,
      reason: 'not-published',
    })
  })

  it('carries how each figure is presented, so no consumer needs the catalogue', () => {
    expect(indicator(profile(), 'inwoners')).toMatchObject({ unit: 'aantal', decimals: 0, level: 'wijk' })
    expect(indicator(profile(), 'jeugdzorg')).toMatchObject({ decimals: 1 })
    // A hidden figure carries its reason as a key; the text is translated where it is shown.
    expect(indicator(profile(), 'bijstand')).not.toHaveProperty('reasonText')
  })

  it('shows gemeente-level youth protection and stay away from home as gemeente figures', () => {
    expect(indicator(profile(), 'jeugdbescherming-gemeente')).toMatchObject({
      level: 'gemeente',
      value: 1,
      nationalValue: 0.9,
      period: '2024HJ01',
      isRisk: null,
      source: { table: '85098NED', column: 'JongerenMetJeugdbescherming_3' },
    })
    expect(indicator(profile(), 'jeugdhulp-met-verblijf-gemeente')).toMatchObject({ value: 7.2, nationalValue: 8.3 })
  })

  it('has a cocktail that says how many of its factors could be assessed, and why the others not', () => {
    const { cocktail } = profile()
    // Income is not in KWB 2024; 86003NED (bijstand, WW) has no 's-Hertogenbosch in the bundled copy.
    expect(cocktail).toEqual({
      factors: 6,
      assessed: 2,
      count: 0,
      assessedIndicators: ['corporatiewoningen', 'jeugdzorg'],
      riskIndicators: [],
      notAssessed: [
        { code: 'inkomen-per-inwoner', reason: 'not-published' },
        { code: 'laag-inkomen', reason: 'not-published' },
        { code: 'bijstand', reason: 'no-data' },
        { code: 'ww', reason: 'no-data' },
      ],
    })
    // No text is baked in: the pages make it in the reader's language.
    expect(cocktail).not.toHaveProperty('summary')
  })

  it('names table, column and period also for a figure the wijk does not have', () => {
    expect(indicator(profile(), 'ww')).toMatchObject({
      value: null,
      reason: 'no-data',
      period: '2024MM09',
      source: { table: '86003NED', column: 'Werkloosheidsuitkering_5' },
    })
  })
})

describe('getWijkProfile: other wijken', () => {
  it('Breda centrum: bijstand, WW and corporation housing pile up', () => {
    const p = getWijkProfile(db, 'WK075800')!
    // 500 / 15 700; 4 560 / 161 660; 402 920 / 15 324 100
    expect(indicator(p, 'bijstand')).toMatchObject({ value: 3.2, gemeenteValue: 2.8, nationalValue: 2.6, isRisk: true })
    expect(indicator(p, 'bijstand').trend.map((t) => t.period)).toEqual(['2024MM03', '2024MM06', '2024MM09'])
    expect(p.cocktail.riskIndicators).toEqual(['corporatiewoningen', 'bijstand', 'ww'])
    expect(p.cocktail).toMatchObject({ factors: 6, assessed: 4, count: 3 })
    expect(p.cocktail.notAssessed.map((n) => n.reason)).toEqual(['not-published', 'not-published'])
  })
  it('Tilburg Binnenstad: only what the data has', () => {
    const p = getWijkProfile(db, 'WK085510')!
    expect(p.gemeente).toEqual({ code: 'GM0855', name: 'Tilburg' })
    expect(indicator(p, 'inwoners').value).toBe(8065)
    expect(indicator(p, 'jeugdzorg')).toMatchObject({ value: null, reason: 'no-data' })
    expect(p.cocktail).toMatchObject({ factors: 6, assessed: 0, count: 0 })
    expect(p.cocktail.notAssessed.every((n) => n.reason === 'no-data')).toBe(true)
  })
  it('hides a figure derived from a count below the minimum base, and then shows the newest one that has a value', () => {
    const file = path.join(dir, '85990NED_klein.csv')
    fs.writeFileSync(
      file,
      '\uFEFFID;Vormen;Wijken;Perioden;TotaalJongerenMetJeugdzorgInNatura_1;ThuiswonendKindInEenouderhuishouden_6;Codering_20\n' +
        '1;Totaal alle jeugdzorg in natura;Empel;1e halfjaar 2024;40.0;5.0;WK079608\n',
    )
    importCbsFile(db, file)
    const p = getWijkProfile(db, 'WK079608')!
    const single = indicator(p, 'eenouder-jeugdzorg')
    // 1e halfjaar 2024: 5 of 40 is below the minimum base; 2e halfjaar 2023 (85685NED): 35 / 165.
    expect(single).toMatchObject({
      value: 21.2,
      period: '2023HJ02',
      periodLabel: '2e halfjaar 2023',
      newer: { period: '2024HJ01', periodLabel: '1e halfjaar 2024', reason: 'too-small' },
      source: { table: '85685NED', column: 'ThuiswonendKindInEenouderhuishouden_6' },
    })
    // The references are of the same period as the figure, so the comparison stays fair.
    expect(single.gemeenteValue).toBe(single.trend.find((t) => t.period === '2023HJ02')!.gemeenteValue)
    expect(single.trend.map((t) => [t.period, t.value, t.reason])).toEqual([
      ['2023HJ01', 18.2, null],
      ['2023HJ02', 21.2, null],
      ['2024HJ01', null, 'too-small'],
    ])
    expect(JSON.stringify(single)).not.toContain('12.5')
    // A map compares one period for every wijk: there the newest period stays, hidden.
    const map = getIndicatorByWijk(db, 'GM0796', 'eenouder-jeugdzorg')!
    expect(map.wijken.find((w) => w.code === 'WK079608')).toMatchObject({ value: null, reason: 'too-small' })
  })
  it('returns null for an unknown wijk or a code that is not a wijk', () => {
    expect(getWijkProfile(db, 'WK099999')).toBeNull()
    expect(getWijkProfile(db, 'GM0796')).toBeNull()
  })
})

describe('listGemeenteWijken and getIndicatorByWijk', () => {
  it("lists the wijken of 's-Hertogenbosch with inhabitants and cocktail count", () => {
    const list = listGemeenteWijken(db, 'GM0796')!
    expect(list.name).toBe("'s-Hertogenbosch")
    expect(list.wijken).toHaveLength(14)
    expect(list.wijken[0]).toMatchObject({ code: 'WK079601', name: 'Binnenstad', inhabitants: 13895 })
    expect(list.wijken[0]!.cocktail).toMatchObject({ factors: 6, assessed: 2, count: 0 })
    expect(listGemeenteWijken(db, 'GM0855')!.wijken).toHaveLength(59)
    expect(listGemeenteWijken(db, 'GM9999')).toBeNull()
  })
  it('says which indicators have figures for a gemeente, so a map offers no all-grey option', () => {
    const tilburg = listGemeenteWijken(db, 'GM0855')!.withFigures
    expect(tilburg).toContain('inwoners')
    expect(tilburg).not.toContain('inkomen-per-inwoner')
    expect(tilburg).not.toContain('corporatiewoningen')
    expect(listGemeenteWijken(db, 'GM0758')!.withFigures).toContain('bijstand')
    expect(listGemeenteWijken(db, 'GM0796')!.withFigures).not.toContain('bijstand')
  })
  it('gives one indicator per wijk for a map', () => {
    const map = getIndicatorByWijk(db, 'GM0758', 'bijstand')!
    expect(map.wijken).toHaveLength(11)
    expect(map.wijken.find((w) => w.code === 'WK075800')).toMatchObject({
      value: 3.2,
      isRisk: true,
      period: '2024MM09',
    })
    expect(map).toMatchObject({ gemeenteValue: 2.8, nationalValue: 2.6 })
    expect(getIndicatorByWijk(db, 'GM0758', 'bestaat-niet')).toBeNull()
  })
})
