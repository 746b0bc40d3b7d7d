import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Db } from '../../../db/client'
import { cbsImports, regions } from '../../../db/schema'
import { writeCbsImport } from './write.server'
import { seedIndicators } from '~/wijken/indicators.server'
import { parseCbsCsv } from './csv'
import { bundledRegionNames } from './bundled-regions.server'
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
  /** Chooses between table editions the file's columns fit equally (`import:cbs --table`). */
  tableId?: string
  /** The administrator who imports (cbs_imports.imported_by); none for bundled data and the CLI. */
  importedBy?: string
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

/** What the importer checks a file against, from the database and the bundled boundaries. */
export interface KnownRegions {
  resolveGemeente?: (name: string) => string | null
  knownRegionName?: (code: string) => string | null
}

/**
 * The file's text, decoded strictly: invalid UTF-8 is refused naming the first line it occurs on,
 * rather than stored as U+FFFD (issue 7).
 */
export function decodeCbsText(bytes: Uint8Array, fileName: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    const strict = new TextDecoder('utf-8', { fatal: true })
    let line = 1
    let start = 0
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== 0x0a) continue
      try {
        strict.decode(bytes.subarray(start, i))
      } catch {
        break
      }
      line++
      start = i + 1
    }
    throw new CbsImportError(fileName, [importIssue('import.issue.invalidUtf8', { line }, { line })])
  }
}

/** Reads a file into CBS cells without touching the database. Throws a CbsImportError. */
export function readCbsFile(
  filePath: string,
  known: KnownRegions = {},
  tableId?: string,
  fileName = path.basename(filePath),
): NormalizedTable {
  let bytes: Uint8Array
  try {
    bytes = fs.readFileSync(filePath)
  } catch {
    throw new CbsImportError(fileName, [importIssue('import.issue.unreadable')])
  }
  const text = decodeCbsText(bytes, fileName)
  // The format is told by the content as well: JSON starts with { or [ (after a BOM or spaces).
  const { table, issues } = /^\uFEFF?\s*[[{]/.test(text) ? parseCbsJson(text) : parseCbsCsv(text)
  if (issues.length) throw new CbsImportError(fileName, issues.slice(0, 25))
  return normalizeCbsTable(table, { fileName, tableId, ...known })
}

/** Gemeente names → codes and region codes → CBS names, as the database and the bundled boundaries know them. */
export function knownRegions(db: Db): KnownRegions {
  const rows = db.select({ code: regions.code, name: regions.name, level: regions.level }).from(regions).all()
  const byName = new Map(rows.filter((r) => r.level === 'gemeente').map((r) => [r.name.toLowerCase(), r.code]))
  const names = new Map(bundledRegionNames())
  for (const r of rows) if (r.name !== r.code) names.set(r.code, r.name)
  return {
    resolveGemeente: (name) => byName.get(name.toLowerCase()) ?? null,
    knownRegionName: (code) => names.get(code) ?? null,
  }
}

/**
 * Imports one CBS file (StatLine CSV or OData JSON) in-process, in ONE transaction: all of it or
 * nothing. For the bundled data on first start and in-memory databases; beside live rooms the
 * import runs in a worker (`importInWorker`).
 * Every cell the file carries replaces the stored cell for the same table, column, category,
 * region and period, so importing the same file again changes nothing (see ADR 004).
 * Throws a CbsImportError (Dutch, naming file, line and column) when the file is refused.
 */
export function importCbsFile(db: Db, filePath: string, options: ImportOptions = {}): ImportReport {
  const fileName = path.basename(filePath)
  const progress = (phase: ImportProgress['phase'], done: number, total: number, table = '') =>
    options.onProgress?.({ file: fileName, table, phase, done, total })
  progress('read', 0, 1)
  const data = readCbsFile(filePath, knownRegions(db), options.tableId)
  const tableId = data.table.id
  const total = data.cells.length
  progress('read', 1, 1, tableId)

  writeCbsImport(db, data, {
    fileName,
    importedBy: options.importedBy,
    onCells: (i) => progress('write', i, total, tableId),
  })
  progress('done', total, total, tableId)

  return reportOf(fileName, data)
}

/** What an import reports of a file it wrote. */
export function reportOf(file: string, data: NormalizedTable): ImportReport {
  return {
    file,
    table: data.table.id,
    title: data.table.title,
    periods: data.periods,
    rows: data.rowCount,
    regions: new Set(data.cells.map((c) => c.regionCode)).size,
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
