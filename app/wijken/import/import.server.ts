import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { cbsImports, regions } from '../../../db/schema'
import { seedIndicators } from '~/wijken/indicators.server'
import { parseCbsCsv } from './csv'
import { normalizeCbsTable, type NormalizedTable } from './normalize'
import { parseCbsJson } from './odata'
import { CbsImportError, importIssue, type ImportIssue } from './types'

export interface ImportProgress {
  file: string
  table: string
  phase: 'read' | 'write' | 'done'
  done: number
  total: number
}

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void
  /** Overrides recognising the table from the file name or its columns. */
  tableId?: string
}

export interface ImportReport {
  file: string
  table: string
  title: string
  periods: string[]
  /** Imported data rows (region × period × category). */
  rows: number
  regions: number
  values: number
  unknownColumns: string[]
  /** What was skipped or left out, to translate where it is shown. */
  warningIssues: ImportIssue[]
  /** The same in Dutch, as the CLI prints them. */
  warnings: string[]
}

/** Reads a file into CBS cells without touching the database. Throws a CbsImportError. */
export function readCbsFile(
  filePath: string,
  resolveGemeente?: (name: string) => string | null,
  tableId?: string,
): NormalizedTable {
  const fileName = path.basename(filePath)
  let text: string
  try {
    text = fs.readFileSync(filePath, 'utf8')
  } catch {
    throw new CbsImportError(fileName, [importIssue('import.issue.unreadable')])
  }
  const { table, issues } = /\.json$/i.test(fileName) ? parseCbsJson(text) : parseCbsCsv(text)
  if (issues.length) throw new CbsImportError(fileName, issues.slice(0, 25))
  return normalizeCbsTable(table, { fileName, tableId, resolveGemeente })
}

/** Gemeente name → code among the regions already in the database (for 85098NED/85099NED). */
function gemeenteResolver(db: Db): (name: string) => string | null {
  const rows = db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(eq(regions.level, 'gemeente'))
    .all()
  const byName = new Map(rows.map((r) => [r.name.toLowerCase(), r.code]))
  return (name) => byName.get(name.toLowerCase()) ?? null
}

/**
 * Imports one CBS file (StatLine CSV or OData JSON) in ONE transaction: all of it or nothing.
 * Every cell the file carries replaces the stored cell for the same table, column, category,
 * region and period, so importing the same file again changes nothing (see ADR 004).
 * Throws a CbsImportError (Dutch, naming file, line and column) when the file is refused.
 */
export function importCbsFile(db: Db, filePath: string, options: ImportOptions = {}): ImportReport {
  const fileName = path.basename(filePath)
  const progress = (phase: ImportProgress['phase'], done: number, total: number, table = '') =>
    options.onProgress?.({ file: fileName, table, phase, done, total })
  progress('read', 0, 1)
  const data = readCbsFile(filePath, gemeenteResolver(db), options.tableId)
  const tableId = data.table.id
  const total = data.cells.length
  progress('read', 1, 1, tableId)

  const sqlite = db.$client
  const upsertRegion = sqlite.prepare(
    `INSERT INTO regions (code, level, name, gemeente_code) VALUES (@code, @level, @name, @gemeenteCode)
     ON CONFLICT(code) DO UPDATE SET level = excluded.level, gemeente_code = excluded.gemeente_code,
       name = CASE WHEN @hasTitle = 1 OR regions.name = regions.code THEN excluded.name ELSE regions.name END`,
  )
  const upsertCell = sqlite.prepare(
    `INSERT INTO indicator_values (table_id, "column", source_column, category, region_code, period, value, missing_reason)
     VALUES (@tableId, @column, @sourceColumn, @category, @regionCode, @period, @value, @missingReason)
     ON CONFLICT(table_id, "column", category, region_code, period) DO UPDATE SET
       value = excluded.value, missing_reason = excluded.missing_reason, source_column = excluded.source_column`,
  )
  const upsertImport = sqlite.prepare(
    `INSERT INTO cbs_imports (table_id, period, file_name, row_count, value_count, imported_at)
     VALUES (@tableId, @period, @fileName, @rowCount, @valueCount, @importedAt)
     ON CONFLICT(table_id, period, file_name) DO UPDATE SET
       row_count = excluded.row_count, value_count = excluded.value_count, imported_at = excluded.imported_at`,
  )

  sqlite.transaction(() => {
    for (const r of data.regions) upsertRegion.run({ ...r, hasTitle: r.hasTitle ? 1 : 0 })
    data.cells.forEach((cell, i) => {
      upsertCell.run({ ...cell, tableId })
      if (i % 2000 === 0) progress('write', i, total, tableId)
    })
    const now = Date.now()
    for (const period of data.periods) {
      upsertImport.run({
        tableId,
        period,
        fileName,
        rowCount: data.rowsPerPeriod[period],
        valueCount: data.cells.filter((c) => c.period === period).length,
        importedAt: now,
      })
    }
  })()
  progress('done', total, total, tableId)

  return {
    file: fileName,
    table: tableId,
    title: data.table.title,
    periods: data.periods,
    rows: data.rowCount,
    regions: data.regions.length,
    values: data.cells.length,
    unknownColumns: data.unknownColumns,
    warningIssues: data.warningIssues,
    warnings: data.warnings,
  }
}

export const bundledDataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../db/data/cbs')

/**
 * The bundled files in import order: tables with region codes first, so the name-only gemeente
 * tables (85098NED, 85099NED) can find the codes of the gemeenten they name.
 */
export const bundledFiles = [
  '85984NED_kwb2024_nl_gm0796_gm0758.csv',
  '85984NED_kwb2024_8stats_subset_niquedegraaff.json',
  '85990NED_jeugdzorg_wijken_2024h1_subset.csv',
  '85685NED_jeugdzorg_wijken_2023_subset.csv',
  '86003NED_uitkeringen_wijken_buurten_2024_subset.csv',
  '85098NED_jeugdzorg_indicatoren_gemeenten.csv',
  '85099NED_jeugdzorg_gemeenten_subset.csv',
] as const

/**
 * Seeds the indicator catalogue and imports every bundled CBS file that is not in cbs_imports
 * yet. Already done: two small queries and no file is read. The server calls it on start.
 */
export function importBundledData(
  db: Db,
  options: { dir?: string; onProgress?: ImportOptions['onProgress'] } = {},
): { imported: ImportReport[]; skipped: string[] } {
  seedIndicators(db)
  const done = new Set(
    db
      .selectDistinct({ fileName: cbsImports.fileName })
      .from(cbsImports)
      .all()
      .map((r) => r.fileName),
  )
  const imported: ImportReport[] = []
  const skipped: string[] = []
  for (const file of bundledFiles) {
    if (done.has(file)) skipped.push(file)
    else
      imported.push(
        importCbsFile(db, path.join(options.dir ?? bundledDataDir, file), {
          onProgress: options.onProgress,
        }),
      )
  }
  return { imported, skipped }
}
