import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseCbsCsv } from './csv'
import { bundledDataDir, bundledFiles, decodeCbsText } from './import.server'
import { parseCbsJson } from './odata'
import { containsBsn, passesElfproef, refusePersonLevel } from './person-level'
import { CbsImportError } from './types'

function refusal(run: () => unknown): CbsImportError {
  try {
    run()
  } catch (error) {
    if (error instanceof CbsImportError) return error
    throw error
  }
  throw new Error('not refused')
}
const csv = (...lines: string[]) => parseCbsCsv(lines.join('\n') + '\n').table
const refuseCsv = (...lines: string[]) => refusal(() => refusePersonLevel(csv(...lines), 'p.csv'))

describe('the elfproef', () => {
  it('passes BSN-like numbers and nothing else', () => {
    expect(passesElfproef('123456782')).toBe(true)
    expect(passesElfproef('111222333')).toBe(true)
    expect(passesElfproef('123456789')).toBe(false)
    expect(passesElfproef('000000000')).toBe(false)
    expect(containsBsn('Jan Jansen BSN 123456782')).toBe(true)
    expect(containsBsn('1234.56.782')).toBe(true)
    expect(containsBsn('17942942')).toBe(false)
    expect(containsBsn(123456782)).toBe(true)
  })
})

describe('refusePersonLevel', () => {
  it('refuses person columns by their words, whatever else the name says', () => {
    const error = refuseCsv('ID;Naam ouder;BSN kind;Geboortedatum kind;Codering_3', '1;x;y;z;WK079601')
    expect(error.kind).toBe('person-level')
    expect(error.message).toMatch(/kolom Naam ouder, BSN kind, Geboortedatum kind/)
    expect(refuseCsv('ID;GeboortedatumKind_2;Codering_3', '1;x;WK079601').message).toMatch(/GeboortedatumKind_2/)
  })

  it('refuses a region name holding a BSN-like number, naming line and column', () => {
    const error = refuseCsv('ID;WijkenEnBuurten;Codering_3;AantalInwoners_5', '1;Jan Jansen BSN 123456782;WK079601;1')
    expect(error.issues[0]).toMatchObject({ key: 'import.issue.personLevel.bsn', line: 2, column: 'WijkenEnBuurten' })
  })

  it('refuses dates (of birth) in any cell', () => {
    const error = refuseCsv('ID;Codering_3;Datum_4;AantalInwoners_5', '1;WK079601;2015-03-01;1')
    expect(error.issues[0]).toMatchObject({ key: 'import.issue.personLevel.date', line: 2, column: 'Datum_4' })
    expect(refuseCsv('ID;Codering_3;Dag;AantalInwoners_5', '1;WK079601;01-03-2015;1').issues[0]?.column).toBe('Dag')
  })

  it('refuses a row per person: three or more rows for one region and period', () => {
    const error = refuseCsv(
      'ID;Codering_3;Leeftijd_4;AantalInwoners_5',
      '1;WK079601;7;1',
      '2;WK079601;9;1',
      '3;WK079601;12;1',
    )
    expect(error.issues[0]).toMatchObject({
      key: 'import.issue.personLevel.rowsPerRegion',
      vars: { region: 'WK079601', rows: 3, line: 2 },
      line: 2,
    })
  })

  it('refuses a column of identifiers and a column of names that no CBS table has', () => {
    const ids = refuseCsv('ID;Codering_3;Kenmerk;AantalInwoners_5', '1;WK079601;C-1000234;1', '2;WK079602;C-1000235;1')
    expect(ids.issues[0]).toMatchObject({ key: 'import.issue.personLevel.identifiers', column: 'Kenmerk', line: 2 })
    const names = refuseCsv(
      'ID;Codering_3;Wie;AantalInwoners_5',
      '1;WK079601;Jan Jansen;1',
      '2;WK079602;Fatima el Amrani;1',
    )
    expect(names.issues[0]).toMatchObject({ key: 'import.issue.personLevel.names', column: 'Wie', line: 2 })
    expect(names.message).toMatch(/namen in kolom Wie, vanaf regel 2/)
  })

  it('lets every bundled CBS file through, OData row numbers and 9-digit figures included', () => {
    for (const file of bundledFiles) {
      const text = fs.readFileSync(path.join(bundledDataDir, file), 'utf8')
      const { table } = file.endsWith('.json') ? parseCbsJson(text) : parseCbsCsv(text)
      expect(() => refusePersonLevel(table, file), file).not.toThrow()
    }
  })
})

describe('decodeCbsText', () => {
  it('refuses invalid UTF-8, naming the line', () => {
    const bytes = Buffer.concat([
      Buffer.from('ID;Codering_3\n0;GM0796\n1;'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('\n'),
    ])
    const error = refusal(() => decodeCbsText(bytes, 'kapot.csv'))
    expect(error.issues[0]).toMatchObject({ key: 'import.issue.invalidUtf8', line: 3 })
    expect(error.message).toBe(
      'kapot.csv, regel 3: Regel 3 is geen geldige UTF-8-tekst. Sla het bestand op als UTF-8 en probeer het opnieuw.',
    )
    expect(decodeCbsText(Buffer.from('\uFEFFID;Wijk\n0;Ĳsselmonde\n'), 'goed.csv')).toContain('Ĳsselmonde')
  })
})
