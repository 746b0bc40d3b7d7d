import { importIssue, type ImportIssue } from './types'

/** What the rows left out, counted while normalising. */
export interface Skipped {
  unknownColumns: string[]
  national: number
  aggregates: number
  /** Gemeente names without a known code, in the order first met. */
  unresolved: ReadonlySet<string>
}

/** The warnings of a file that was read: what was not imported, and why. */
export function importWarnings(skipped: Skipped): ImportIssue[] {
  const warnings: ImportIssue[] = []
  const { unknownColumns, national, aggregates, unresolved } = skipped
  if (unknownColumns.length)
    warnings.push(
      importIssue('import.warning.unknownColumns', {
        count: unknownColumns.length,
        columns: unknownColumns.join(', '),
      }),
    )
  if (national) warnings.push(importIssue('import.warning.skippedNational', { count: national }))
  if (aggregates) warnings.push(importIssue('import.warning.skippedAggregates', { count: aggregates }))
  if (unresolved.size) {
    const sample = [...unresolved].slice(0, 5).join(', ')
    warnings.push(importIssue('import.warning.unresolvedGemeenten', { count: unresolved.size, sample }))
  }
  return warnings
}

/** The periods imported, in order, and the data rows over all of them. */
export function periodSummary(rowsPerPeriod: Record<string, number>): { periods: string[]; rowCount: number } {
  const periods = Object.keys(rowsPerPeriod).sort()
  return { periods, rowCount: periods.reduce((n, p) => n + rowsPerPeriod[p]!, 0) }
}
