import { t } from '~/i18n'
import type { ColumnRoles } from './columns'
import { importIssue, type ImportIssue, type RawCell, type RawRow } from './types'

export type MissingReason = 'suppressed-by-cbs' | 'not-published'

export interface NormalizedCell {
  column: string
  sourceColumn: string
  category: string
  regionCode: string
  period: string
  value: number | null
  missingReason: MissingReason | null
}

type CbsNumber = { value: number | null; missing: boolean }
type NumberProblem = { key: 'import.issue.notFinite' | 'import.issue.notANumber'; vars?: { value: string } }

/**
 * A CBS number. Empty (or OData null), `.`, `x` and `?` are missing: they are NEVER 0.
 * `-` is CBS's "nihil" and is 0. `4510.0` (a pandas artefact) is 4510; `2,8` (a StatLine download) is 2.8.
 */
export function readCbsNumber(raw: RawCell | undefined): CbsNumber | { problem: NumberProblem } {
  if (raw === null || raw === undefined) return { value: null, missing: true }
  if (typeof raw === 'number')
    return Number.isFinite(raw) ? { value: raw, missing: false } : { problem: { key: 'import.issue.notFinite' } }
  if (typeof raw === 'boolean') return { problem: { key: 'import.issue.notANumber', vars: { value: String(raw) } } }
  const s = raw.trim()
  if (s === '' || s === '.' || s === 'x' || s === '?') return { value: null, missing: true }
  if (s === '-') return { value: 0, missing: false }
  if (/^[+-]?\d+(\.\d+)?$/.test(s)) return { value: Number(s), missing: false }
  // StatLine's Dutch download writes a decimal comma (it has no thousands separator)
  if (/^[+-]?\d+,\d+$/.test(s)) return { value: Number(s.replace(',', '.')), missing: false }
  return { problem: { key: 'import.issue.notANumber', vars: { value: s } } }
}

/** `readCbsNumber` with the problem as a Dutch phrase (`"veel" is geen getal`), for use outside an import. */
export function parseCbsNumber(raw: RawCell | undefined): CbsNumber | { error: string } {
  const read = readCbsNumber(raw)
  if (!('problem' in read)) return read
  return { error: t('nl', read.problem.key, read.problem.vars).replace(/\.$/, '') }
}

/**
 * The cells of one row: one per figure column, for the row's region, period and category. A row
 * with any unreadable figure gives its issues (one per column) and no cells at all.
 */
export function rowCells(
  row: RawRow,
  measures: ColumnRoles['measures'],
  key: { regionCode: string; period: string; category: string },
): { cells: NormalizedCell[] } | { issues: ImportIssue[] } {
  const cells: NormalizedCell[] = []
  const issues: ImportIssue[] = []
  for (const [column, stem] of measures) {
    const read = readCbsNumber(row.cells[column])
    if ('problem' in read) {
      issues.push(importIssue(read.problem.key, read.problem.vars, { line: row.line, column }))
      continue
    }
    cells.push({
      column: stem,
      sourceColumn: column,
      ...key,
      value: read.value,
      missingReason: read.missing ? 'suppressed-by-cbs' : null,
    })
  }
  return issues.length ? { issues } : { cells }
}

/**
 * A column that is empty in every row of a period was not published (yet), not suppressed: its
 * empty cells are marked so (in place).
 */
export function markNotPublished(cells: NormalizedCell[]): void {
  const filled = new Set(cells.filter((c) => c.value !== null).map((c) => `${c.period}|${c.column}`))
  for (const c of cells) {
    if (c.value === null && !filled.has(`${c.period}|${c.column}`)) c.missingReason = 'not-published'
  }
}
