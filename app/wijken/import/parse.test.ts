import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseCbsCsv } from './csv'
import { bundledDataDir } from './import.server'
import { normalizeCbsTable, parseCbsNumber, type NormalizedTable } from './normalize'
import { parseCbsJson } from './odata'

const read = (file: string) => fs.readFileSync(path.join(bundledDataDir, file), 'utf8')
const knownGemeenten: Record<string, string> = { "'s-Hertogenbosch": 'GM0796', Breda: 'GM0758', Tilburg: 'GM0855' }
const resolveGemeente = (name: string) => knownGemeenten[name] ?? null

function load(file: string): NormalizedTable {
  const { table, issues } = file.endsWith('.json') ? parseCbsJson(read(file)) : parseCbsCsv(read(file))
  expect(issues).toEqual([])
  return normalizeCbsTable(table, { fileName: file, resolveGemeente })
}

const cell = (t: NormalizedTable, region: string, column: string, period?: string, category = '') =>
  t.cells.find(
    (c) =>
      c.regionCode === region && c.column === column && c.category === category && (!period || c.period === period),
  )

describe('parseCbsNumber', () => {
  it('reads 123.0 as 123 and keeps decimals', () => {
    expect(parseCbsNumber('4510.0')).toEqual({ value: 4510, missing: false })
    expect(parseCbsNumber(' 2.1 ')).toEqual({ value: 2.1, missing: false })
    expect(parseCbsNumber(17942942)).toEqual({ value: 17942942, missing: false })
  })
  it('never turns an empty or suppressed cell into 0', () => {
    for (const raw of ['', '   ', '.', '         .', 'x', '?', null])
      expect(parseCbsNumber(raw)).toEqual({ value: null, missing: true })
  })
  it("reads CBS's nihil (-) as 0 and refuses text", () => {
    expect(parseCbsNumber('-')).toEqual({ value: 0, missing: false })
    expect(parseCbsNumber('veel')).toEqual({ error: '"veel" is geen getal' })
    expect(parseCbsNumber('1,5,0')).toHaveProperty('error')
    expect(parseCbsNumber('1.000,5')).toHaveProperty('error')
  })
  it("reads a StatLine download's decimal comma", () => {
    expect(parseCbsNumber('  2,8')).toEqual({ value: 2.8, missing: false })
  })
})

describe('parseCbsCsv', () => {
  it('strips the BOM and keeps padded cells for the normaliser', () => {
    const { table } = parseCbsCsv(read('85984NED_kwb2024_nl_gm0796_gm0758.csv'))
    expect(table.columns[0]).toBe('ID')
    expect(table.columns).toHaveLength(130)
    expect(table.rows).toHaveLength(192)
    expect(table.rows[0]!.cells.Codering_3).toBe('NL00      ')
    expect(table.rows[0]!.line).toBe(2)
  })
  it('reports a row with the wrong number of fields by line', () => {
    const { issues } = parseCbsCsv('\uFEFFID;Codering_3;AantalInwoners_5\n0;GM0796;1\n1;GM0758\n')
    expect(issues).toEqual([expect.objectContaining({ line: 3, message: 'Deze regel heeft 2 velden, de kopregel 3.' })])
  })
})

