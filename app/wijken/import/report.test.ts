import { describe, expect, it } from 'vitest'
import { importWarnings, periodSummary } from './report'
import { issueText } from './types'

describe('importWarnings', () => {
  it('says nothing when nothing was left out', () => {
    expect(importWarnings({ unknownColumns: [], national: 0, aggregates: 0, unresolved: new Set() })).toEqual([])
  })

  it('counts what was left out, with up to five unknown gemeente names', () => {
    const warnings = importWarnings({
      unknownColumns: ['X_1', 'Y_2'],
      national: 3,
      aggregates: 630,
      unresolved: new Set(['A', 'B', 'C', 'D', 'E', 'F']),
    })
    expect(warnings.map((w) => w.message)).toEqual([
      '2 onbekende kolom(men) niet ingelezen: X_1, Y_2.',
      '3 landelijke regel(s) overgeslagen die niet met Nederland (NL00) te vergelijken zijn (bijv. "Totaal" inclusief buitenland).',
      "630 regel(s) van landsdelen, provincies, jeugdzorgregio's of grootteklassen overgeslagen.",
      '6 gemeente(n) overgeslagen omdat hun gemeentecode nog niet bekend is (bijv. A, B, C, D, E). Lees eerst een tabel met regiocodes in.',
    ])
    expect(issueText(warnings[3]!, 'en')).toBe(
      '6 municipality(ies) skipped because their municipality code is not known yet (e.g. A, B, C, D, E). Import a table with region codes first.',
    )
  })
})

describe('periodSummary', () => {
  it('sorts the periods and adds up their rows', () => {
    expect(periodSummary({ '2024MM06': 2, '2024MM03': 5 })).toEqual({ periods: ['2024MM03', '2024MM06'], rowCount: 7 })
  })
})
