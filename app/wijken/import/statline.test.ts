import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseCbsCsv } from './csv'
import { bundledDataDir } from './import.server'
import { normalizeCbsTable, type NormalizedTable } from './normalize'
import { statlineDownload } from './statline-download.test-support'
import { CbsImportError } from './types'

const read = (file: string) => fs.readFileSync(path.join(bundledDataDir, file), 'utf8')
const knownGemeenten: Record<string, string> = { "'s-Hertogenbosch": 'GM0796', Breda: 'GM0758', Tilburg: 'GM0855' }
const resolveGemeente = (name: string) => knownGemeenten[name] ?? null

function normalize(text: string, fileName: string): NormalizedTable {
  const { table, issues } = parseCbsCsv(text)
  expect(issues).toEqual([])
  return normalizeCbsTable(table, { fileName, resolveGemeente })
}

function refusal(text: string, fileName = 'download.csv'): CbsImportError {
  const { table, issues } = parseCbsCsv(text)
  if (issues.length) return new CbsImportError(fileName, issues)
  try {
    normalizeCbsTable(table, { fileName, resolveGemeente })
  } catch (error) {
    if (error instanceof CbsImportError) return error
    throw error
  }
  throw new Error('expected a refusal')
}

/** What a file gives readers: every cell but the header it came from. */
const content = (t: NormalizedTable) => ({
  table: t.table.id,
  periods: t.periods,
  rowsPerPeriod: t.rowsPerPeriod,
  regions: t.regions,
  cells: t.cells.map(({ sourceColumn: _, ...cell }) => cell),
})

const catalogueFiles = [
  '85984NED_kwb2024_nl_gm0796_gm0758.csv',
  '85990NED_jeugdzorg_wijken_2024h1_subset.csv',
  '85685NED_jeugdzorg_wijken_2023_subset.csv',
  '86003NED_uitkeringen_wijken_buurten_2024_subset.csv',
  '85098NED_jeugdzorg_indicatoren_gemeenten.csv',
  '85099NED_jeugdzorg_gemeenten_subset.csv',
]

describe('a StatLine download of a catalogue table', () => {
  it.each(catalogueFiles)('%s imports exactly as the TypedDataSet file does', (file) => {
    const typed = normalize(read(file), file)
    const download = statlineDownload(read(file), { provisional: true })
    // quoted, titled, padded: the shape the download button gives
    expect(download.split('\r\n')[1]).toMatch(/^"[^"]*";"/)
    const statline = normalize(download, 'Kerncijfers_download.csv')
    expect(content(statline)).toEqual(content(typed))
    expect(statline.rowCount).toBe(typed.rowCount)
    expect(statline.warnings).toEqual(typed.warnings.filter((w) => !w.includes('ID')))
  })

  it('recognises the table from its titles, and keeps each header as written as the source', () => {
    const file = '85984NED_kwb2024_nl_gm0796_gm0758.csv'
    const t = normalize(statlineDownload(read(file)), 'export_2026.csv')
    expect(t.table.id).toBe('85984NED')
    const inwoners = t.cells.find((c) => c.regionCode === 'WK079601' && c.column === 'AantalInwoners')!
    expect(inwoners).toMatchObject({ value: 13895, sourceColumn: 'Aantal inwoners (aantal)' })
    // the second "Nederland (aantal)" is the second Nederland column, as in DataProperties
    const born = t.cells.find((c) => c.regionCode === 'GM0796' && c.column === 'Nederland#2')
    expect(born?.sourceColumn).toBe('Nederland (aantal)')
  })

  it('reads the periods StatLine marks provisional as the same periods', () => {
    const file = '85990NED_jeugdzorg_wijken_2024h1_subset.csv'
    const download = statlineDownload(read(file), { provisional: true })
    expect(download).toContain('"1e halfjaar 2024*"')
    expect(normalize(download, 'jeugdzorg.csv').periods).toEqual(['2024HJ01'])
  })

  it('never reads "." or "x" as 0: they are secret or missing', () => {
    const file = '86003NED_uitkeringen_wijken_buurten_2024_subset.csv'
    const text = read(file)
    const line = text.split('\n').findIndex((l) => l.includes('WK075801'))
    const download = statlineDownload(text, { secret: [[line - 1, 'Bijstandsuitkering_6']] })
    const t = normalize(download, 'uitkeringen.csv')
    const bijstand = t.cells.filter((c) => c.regionCode === 'WK075801' && c.column === 'Bijstandsuitkering')
    expect(bijstand.find((c) => c.period === '2024MM03')).toMatchObject({
      value: null,
      missingReason: 'suppressed-by-cbs',
    })
    // every other cell the typed file left empty is "." here, and none of them is 0
    const typed = normalize(text, file)
    const nulls = (x: NormalizedTable) => x.cells.filter((c) => c.value === null).length
    expect(nulls(t)).toBe(nulls(typed) + 1)
    expect(t.cells.filter((c) => c.value === 0).length).toBe(typed.cells.filter((c) => c.value === 0).length)
  })
})

