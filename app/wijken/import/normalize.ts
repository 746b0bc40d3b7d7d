import { markNotPublished, rowCells, type NormalizedCell } from './cells'
import { cellText, headerIssues, mapColumns } from './columns'
import { refusePersonLevel } from './person-level'
import { keepRegion, regionNameIssue, regionRecord, type NormalizedRegion } from './region-records'
import { importWarnings, periodSummary } from './report'
import { duplicateRows, rowCategory, rowPeriod, rowRegion } from './row-checks'
import { recogniseTable } from './table-recognition'
import type { CbsTableSpec } from './tables'
import { asWritten, CbsImportError, type ImportIssue, type RawTable } from './types'

export { parseCbsNumber, readCbsNumber, type MissingReason, type NormalizedCell } from './cells'
export type { NormalizedRegion } from './region-records'

export interface NormalizedTable {
  /** The catalogue table's spec; for an own table (app/wijken/own) its id and name. */
  table: Pick<CbsTableSpec, 'id' | 'title'>
  periods: string[]
  /** Imported data rows per period. */
  rowsPerPeriod: Record<string, number>
  rowCount: number
  cells: NormalizedCell[]
  regions: NormalizedRegion[]
  unknownColumns: string[]
  /** What was skipped or left out, as issues to translate where they are shown. */
  warningIssues: ImportIssue[]
  /** The same in Dutch, as the CLI prints them. */
  warnings: string[]
}

export interface NormalizeOptions {
  fileName: string
  /** Chooses between editions the content fits equally (never a table whose columns the file lacks). */
  tableId?: string
  /** For tables with region names only (85098NED): gemeente name → GM code. */
  resolveGemeente?: (name: string) => string | null
  /** The CBS name of a region where one is known (database, bundled boundaries): a file must agree. */
  knownRegionName?: (code: string) => string | null
}

const MAX_ISSUES = 25

/**
 * Turns a parsed file into CBS cells: one per (column, category, region, period). Pure; throws a
 * CbsImportError listing every problem (up to 25) when any row is wrong, so nothing is imported.
 * The steps live beside it: column mapping (columns.ts), per-row checks (row-checks.ts), values
 * (cells.ts), region names (region-records.ts) and the warnings (report.ts).
 */
export function normalizeCbsTable(raw: RawTable, options: NormalizeOptions): NormalizedTable & { table: CbsTableSpec } {
  try {
    const table = normalizeKeyed(raw, options)
    if (raw.headers)
      for (const cell of table.cells) cell.sourceColumn = raw.headers[cell.sourceColumn] ?? cell.sourceColumn
    return table
  } catch (error) {
    // A StatLine download's columns are named as the file writes them, not by the keys they were given.
    if (!(error instanceof CbsImportError) || !raw.headers) throw error
    throw new CbsImportError(
      error.file,
      error.issues.map((issue) => asWritten(issue, raw.headers)),
      error.kind,
    )
  }
}

function normalizeKeyed(raw: RawTable, options: NormalizeOptions): NormalizedTable & { table: CbsTableSpec } {
  const file = options.fileName
  refusePersonLevel(raw, file)
  const table = recogniseTable(raw, file, { option: options.tableId, metadata: raw.metadata, fileName: file })

  const columns = mapColumns(raw, table)
  const issues: ImportIssue[] = []
  const add = (...more: ImportIssue[]) => {
    for (const issue of more) if (issues.length < MAX_ISSUES) issues.push(issue)
  }
  add(...headerIssues(columns, table))

  const cells: NormalizedCell[] = []
  const regions = new Map<string, NormalizedRegion>()
  const rowsPerPeriod: Record<string, number> = {}
  const duplicateOf = duplicateRows()
  const skipped = { national: 0, aggregates: 0, unresolved: new Set<string>() }

  for (const row of raw.rows) {
    const region = rowRegion(row, columns, table, options.resolveGemeente)
    if ('issue' in region) add(region.issue)
    if ('skip' in region) {
      if (region.skip === 'unresolved') skipped.unresolved.add(region.name)
      else if (region.skip === 'national') skipped.national++
      else skipped.aggregates++
    }
    if (!('code' in region)) continue

    const when = rowPeriod(row, columns, table)
    if ('issue' in when) {
      add(when.issue)
      continue
    }
    const category = rowCategory(row, columns)
    const duplicate = duplicateOf(row.line, { code: region.code, ...when, category })
    if (duplicate) {
      add(duplicate)
      continue
    }

    const values = rowCells(row, columns.measures, { regionCode: region.code, period: when.period, category })
    if ('issues' in values) {
      add(...values.issues)
      continue
    }
    cells.push(...values.cells)
    rowsPerPeriod[when.period] = (rowsPerPeriod[when.period] ?? 0) + 1
    const record = regionRecord(region.code, region.title, cellText(row, columns.gemeenteName))
    const misnamed = regionNameIssue(record, options.knownRegionName, {
      line: row.line,
      column: columns.dimension ?? columns.gemeenteName,
    })
    if (misnamed) {
      add(misnamed)
      continue
    }
    keepRegion(regions, record)
  }

  if (issues.length > 0) throw new CbsImportError(file, issues)

  markNotPublished(cells)
  const unknownColumns = columns.unknown.map((c) => raw.headers?.[c] ?? c)
  const warningIssues = importWarnings({ unknownColumns, ...skipped })
  return {
    table,
    ...periodSummary(rowsPerPeriod),
    rowsPerPeriod,
    cells,
    regions: [...regions.values()],
    unknownColumns,
    warningIssues,
    warnings: warningIssues.map((w) => w.message),
  }
}
