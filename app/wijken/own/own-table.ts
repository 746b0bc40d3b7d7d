/**
 * An organisation's own regional table ("eigen cijfers", issue 11) as cells: every numeric column
 * becomes an indicator. Pure; like normalize.ts it checks every row first and throws a
 * CbsImportError listing the problems (file, line, column), so nothing is half-imported.
 * Regions come only from a column of CBS region codes; a file that only names regions is refused.
 */
import { parsePeriod } from '~/wijken/periods'
import { regionLevel } from '~/wijken/regions'
import { markNotPublished, readCbsNumber, type NormalizedCell } from '~/wijken/import/cells'
import type { NormalizedTable } from '~/wijken/import/normalize'
import { refuseNamesOnly, refusePersonLevel } from '~/wijken/import/person-level'
import { periodColumn, regionNameColumn } from '~/wijken/import/region-columns'
import { regionRecord, regionNameIssue } from '~/wijken/import/region-records'
import { periodSummary } from '~/wijken/import/report'
import { foldTitle, splitTitle } from '~/wijken/import/statline-headers'
import { recogniseTable } from '~/wijken/import/table-recognition'
import {
  asWritten,
  CbsImportError,
  importIssue,
  type ImportIssue,
  type RawCell,
  type RawTable,
} from '~/wijken/import/types'

export interface OwnTableOptions {
  fileName: string
  /** Who delivers the figures: "Gemeente Breda", "Woningcorporatie Zayaz", "GGD Hart voor Brabant". */
  organisation: string
  /** The table's name; the file's name (without extension) when not given. */
  title?: string
  /** The period of every row, for a file without a period column ("2024", "1e halfjaar 2024"). */
  period?: string
  /** The CBS name of a region where one is known: the file must agree, and only known regions are read. */
  knownRegionName?: (code: string) => string | null
}

/** One numeric column as the indicator it becomes on its first import (the administrator may change it). */
export interface OwnColumn {
  column: string
  sourceColumn: string
  label: string
  unit: string
  kind: 'count' | 'rate'
  baseColumn: string | null
  decimals: number
}

export interface OwnTableDefinition {
  id: string
  title: string
  organisation: string
  columns: OwnColumn[]
}

export type NormalizedOwnTable = NormalizedTable & { own: OwnTableDefinition }

const MAX_ISSUES = 25

/** "Woningcorporatie Zayaz" → "woningcorporatie-zayaz". */
export const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

/** The table id of an organisation's table: `eigen-<organisation>-<table>`, at most 80 characters. */
export const ownTableId = (organisation: string, title: string) =>
  `eigen-${slug(organisation)}-${slug(title)}`.slice(0, 80).replace(/-$/, '')

const text = (v: RawCell | undefined) => (v === null || v === undefined ? '' : String(v).trim())

/** Units that are counts of people, households, dwellings or events; anything else is a rate or average. */
const isCountUnit = (unit: string) =>
  /^(aantal|personen|huishoudens|woningen|meldingen|kinderen|jongeren|absoluut)/.test(foldTitle(unit))
/** A column that holds the base (denominator) of the table's rates: "Aantal jongeren (basis)", "Basis: inwoners". */
const isBaseHeader = (header: string, unit: string | null) =>
  foldTitle(unit ?? '') === 'basis' || /^(basis|noemer)/.test(foldTitle(header))

function decimalsOf(values: string[]): number {
  const places = values.map((v) => /[.,](\d+)$/.exec(v)?.[1]?.length ?? 0)
  return Math.min(2, Math.max(0, ...places))
}

/** Is the column a figure column: at least half of its filled cells are numbers (or CBS's missing symbols)? */
function isNumericColumn(raw: RawTable, column: string): boolean {
  const filled = raw.rows.map((r) => text(r.cells[column])).filter((v) => v !== '')
  const numbers = filled.filter((v) => {
    const read = readCbsNumber(v)
    return !('problem' in read) && read.value !== null
  })
  return numbers.length > 0 && numbers.length * 2 >= filled.length
}

/** The columns of the file that become indicators, named from their headers. */
function ownColumns(raw: RawTable, figures: string[]): OwnColumn[] {
  const used = new Set<string>()
  const columns = figures.map((header) => {
    const { title, unit } = splitTitle(header)
    let column = slug(title) || 'kolom'
    for (let n = 2; used.has(column); n++) column = `${slug(title)}-${n}`
    used.add(column)
    const base = isBaseHeader(title, unit)
    const shownUnit = base || !unit ? 'aantal' : unit
    const values = raw.rows.map((r) => text(r.cells[header])).filter(Boolean)
    return {
      column,
      sourceColumn: raw.headers?.[header] ?? header,
      label: title,
      unit: shownUnit,
      kind: base || isCountUnit(shownUnit) ? ('count' as const) : ('rate' as const),
      baseColumn: null as string | null,
      decimals: base || isCountUnit(shownUnit) ? 0 : decimalsOf(values),
      isBase: base,
    }
  })
  const base = columns.find((c) => c.isBase)?.column ?? null
  return columns.map(({ isBase: _, ...c }) => ({ ...c, baseColumn: c.kind === 'rate' ? base : null }))
}

/**
 * Reads an own table. Refuses person-level files (privacy.ts's rules), a catalogue table (import it
 * as CBS: its indicators exist already), a file without region codes (names only are ambiguous),
 * and a file without a period. Skips rows of regions no CBS table names (a typo must not become a
 * wijk), with a warning.
 */