describe('bundled KWB 2024 (85984NED) CSV', () => {
  const t = load('85984NED_kwb2024_nl_gm0796_gm0758.csv')
  it('has every row and region', () => {
    expect(t.table.id).toBe('85984NED')
    expect(t.periods).toEqual(['2024JJ00'])
    expect(t.rowCount).toBe(192)
    expect(t.regions.filter((r) => r.level === 'wijk')).toHaveLength(25)
    expect(t.regions.filter((r) => r.level === 'buurt')).toHaveLength(164)
    expect(t.unknownColumns).toEqual([])
  })
  it('has the exact values of the file (checked by hand)', () => {
    expect(cell(t, 'NL00', 'AantalInwoners')?.value).toBe(17942942)
    expect(cell(t, 'GM0796', 'k_0Tot15Jaar')?.value).toBe(23479)
    expect(cell(t, 'WK079601', 'AantalInwoners')).toMatchObject({ value: 13895, sourceColumn: 'AantalInwoners_5' })
    expect(cell(t, 'WK079601', 'Woningvoorraad')?.value).toBe(8802) // written 8802.0
    expect(cell(t, 'WK079601', 'InBezitWoningcorporatie')?.value).toBe(33)
    expect(cell(t, 'GM0758', 'GemiddeldeHuishoudensgrootte')?.value).toBe(2)
    expect(t.regions.find((r) => r.code === 'WK079601')).toMatchObject({ name: 'Binnenstad', gemeenteCode: 'GM0796' })
    expect(t.regions.find((r) => r.code === 'GM0796')?.name).toBe("'s-Hertogenbosch")
  })
  it('keeps suppressed cells empty and marks never-filled columns as not published', () => {
    expect(cell(t, 'BU07960201', 'InBezitWoningcorporatie')).toMatchObject({
      value: null,
      missingReason: 'suppressed-by-cbs',
    })
    expect(cell(t, 'BU07960201', 'AantalInwoners')?.value).toBe(0)
    expect(cell(t, 'WK079601', 'GemiddeldInkomenPerInwoner')).toMatchObject({
      value: null,
      missingReason: 'not-published',
    })
  })
  it('tells repeated key stems apart by DataProperties order', () => {
    expect(cell(t, 'NL00', 'Nederland')).toMatchObject({ sourceColumn: 'Nederland_17', value: 12941748 })
    expect(cell(t, 'NL00', 'Nederland#2')).toMatchObject({ sourceColumn: 'Nederland_20', value: 12941748 })
    expect(cell(t, 'NL00', 'EuropaExclusiefNederland#3')).toMatchObject({
      sourceColumn: 'EuropaExclusiefNederland_23',
      value: 1068687,
    })
  })
})

describe('bundled KWB 2024 8-column OData JSON', () => {
  const t = load('85984NED_kwb2024_8stats_subset_niquedegraaff.json')
  it('reads the region-keyed object', () => {
    expect(t.table.id).toBe('85984NED')
    expect(t.rowCount).toBe(87)
    expect(t.regions.filter((r) => r.code.startsWith('WK0855'))).toHaveLength(59)
    expect(cell(t, 'WK075800', 'AantalInwoners')?.value).toBe(16440)
    expect(cell(t, 'GM0758', 'OppervlakteWater')?.value).toBe(299)
  })
  it('gives the same cells as the CSV for the regions and columns they share', () => {
    const csv = load('85984NED_kwb2024_nl_gm0796_gm0758.csv')
    const key = (c: { regionCode: string; column: string; period: string }) => `${c.regionCode}|${c.column}|${c.period}`
    const fromCsv = new Map(csv.cells.map((c) => [key(c), c]))
    const shared = t.cells.filter((c) => fromCsv.has(key(c)))
    expect(shared.length).toBe(27 * 8) // 2 gemeenten + 25 wijken × 8 columns
    for (const c of shared) {
      const other = fromCsv.get(key(c))!
      expect({ ...c, sourceColumn: '' }).toEqual({ ...other, sourceColumn: '' })
      expect(c.sourceColumn).toBe(other.sourceColumn)
    }
  })
  it('reads an OData v3 envelope with typed rows and keys as dimension values', () => {
    const json = JSON.stringify({
      'odata.metadata': 'https://opendata.cbs.nl/ODataApi/odata/85984NED/$metadata#Cbs.OData.TypedDataSet',
      value: [
        {
          ID: 7666,
          WijkenEnBuurten: 'WK079601  ',
          Gemeentenaam_1: "'s-Hertogenbosch",
          SoortRegio_2: 'Wijk',
          Codering_3: 'WK079601  ',
          AantalInwoners_5: 13895,
          GemiddeldInkomenPerInwoner_83: null,
        },
      ],
    })
    const { table } = parseCbsJson(json)
    const out = normalizeCbsTable(table, { fileName: '85984NED_TypedDataSet.json' })
    expect(cell(out, 'WK079601', 'AantalInwoners')?.value).toBe(13895)
    expect(cell(out, 'WK079601', 'GemiddeldInkomenPerInwoner')).toMatchObject({
      value: null,
      missingReason: 'not-published',
    })
  })
  it('refuses the DataProperties metadata file as data', () => {
    expect(parseCbsJson(read('85984NED_DataProperties.json')).issues[0]!.message).toMatch(/metadatabestand/)
  })
})

