import { describe, expect, it } from 'vitest'
import { markNotPublished, readCbsNumber, rowCells, type NormalizedCell } from './cells'

const key = { regionCode: 'WK079601', period: '2024HJ01', category: '' }
const measures: Array<[string, string]> = [
  ['A_1', 'A'],
  ['B_2', 'B'],
]

describe('readCbsNumber', () => {
  it('gives a problem as a key, never a number', () => {
    expect(readCbsNumber('veel')).toEqual({ problem: { key: 'import.issue.notANumber', vars: { value: 'veel' } } })
    expect(readCbsNumber(true)).toEqual({ problem: { key: 'import.issue.notANumber', vars: { value: 'true' } } })
    expect(readCbsNumber(Infinity)).toEqual({ problem: { key: 'import.issue.notFinite' } })
    expect(readCbsNumber('x')).toEqual({ value: null, missing: true })
  })
})

describe('rowCells', () => {
  it('makes one cell per figure column, missing values marked as suppressed', () => {
    expect(rowCells({ line: 2, cells: { A_1: '95.0', B_2: '.' } }, measures, key)).toEqual({
      cells: [
        { column: 'A', sourceColumn: 'A_1', ...key, value: 95, missingReason: null },
        { column: 'B', sourceColumn: 'B_2', ...key, value: null, missingReason: 'suppressed-by-cbs' },
      ],
    })
  })

  it('gives every bad value of a row as an issue, and then no cells', () => {
    const out = rowCells({ line: 7, cells: { A_1: 'veel', B_2: 'abc' } }, measures, key)
    expect(out).toEqual({
      issues: [
        expect.objectContaining({ line: 7, column: 'A_1', message: '"veel" is geen getal.' }),
        expect.objectContaining({ line: 7, column: 'B_2', message: '"abc" is geen getal.' }),
      ],
    })
  })
})

describe('markNotPublished', () => {
  const cell = (column: string, period: string, value: number | null): NormalizedCell => ({
    column,
    sourceColumn: column,
    category: '',
    regionCode: 'WK079601',
    period,
    value,
    missingReason: value === null ? 'suppressed-by-cbs' : null,
  })

  it('marks a column empty in every row of a period as not published, per period', () => {
    const cells = [cell('A', 'p1', null), cell('A', 'p1', null), cell('A', 'p2', 3), cell('A', 'p2', null)]
    markNotPublished(cells)
    expect(cells.map((c) => c.missingReason)).toEqual(['not-published', 'not-published', null, 'suppressed-by-cbs'])
  })
})