export function normalizeOwnTable(raw: RawTable, options: OwnTableOptions): NormalizedOwnTable {
  const file = options.fileName
  try {
    return normalizeOwn(raw, options)
  } catch (error) {
    if (!(error instanceof CbsImportError) || !raw.headers) throw error
    throw new CbsImportError(
      file,
      error.issues.map((i) => asWritten(i, raw.headers)),
      error.kind,
    )
  }
}

function normalizeOwn(raw: RawTable, options: OwnTableOptions): NormalizedOwnTable {
  const file = options.fileName
  refusePersonLevel(raw, file)
  let catalogue: string | null = null
  try {
    catalogue = recogniseTable(raw, file).id
  } catch {
    // not a catalogue table: that is what an own table is
  }
  if (catalogue) throw new CbsImportError(file, [importIssue('import.issue.own.isCatalogue', { table: catalogue })])
  const code = refuseNamesOnly(raw, file)
  const name = regionNameColumn(raw)
  const periodAt = periodColumn(raw)

  const issues: ImportIssue[] = []
  const add = (issue: ImportIssue) => issues.length < MAX_ISSUES && issues.push(issue)
  const givenPeriod = options.period?.trim() || null
  const fixedPeriod = givenPeriod ? parsePeriod(givenPeriod) : null
  if (givenPeriod && !fixedPeriod) add(importIssue('import.issue.own.badPeriodOption', { period: givenPeriod }))
  if (!periodAt && !givenPeriod) add(importIssue('import.issue.own.periodMissing', undefined, { line: 1 }))

  const candidates = raw.columns.filter((c) => c !== code && c !== name && c !== periodAt)
  const figures = candidates.filter((c) => isNumericColumn(raw, c))
  const textColumns = candidates.filter((c) => !figures.includes(c))
  if (figures.length === 0) add(importIssue('import.issue.own.noFigures', undefined, { line: 1 }))
  const definitions = ownColumns(raw, figures)
  const title = options.title?.trim() || file.replace(/\.[^.]+$/, '')
  const id = ownTableId(options.organisation, title)

  const cells: NormalizedCell[] = []
  const rowsPerPeriod: Record<string, number> = {}
  const seen = new Map<string, number>()
  const unknown = new Set<string>()
  for (const row of issues.length ? [] : raw.rows) {
    let regionCode = text(row.cells[code]).toUpperCase()
    if (!regionCode) {
      add(importIssue('import.issue.noRegionCode', undefined, { line: row.line, column: code }))
      continue
    }
    if (regionCode === 'NL01') regionCode = 'NL00'
    const level = regionLevel(regionCode)
    if (!level) {
      add(importIssue('import.issue.badRegionCode', { code: regionCode }, { line: row.line, column: code }))
      continue
    }
    const periodText = periodAt ? text(row.cells[periodAt]) : ''
    const period = periodAt ? parsePeriod(periodText) : fixedPeriod
    if (!period) {
      add(importIssue('import.issue.unknownPeriod', { period: periodText }, { line: row.line, column: periodAt }))
      continue
    }
    const key = `${regionCode}|${period}`
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      add(
        importIssue(
          'import.issue.duplicateRow',
          { code: regionCode, period: periodText || period, earlier },
          { line: row.line },
        ),
      )
      continue
    }
    seen.set(key, row.line)
    if (level !== 'land' && !options.knownRegionName?.(regionCode)) {
      unknown.add(regionCode)
      continue
    }
    const record = regionRecord(regionCode, name ? text(row.cells[name]) : '', '')
    const misnamed = regionNameIssue(record, options.knownRegionName, { line: row.line, column: name })
    if (misnamed) {
      add(misnamed)
      continue
    }
    const rowCells: NormalizedCell[] = []
    for (const [i, header] of figures.entries()) {
      const read = readCbsNumber(row.cells[header])
      if ('problem' in read) {
        add(importIssue(read.problem.key, read.problem.vars, { line: row.line, column: header }))
        continue
      }
      rowCells.push({
        column: definitions[i]!.column,
        sourceColumn: definitions[i]!.sourceColumn,
        category: '',
        regionCode,
        period,
        value: read.value,
        missingReason: read.missing ? 'suppressed-by-cbs' : null,
      })
    }
    if (rowCells.length !== figures.length) continue
    cells.push(...rowCells)
    rowsPerPeriod[period] = (rowsPerPeriod[period] ?? 0) + 1
  }
  if (issues.length) throw new CbsImportError(file, issues)
  if (cells.length === 0) throw new CbsImportError(file, [importIssue('import.issue.own.noKnownRegions')])

  markNotPublished(cells)
  const written = (c: string) => raw.headers?.[c] ?? c
  const warningIssues: ImportIssue[] = []
  if (textColumns.length)
    warningIssues.push(
      importIssue('import.warning.own.textColumns', {
        count: textColumns.length,
        columns: textColumns.map(written).join(', '),
      }),
    )
  if (periodAt && givenPeriod)
    warningIssues.push(
      importIssue('import.warning.own.periodIgnored', { period: givenPeriod, column: written(periodAt) }),
    )
  if (unknown.size)
    warningIssues.push(
      importIssue('import.warning.own.unknownRegions', {
        count: unknown.size,
        sample: [...unknown].slice(0, 5).join(', '),
      }),
    )
  return {
    table: { id, title },
    ...periodSummary(rowsPerPeriod),
    rowsPerPeriod,
    cells,
    regions: [],
    unknownColumns: textColumns.map(written),
    warningIssues,
    warnings: warningIssues.map((w) => w.message),
    own: { id, title, organisation: options.organisation.trim(), columns: definitions },
  }
}