describe('bad StatLine-shaped files: refused whole, naming file, line and column', () => {
  const header =
    '"Wijken";"Perioden";"Regiocode (gemeente, wijk, buurt) (code)";"Totaal jongeren met jeugdzorg in natura (aantal)"'

  it('broken quoting', () => {
    const error = refusal([header, '"Binnenstad";"2023";"WK079601";"1"2"', ''].join('\n'), 'kapot.csv')
    expect(error.issues[0]).toMatchObject({ line: 2, key: 'import.issue.csv.badQuote' })
    expect(error.message).toMatch(/^kapot\.csv, regel 2.*aanhalingstekens/)
  })

  it('a quote that is never closed', () => {
    const error = refusal([header, '"Noord";"2023";"WK079609";"5"', '"Binnenstad";"2023";"WK079601";"12'].join('\n'))
    expect(error.issues[0]).toMatchObject({ line: 3, key: 'import.issue.csv.quoteNotClosed' })
  })

  it('a text in a figure column names the column as the file writes it', () => {
    const error = refusal(
      [
        '"Vormen van jeugdzorg";"Wijken";"Perioden";"Regiocode (gemeente, wijk, buurt) (code)";"Totaal jongeren met jeugdzorg in natura (aantal)"',
        '"Totaal alle jeugdzorg in natura";"Binnenstad";"2023";"WK079601  ";"veel"',
        '',
      ].join('\n'),
    )
    expect(error.issues).toEqual([
      expect.objectContaining({
        line: 2,
        column: 'Totaal jongeren met jeugdzorg in natura (aantal)',
        message: '"veel" is geen getal.',
      }),
    ])
  })

  it('a names-only file: no region codes, said so, never called person data', () => {
    const error = refusal(
      [
        '"Vormen van jeugdzorg";"Wijken";"Perioden";"Totaal jongeren met jeugdzorg in natura (aantal)"',
        '"Totaal alle jeugdzorg in natura";"Binnenstad";"2023";"495"',
        '"Totaal alle jeugdzorg in natura";"Noord";"2023";"1040"',
        '',
      ].join('\n'),
    )
    expect(error.kind).toBe('invalid')
    expect(error.issues[0]).toMatchObject({ line: 2, column: 'Wijken', message: 'Deze regel heeft geen regiocode.' })
    expect(error.message).not.toMatch(/personen/)
  })

  it('a person-level file', () => {
    const error = refusal(
      [
        '"Naam (tekst)";"Geboortedatum (datum)";"Regiocode (gemeente, wijk, buurt) (code)"',
        '"Jan Jansen";"2001-01-01";"WK079601"',
        '',
      ].join('\n'),
    )
    expect(error.kind).toBe('person-level')
  })
})
