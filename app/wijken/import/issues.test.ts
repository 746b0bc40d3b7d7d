import { describe, expect, it } from 'vitest'
import { parseCbsCsv } from './csv'
import { normalizeCbsTable } from './normalize'
import { parseCbsJson } from './odata'
import { refusePersonLevel } from './person-level'
import { CbsImportError, formatIssue, importIssue, issueText } from './types'

function refusal(run: () => unknown): CbsImportError {
  try {
    run()
  } catch (error) {
    if (error instanceof CbsImportError) return error
    throw error
  }
  throw new Error('not refused')
}

describe('import issues', () => {
  it('are a key with variables, carrying their Dutch text', () => {
    expect(importIssue('import.issue.notANumber', { value: 'veel' }, { line: 3, column: 'A_1' })).toEqual({
      line: 3,
      column: 'A_1',
      key: 'import.issue.notANumber',
      vars: { value: 'veel' },
      message: '"veel" is geen getal.',
    })
  })

  it('are shown in the reader’s language, with their place in the file', () => {
    const issue = importIssue('import.issue.unknownPeriod', { period: 'volgend jaar' }, { line: 3, column: 'Perioden' })
    expect(issueText(issue, 'en')).toBe('"volgend jaar" is not a known CBS period.')
    expect(formatIssue('x.csv', issue, 'en')).toBe(
      'x.csv, line 3, column Perioden: "volgend jaar" is not a known CBS period.',
    )
    expect(formatIssue('x.csv', issue, 'nl')).toBe(
      'x.csv, regel 3, kolom Perioden: "volgend jaar" is geen bekende CBS-periode.',
    )
  })

  it('of the CSV reader are translated too', () => {
    const [issue] = parseCbsCsv('ID;A_1\n1\n').issues
    expect(issue).toMatchObject({ line: 2, key: 'import.issue.csv.fieldCount' })
    expect(issueText(issue!, 'nl')).toBe('Deze regel heeft 1 velden, de kopregel 2.')
    expect(issueText(issue!, 'en')).toBe('This line has 1 fields, the header line 2.')
  })

  it('come from every step: JSON reader, person-level refusal, normaliser', () => {
    expect(issueText(parseCbsJson('{').issues[0]!, 'en')).toMatch(/^This is not valid JSON \(.+\)\.$/)
    const person = refusal(() =>
      refusePersonLevel({ format: 'csv', columns: ['ID', 'BSN', 'Codering_3'], rows: [] }, 'p.csv'),
    )
    expect(issueText(person.issues[0]!, 'en')).toMatch(
      /^This file seems to contain data about individual people \(column BSN\)/,
    )
    expect(person.message).toMatch(/^p\.csv: Dit bestand lijkt gegevens over personen te bevatten \(kolom BSN\)/)
    const unknown = refusal(() =>
      normalizeCbsTable(
        { format: 'csv', columns: ['ID', 'Codering_3', 'Onbekend_1'], rows: [] },
        { fileName: 'iets.csv' },
      ),
    )
    expect(unknown.kind).toBe('unknown-table')
    expect(issueText(unknown.issues[0]!, 'en')).toMatch(/^Unknown CBS table\./)
  })

  it('include the warnings of a file that was read', () => {
    const { table } = parseCbsCsv(
      'ID;WijkenEnBuurten;Codering_3;AantalInwoners_5;NieuweKolom_99\n1;Binnenstad;WK079601;13895;3\n',
    )
    const out = normalizeCbsTable(table, { fileName: '85984NED_x.csv' })
    expect(out.warnings).toEqual(['1 onbekende kolom(men) niet ingelezen: NieuweKolom_99.'])
    expect(out.warningIssues.map((w) => issueText(w, 'en'))).toEqual([
      '1 unknown column(s) not imported: NieuweKolom_99.',
    ])
  })

  it('keep the JSON report Dutch and plain', () => {
    const error = new CbsImportError('x.csv', [importIssue('import.issue.noRegionCode', undefined, { line: 2 })])
    expect(error.report).toEqual({
      file: 'x.csv',
      kind: 'invalid',
      errors: [{ line: 2, message: 'Deze regel heeft geen regiocode.' }],
    })
  })
})
