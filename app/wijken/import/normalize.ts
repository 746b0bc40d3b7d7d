import { parsePeriod } from '~/wijken/periods'
import { gemeenteOf, NATIONAL_CODE, regionLevel, type RegionLevel } from '~/wijken/regions'
import { refusePersonLevel } from './person-level'
import {
  canonicalColumns,
  categoryStems,
  detectTable,
  keyStem,
  referenceKeysFor,
  regionDimensionStems,
  type CbsTableSpec,
} from './tables'
import { t } from '~/i18n'
import { CbsImportError, importIssue, type ImportIssue, type RawCell, type RawTable } from './types'

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

export interface NormalizedRegion {
  code: string
  level: RegionLevel
  name: string
  gemeenteCode: string | null
  /** False when the file gave no title (only a code): an existing name is then kept. */
  hasTitle: boolean
}

export interface NormalizedTable {
  table: CbsTableSpec
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
  /** Overrides recognising the table from the file name or columns. */
  tableId?: string
  /** For tables with region names only (85098NED): gemeente name → GM code. */
  resolveGemeente?: (name: string) => string | null
}

const MAX_ISSUES = 25

type CbsNumber = { value: number | null; missing: boolean }
type NumberProblem = { key: 'import.issue.notFinite' | 'import.issue.notANumber'; vars?: { value: string } }

/**
 * A CBS number. Empty (or OData null), `.`, `x` and `?` are missing: they are NEVER 0.
 * `-` is CBS's "nihil" and is 0. `4510.0` (a pandas artefact) is 4510.
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
  return { problem: { key: 'import.issue.notANumber', vars: { value: s } } }
}

/** `readCbsNumber` with the problem as a Dutch phrase (`"veel" is geen getal`), for use outside an import. */
export function parseCbsNumber(raw: RawCell | undefined): CbsNumber | { error: string } {
  const read = readCbsNumber(raw)
  if (!('problem' in read)) return read
  return { error: t('nl', read.problem.key, read.problem.vars).replace(/\.$/, '') }
}

const text = (raw: RawCell | undefined) => (raw === null || raw === undefined ? '' : String(raw).trim())

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

/** 85098NED aggregates: landsdeel, provincie, jeugdzorgregio, size classes. Not gemeenten. */
const isAggregateName = (name: string) => /\((LD|PV|JZ|CR|COROP|RES|GGD)\)$/i.test(name) || /inwoners$/i.test(name)

/**
 * Turns a parsed file into CBS cells: one per (column, category, region, period). Pure; throws a
 * CbsImportError listing every problem (up to 25) when any row is wrong, so nothing is imported.
 */
