import { describe, expect, it } from 'vitest'
import { mapColumns } from './columns'
import { duplicateRows, isAggregateName, rowCategory, rowPeriod, rowRegion } from './row-checks'
import { cbsTables } from './tables'
import type { RawRow } from './types'

const jeugdzorg = cbsTables['85990NED']!
const uitkeringen = cbsTables['86003NED']!
const byName = cbsTables['85098NED']!
const kwb = cbsTables['85984NED']!
const withCodes = mapColumns({ columns: ['Wijken', 'Vormen', 'Perioden', 'Codering_20'] }, jeugdzorg)
const row = (cells: RawRow['cells'], line = 2): RawRow => ({ line, cells })

describe('rowRegion', () => {
  it('takes Codering, upper-cased and trimmed, with the title for the name', () => {
    expect(rowRegion(row({ Codering_20: 'wk079601  ', Wijken: 'Binnenstad' }), withCodes, jeugdzorg)).toEqual({
      code: 'WK079601',
      title: 'Binnenstad',
    })
  })

  it('takes a code written in the dimension column', () => {
    const columns = mapColumns({ columns: ['WijkenEnBuurten', 'AantalInwoners_5'] }, kwb)
    expect(rowRegion(row({ WijkenEnBuurten: 'GM0796' }), columns, kwb)).toMatchObject({ code: 'GM0796' })
  })

  it('refuses a row without a code, or with a code CBS does not use', () => {
    expect(rowRegion(row({ Codering_20: '' }), withCodes, jeugdzorg)).toEqual({
      issue: expect.objectContaining({ line: 2, column: 'Codering_20', key: 'import.issue.noRegionCode' }),
    })
    expect(rowRegion(row({ Codering_20: 'WK0796' }), withCodes, jeugdzorg)).toEqual({
      issue: expect.objectContaining({ key: 'import.issue.badRegionCode', vars: { code: 'WK0796' } }),
    })
  })

  it('maps the national code as the table says, skips the incomparable one and refuses others', () => {
    const columns = mapColumns({ columns: ['Codering_3'] }, uitkeringen)
    expect(rowRegion(row({ Codering_3: 'NL01' }), columns, uitkeringen)).toMatchObject({ code: 'NL00' })
    expect(rowRegion(row({ Codering_3: 'NL00' }), columns, uitkeringen)).toEqual({ skip: 'national' })
    expect(rowRegion(row({ Codering_20: 'NL00' }), withCodes, jeugdzorg)).toEqual({
      issue: expect.objectContaining({
        key: 'import.issue.unexpectedNationalCode',
        vars: { code: 'NL00', table: '85990NED' },
      }),
    })
  })

  it('resolves gemeente names in a name-only table, skipping aggregates and unknown names', () => {
    const columns = mapColumns({ columns: ['RegioS', 'Perioden'] }, byName)
    const resolve = (name: string) => (name === 'Breda' ? 'GM0758' : null)
    const region = (title: string) => rowRegion(row({ RegioS: title }), columns, byName, resolve)
    expect(region('Breda (gemeente)')).toEqual({ code: 'GM0758', title: 'Breda (gemeente)' })
    expect(region('Nederland')).toMatchObject({ code: 'NL00' })
    expect(region('Noord-Brabant (PV)')).toEqual({ skip: 'aggregate' })
    expect(region('Almere')).toEqual({ skip: 'unresolved', name: 'Almere' })
  })

  it('knows the aggregate names of 85098NED', () => {
    expect(
      ['Zuid-Nederland (LD)', 'Jeugdzorgregio Noord (JZ)', '100 000 tot 150 000 inwoners'].every(isAggregateName),
    ).toBe(true)
    expect(isAggregateName("'s-Hertogenbosch")).toBe(false)
  })
})

describe('rowPeriod and rowCategory', () => {
  it('reads the period, or takes the one period of a table without Perioden', () => {
    expect(rowPeriod(row({ Perioden: '1e halfjaar 2024' }), withCodes, jeugdzorg)).toEqual({
      period: '2024HJ01',
      periodText: '1e halfjaar 2024',
    })
    const kwbColumns = mapColumns({ columns: ['Codering_3'] }, kwb)
    expect(rowPeriod(row({}), kwbColumns, kwb)).toEqual({ period: '2024JJ00', periodText: '' })
    expect(rowPeriod(row({ Perioden: 'volgend jaar' }), withCodes, jeugdzorg)).toEqual({
      issue: expect.objectContaining({ column: 'Perioden', vars: { period: 'volgend jaar' } }),
    })
  })

  it('turns the category into a slug', () => {
    expect(rowCategory(row({ Vormen: ' Totaal jeugdhulp in natura ' }), withCodes)).toBe('totaal-jeugdhulp-in-natura')
    expect(rowCategory(row({}), mapColumns({ columns: ['Codering_3'] }, kwb))).toBe('')
  })
})

describe('duplicateRows', () => {
  it('names the first line of a region, period and category met twice', () => {
    const duplicateOf = duplicateRows()
    const key = { code: 'WK079601', period: '2024HJ01', periodText: '1e halfjaar 2024', category: 'a' }
    expect(duplicateOf(2, key)).toBeNull()
    expect(duplicateOf(3, { ...key, category: 'b' })).toBeNull()
    expect(duplicateOf(4, key)).toMatchObject({
      line: 4,
      message: 'Dubbele regel: WK079601, 1e halfjaar 2024 staat ook op regel 2.',
    })
  })
})