describe('bundled jeugdzorg per wijk (85990NED, 85685NED)', () => {
  const t24 = load('85990NED_jeugdzorg_wijken_2024h1_subset.csv')
  const t23 = load('85685NED_jeugdzorg_wijken_2023_subset.csv')
  it('has every row, form and period', () => {
    expect(t24.rowCount).toBe(204)
    expect(t24.periods).toEqual(['2024HJ01'])
    expect(new Set(t24.cells.map((c) => c.category))).toEqual(
      new Set(['totaal-alle-jeugdzorg-in-natura', 'totaal-jeugdhulp-in-natura', 'jeugdhulp-zonder-verblijf']),
    )
    expect(t23.rowCount).toBe(264)
    expect(t23.periods).toEqual(['2023HJ01', '2023HJ02', '2023JJ00'])
  })
  it('maps NL01 to NL00 and has the exact values', () => {
    const total = 'totaal-alle-jeugdzorg-in-natura'
    expect(cell(t24, 'NL00', 'TotaalJongerenMetJeugdzorgInNatura', '2024HJ01', total)?.value).toBe(398485)
    expect(cell(t24, 'WK079601', 'TotaalJongerenMetJeugdzorgInNatura', '2024HJ01', total)?.value).toBe(95)
    expect(cell(t24, 'WK079601', 'ThuiswonendKindInEenouderhuishouden', '2024HJ01', total)?.value).toBe(35)
    expect(cell(t24, 'WK079601', 'k_0Tot4Jaar', '2024HJ01', total)).toMatchObject({
      value: null,
      missingReason: 'suppressed-by-cbs',
    })
    expect(cell(t24, 'WK085528', 'TotaalJongerenMetJeugdzorgInNatura', '2024HJ01', total)?.value).toBeNull()
    expect(cell(t23, 'WK079601', 'TotaalJongerenMetJeugdzorgInNatura', '2023JJ00', total)?.value).toBe(125)
    expect(t24.regions.find((r) => r.code === 'GM0855')?.name).toBe('Tilburg')
  })
})

describe('bundled uitkeringen (86003NED)', () => {
  const t = load('86003NED_uitkeringen_wijken_buurten_2024_subset.csv')
  it('skips the NL00 "Totaal" rows (incl. abroad) and stores NL01 as NL00', () => {
    expect(t.rowCount).toBe(199)
    expect(t.periods).toEqual(['2024MM03', '2024MM06', '2024MM09'])
    expect(cell(t, 'NL00', 'Bijstandsuitkering', '2024MM09')?.value).toBe(402920)
    expect(cell(t, 'NL00', 'InwonersVanaf15Jaar', '2024MM09')?.value).toBe(15324100)
    expect(t.warnings.join()).toMatch(/3 landelijke regel/)
  })
  it('has the exact Breda values, counts and whole percentages apart', () => {
    expect(cell(t, 'GM0758', 'Bijstandsuitkering', '2024MM03')).toMatchObject({
      value: 4510,
      sourceColumn: 'Bijstandsuitkering_6',
    })
    expect(cell(t, 'GM0758', 'Bijstandsuitkering#2', '2024MM03')).toMatchObject({
      value: 3,
      sourceColumn: 'Bijstandsuitkering_10',
    })
    expect(cell(t, 'BU07581000', 'Werkloosheidsuitkering', '2024MM03')?.value).toBe(70)
    expect(cell(t, 'BU07581000', 'Werkloosheidsuitkering', '2024MM06')).toBeUndefined()
  })
})

describe('bundled gemeente tables (85098NED, 85099NED): regions by name', () => {
  const t = load('85098NED_jeugdzorg_indicatoren_gemeenten.csv')
  it('reads "1e half jaar 2024", keeps known gemeenten and reports the rest', () => {
    expect(t.regions.map((r) => r.code).sort()).toEqual(['GM0758', 'GM0796', 'GM0855', 'NL00'])
    expect(t.rowCount).toBe(40)
    expect(cell(t, 'GM0796', 'JongerenMetJeugdbescherming', '2024HJ01')?.value).toBe(1)
    expect(cell(t, 'GM0796', 'JeugdbeschEnJeugdhMetVerblInNat', '2024HJ01')?.value).toBe(39.6)
    expect(cell(t, 'NL00', 'JongerenMetJeugdhMetVerblInNat', '2024HJ01')?.value).toBe(8.3)
    expect(t.warnings.join(' ')).toMatch(/630 regel\(s\) van landsdelen/)
  })
  it('85099NED', () => {
    const t99 = load('85099NED_jeugdzorg_gemeenten_subset.csv')
    expect(t99.rowCount).toBe(90) // 120 rows minus the 30 of Almere (code unknown here)
    expect(cell(t99, 'NL00', 'JongerenMetJeugdzorg', '2021HJ01', 'jz-totaal-jeugdzorg')?.value).toBe(397725)
  })
})
