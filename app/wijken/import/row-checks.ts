import { parsePeriod } from '~/wijken/periods'
import { NATIONAL_CODE, regionLevel } from '~/wijken/regions'
import { cellText, type ColumnRoles } from './columns'
import type { CbsTableSpec } from './tables'
import { importIssue, type ImportIssue, type RawRow } from './types'

/** What a row's region columns come to. */
export type RowRegion =
  /** `title` is the dimension's text, kept for the region's name. */
  | { code: string; title: string }
  /** A row that is left out on purpose, and counted for the warnings. */
  | { skip: 'aggregate' | 'national' }
  | { skip: 'unresolved'; name: string }
  | { issue: ImportIssue }

/** 85098NED aggregates: landsdeel, provincie, jeugdzorgregio, size classes. Not gemeenten. */
export const isAggregateName = (name: string) =>
  /\((LD|PV|JZ|CR|COROP|RES|GGD)\)$/i.test(name) || /inwoners$/i.test(name)

/**
 * The row's region code: from `Codering`, else a code in the dimension column, else (name-only
 * tables) the gemeente the name resolves to. National codes are mapped to NL00 as the table's spec
 * says; the national rows it marks as incomparable are skipped.
 */
export function rowRegion(
  row: RawRow,
  columns: ColumnRoles,
  table: CbsTableSpec,
  resolveGemeente?: (name: string) => string | null,
): RowRegion {
  const at = { line: row.line, column: columns.code ?? columns.dimension }
  let code = cellText(row, columns.code).toUpperCase()
  const title = cellText(row, columns.dimension)
  if (!code && regionLevel(title.toUpperCase())) code = title.toUpperCase()
  if (!code && table.regionsByName && title) {
    const name = title.replace(/\s*\(gemeente\)$/i, '')
    if (name === 'Nederland') code = NATIONAL_CODE
    else if (isAggregateName(title)) return { skip: 'aggregate' }
    else {
      code = resolveGemeente?.(name) ?? ''
      if (!code) return { skip: 'unresolved', name }
    }
  }
  if (!code) return { issue: importIssue('import.issue.noRegionCode', undefined, at) }
  if (!regionLevel(code)) return { issue: importIssue('import.issue.badRegionCode', { code }, at) }
  if (code.startsWith('NL') && !table.regionsByName) {
    const mapped = table.national[code]
    if (mapped === undefined)
      return {
        issue: importIssue(
          'import.issue.unexpectedNationalCode',
          { code, table: table.id },
          { line: row.line, column: columns.code },
        ),
      }
    if (mapped === null) return { skip: 'national' }
    code = mapped
  }
  return { code, title }
}

/** The row's period key (`2024HJ01`); a table without a Perioden column has one period. */
export function rowPeriod(
  row: RawRow,
  columns: ColumnRoles,
  table: CbsTableSpec,
): { period: string; periodText: string } | { issue: ImportIssue } {
  if (!columns.period) return { period: table.defaultPeriod!, periodText: '' }
  const periodText = cellText(row, columns.period)
  const period = parsePeriod(periodText)
  if (!period)
    return {
      issue: importIssue(
        'import.issue.unknownPeriod',
        { period: periodText },
        { line: row.line, column: columns.period },
      ),
    }
  return { period, periodText }
}

/** `Totaal jeugdhulp in natura` → `totaal-jeugdhulp-in-natura`; '' for a table without categories. */
export function rowCategory(row: RawRow, columns: ColumnRoles): string {
  return cellText(row, columns.category)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

/**
 * Remembers which line held each (region, period, category): a second line for the same one is
 * an issue naming the first. Returns null for a row seen for the first time.
 */
export function duplicateRows() {
  const seen = new Map<string, number>()
  return (line: number, key: { code: string; period: string; periodText: string; category: string }) => {
    const rowKey = `${key.code}|${key.period}|${key.category}`
    const earlier = seen.get(rowKey)
    if (earlier !== undefined)
      return importIssue(
        'import.issue.duplicateRow',
        { code: key.code, period: key.periodText || key.period, earlier },
        { line },
      )
    seen.set(rowKey, line)
    return null
  }
}
