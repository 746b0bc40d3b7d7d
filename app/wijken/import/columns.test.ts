import { describe, expect, it } from 'vitest'
import { cellText, headerIssues, mapColumns } from './columns'
import { cbsTables } from './tables'

const jeugdzorg = cbsTables['85990NED']!
const kwb = cbsTables['85984NED']!

describe('mapColumns', () => {
  it('finds each part by key stem, whatever the suffix', () => {
    const columns = mapColumns(
      {
        columns: [
          'ID',
          'Wijken',
          'Vormen',
          'Perioden',
          'TotaalJongerenMetJeugdzorgInNatura_1',
          'Gemeentenaam_18',
          'Codering_20',
        ],
      },
      jeugdzorg,
    )
    expect(columns).toEqual({
      code: 'Codering_20',
      dimension: 'Wijken',
      period: 'Perioden',
      category: 'Vormen',
      gemeenteName: 'Gemeentenaam_18',
      measures: [['TotaalJongerenMetJeugdzorgInNatura_1', 'TotaalJongerenMetJeugdzorgInNatura']],
      unknown: [],
    })
  })

  it('reports columns that are neither figures nor known text, and tells repeated stems apart', () => {
    const columns = mapColumns({ columns: ['ID', 'Codering_3', 'Nederland_17', 'Nederland_20', 'NieuweKolom_99'] }, kwb)
    expect(columns.measures).toEqual([
      ['Nederland_17', 'Nederland'],
      ['Nederland_20', 'Nederland#2'],
    ])
    expect(columns.unknown).toEqual(['NieuweKolom_99'])
  })
})

describe('headerIssues', () => {
  it('wants a Perioden column unless the table has one period, and at least one known figure', () => {
    const none = mapColumns({ columns: ['ID', 'Codering_3'] }, jeugdzorg)
    expect(headerIssues(none, jeugdzorg).map((i) => [i.line, i.key])).toEqual([
      [1, 'import.issue.periodColumnMissing'],
      [1, 'import.issue.noKnownColumns'],
    ])
    const kwbFile = mapColumns({ columns: ['ID', 'Codering_3', 'AantalInwoners_5'] }, kwb)
    expect(headerIssues(kwbFile, kwb)).toEqual([])
  })
})

describe('cellText', () => {
  it('trims, and reads an empty cell or a missing column as empty', () => {
    const row = { line: 2, cells: { A: ' WK079601  ', B: null, C: 3 } }
    expect([cellText(row, 'A'), cellText(row, 'B'), cellText(row, 'C'), cellText(row, undefined)]).toEqual([
      'WK079601',
      '',
      '3',
      '',
    ])
  })
})
