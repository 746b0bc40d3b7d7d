import {
  canonicalColumns,
  categoryStems,
  keyStem,
  referenceKeysFor,
  regionDimensionStems,
  type CbsTableSpec,
} from './tables'
import { importIssue, type ImportIssue, type RawCell, type RawRow, type RawTable } from './types'

/** Which column of a file plays which part; a part the file lacks is undefined. */
export interface ColumnRoles {
  /** `Codering`: the region code. */
  code?: string
  /** `WijkenEnBuurten`, `Wijken` or `RegioS`: a region code or title (name-only tables: a name). */
  dimension?: string
  period?: string
  category?: string
  gemeenteName?: string
  /** Each figure the table's spec knows: the file's column and its stored (canonical) stem. */
  measures: Array<[column: string, stem: string]>
  /** Columns that are neither figures nor known text: reported, not imported. */
  unknown: string[]
}

/** Maps the file's columns to their parts for `table`, by key stem (the suffix varies per edition). */
export function mapColumns(raw: Pick<RawTable, 'columns' | 'dataPropertyKeys'>, table: CbsTableSpec): ColumnRoles {
  const canonical = canonicalColumns(raw.columns, raw.dataPropertyKeys ?? referenceKeysFor(table.id))
  const byStem = (stems: readonly string[]) => raw.columns.find((c) => stems.includes(keyStem(c)))
  const measures: ColumnRoles['measures'] = []
  const unknown: string[] = []
  for (const column of raw.columns) {
    const stem = canonical.get(column)!
    if (table.measures.includes(stem)) measures.push([column, stem])
    else if (!table.text.includes(keyStem(column)) && !categoryStems.includes(keyStem(column))) unknown.push(column)
  }
  return {
    code: byStem(['Codering']),
    dimension: byStem(regionDimensionStems),
    period: byStem(['Perioden']),
    category: byStem(categoryStems),
    gemeenteName: byStem(['Gemeentenaam']),
    measures,
    unknown,
  }
}

/** What is wrong with the file as a whole, whatever its rows say (reported on the header, line 1). */
export function headerIssues(columns: ColumnRoles, table: CbsTableSpec): ImportIssue[] {
  const issues: ImportIssue[] = []
  if (!columns.period && !table.defaultPeriod)
    issues.push(importIssue('import.issue.periodColumnMissing', undefined, { line: 1 }))
  if (columns.measures.length === 0)
    issues.push(importIssue('import.issue.noKnownColumns', { table: table.id }, { line: 1 }))
  return issues
}

const text = (raw: RawCell | undefined) => (raw === null || raw === undefined ? '' : String(raw).trim())

/** A row's cell in `column` as trimmed text; '' for an empty cell or a column the file lacks. */
export const cellText = (row: RawRow, column: string | undefined) => (column ? text(row.cells[column]) : '')