export function normalizeCbsTable(raw: RawTable, options: NormalizeOptions): NormalizedTable {
  const file = options.fileName
  refusePersonLevel(raw, file)

  const table = detectTable(options.tableId ?? file, raw.columns)
  if (!table) {
    throw new CbsImportError(file, [importIssue('import.issue.unknownTable')], 'unknown-table')
  }

  const canonical = canonicalColumns(raw.columns, raw.dataPropertyKeys ?? referenceKeysFor(table.id))
  const byStem = (stems: readonly string[]) => raw.columns.find((c) => stems.includes(keyStem(c)))
  const codeColumn = byStem(['Codering'])
  const dimColumn = byStem(regionDimensionStems)
  const periodColumn = byStem(['Perioden'])
  const categoryColumn = byStem(categoryStems)
  const nameColumn = byStem(['Gemeentenaam'])

  const measures: [string, string][] = []
  const unknownColumns: string[] = []
  for (const column of raw.columns) {
    const stem = canonical.get(column)!
    if (table.measures.includes(stem)) measures.push([column, stem])
    else if (!table.text.includes(keyStem(column)) && !categoryStems.includes(keyStem(column)))
      unknownColumns.push(column)
  }

  const issues: ImportIssue[] = []
  const add = (issue: ImportIssue) => {
    if (issues.length < MAX_ISSUES) issues.push(issue)
  }
  if (!periodColumn && !table.defaultPeriod)
    add(importIssue('import.issue.periodColumnMissing', undefined, { line: 1 }))
  if (measures.length === 0) add(importIssue('import.issue.noKnownColumns', { table: table.id }, { line: 1 }))

  const cells: NormalizedCell[] = []
  const regions = new Map<string, NormalizedRegion>()
  const rowsPerPeriod: Record<string, number> = {}
  const seenRows = new Map<string, number>()
  const unresolved = new Set<string>()
  let skippedNational = 0
  let skippedAggregates = 0

  for (const row of raw.rows) {
    const line = row.line
    // Region
    let code = codeColumn ? text(row.cells[codeColumn]).toUpperCase() : ''
    const title = dimColumn ? text(row.cells[dimColumn]) : ''
    if (!code && regionLevel(title.toUpperCase())) code = title.toUpperCase()
    if (!code && table.regionsByName && title) {
      const name = title.replace(/\s*\(gemeente\)$/i, '')
      if (name === 'Nederland') code = NATIONAL_CODE
      else if (isAggregateName(title)) {
        skippedAggregates++
        continue
      } else {
        code = options.resolveGemeente?.(name) ?? ''
        if (!code) {
          unresolved.add(name)
          continue
        }
      }
    }
    if (!code) {
      add(importIssue('import.issue.noRegionCode', undefined, { line, column: codeColumn ?? dimColumn }))
      continue
    }
    if (!regionLevel(code)) {
      add(importIssue('import.issue.badRegionCode', { code }, { line, column: codeColumn ?? dimColumn }))
      continue
    }
    if (code.startsWith('NL') && !table.regionsByName) {
      const mapped = table.national[code]
      if (mapped === undefined) {
        add(importIssue('import.issue.unexpectedNationalCode', { code, table: table.id }, { line, column: codeColumn }))
        continue
      }
      if (mapped === null) {
        skippedNational++
        continue
      }
      code = mapped
    }

    // Period and category
    const periodText = periodColumn ? text(row.cells[periodColumn]) : ''
    const period = periodColumn ? parsePeriod(periodText) : table.defaultPeriod!
    if (!period) {
      add(importIssue('import.issue.unknownPeriod', { period: periodText }, { line, column: periodColumn }))
      continue
    }
    const category = categoryColumn ? slug(text(row.cells[categoryColumn])) : ''
    const rowKey = `${code}|${period}|${category}`
    const earlier = seenRows.get(rowKey)
    if (earlier !== undefined) {
      add(importIssue('import.issue.duplicateRow', { code, period: periodText || period, earlier }, { line }))
      continue
    }
    seenRows.set(rowKey, row.line)

    // Values
    let rowOk = true
    const rowCells: NormalizedCell[] = []
    for (const [column, stem] of measures) {
      const parsed = readCbsNumber(row.cells[column])
      if ('problem' in parsed) {
        add(importIssue(parsed.problem.key, parsed.problem.vars, { line, column }))
        rowOk = false
        continue
      }
      rowCells.push({
        column: stem,
        sourceColumn: column,
        category,
        regionCode: code,
        period,
        value: parsed.value,
        missingReason: parsed.missing ? 'suppressed-by-cbs' : null,
      })
    }
    if (!rowOk) continue
    cells.push(...rowCells)
    rowsPerPeriod[period] = (rowsPerPeriod[period] ?? 0) + 1

    const level = regionLevel(code)!
    const gemeenteName = nameColumn ? text(row.cells[nameColumn]) : ''
    const hasTitle =
      level === 'land' ||
      (title !== '' && !regionLevel(title.toUpperCase())) ||
      (level === 'gemeente' && gemeenteName !== '')
    const name =
      level === 'land'
        ? 'Nederland'
        : level === 'gemeente'
          ? gemeenteName || (hasTitle ? title : code)
          : hasTitle
            ? title
            : code
    if (!regions.has(code) || (hasTitle && !regions.get(code)!.hasTitle)) {
      regions.set(code, {
        code,
        level,
        name: name.replace(/\s*\(gemeente\)$/i, ''),
        gemeenteCode: gemeenteOf(code),
        hasTitle,
      })
    }
  }

  if (issues.length > 0) throw new CbsImportError(file, issues)

  // A column that is empty in every row of a period was not published (yet), not suppressed.
  const filled = new Set(cells.filter((c) => c.value !== null).map((c) => `${c.period}|${c.column}`))
  for (const c of cells) {
    if (c.value === null && !filled.has(`${c.period}|${c.column}`)) c.missingReason = 'not-published'
  }

  const warningIssues: ImportIssue[] = []
  if (unknownColumns.length)
    warningIssues.push(
      importIssue('import.warning.unknownColumns', {
        count: unknownColumns.length,
        columns: unknownColumns.join(', '),
      }),
    )
  if (skippedNational) warningIssues.push(importIssue('import.warning.skippedNational', { count: skippedNational }))
  if (skippedAggregates)
    warningIssues.push(importIssue('import.warning.skippedAggregates', { count: skippedAggregates }))
  if (unresolved.size) {
    const sample = [...unresolved].slice(0, 5).join(', ')
    warningIssues.push(importIssue('import.warning.unresolvedGemeenten', { count: unresolved.size, sample }))
  }

  const periods = Object.keys(rowsPerPeriod).sort()
  return {
    table,
    periods,
    rowsPerPeriod,
    rowCount: periods.reduce((n, p) => n + rowsPerPeriod[p]!, 0),
    cells,
    regions: [...regions.values()],
    unknownColumns,
    warningIssues,
    warnings: warningIssues.map((w) => w.message),
  }
}
