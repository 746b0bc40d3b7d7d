/**
 * Own tables and their indicators in the database (own_tables, own_indicators; ADR 016): written
 * in an import's switch together with its values, read by the profile, changed by an administrator.
 */
import fs from 'node:fs'
import path from 'node:path'
import { and, asc, eq, isNull, lte } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { cbsImports, ownIndicators, ownTables, type OwnIndicator, type OwnTable } from '../../../db/schema'
import { parseCbsCsv } from '~/wijken/import/csv'
import { visibleGeneration } from '~/wijken/import/generations.server'
import {
  decodeCbsText,
  knownRegions,
  reportOf,
  type ImportReport,
  type KnownRegions,
} from '~/wijken/import/import.server'
import { CbsImportError, importIssue } from '~/wijken/import/types'
import { writeCbsImport, type Sqlite } from '~/wijken/import/write.server'
import { normalizeOwnTable, type NormalizedOwnTable, type OwnTableDefinition } from './own-table'

/** What whoever imports an own table says about it (the page's fields, the CLI's options). */
export interface OwnTableMeta {
  organisation: string
  title?: string
  period?: string
}

/**
 * The table and its indicators, in the switch transaction of its import (write.server.ts `onSwitch`).
 * An indicator imported before keeps what the administrator set; only the header it comes from is
 * updated.
 */
export function writeOwnDefinitions(sqlite: Sqlite, own: OwnTableDefinition): void {
  sqlite
    .prepare(
      `INSERT INTO own_tables (id, title, organisation, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET title = excluded.title, organisation = excluded.organisation`,
    )
    .run(own.id, own.title, own.organisation, Date.now())
  const insert = sqlite.prepare(
    `INSERT INTO own_indicators (code, table_id, "column", source_column, label, unit, definition, kind, base_column,
       risk_direction, in_cocktail, threshold, decimals, sort_order)
     VALUES (@code, @tableId, @column, @sourceColumn, @label, @unit, '', @kind, @baseColumn, NULL, 0, NULL, @decimals, @sortOrder)
     ON CONFLICT(code) DO UPDATE SET source_column = excluded.source_column`,
  )
  own.columns.forEach((c, i) =>
    insert.run({ ...c, code: ownIndicatorCode(own.id, c.column), tableId: own.id, sortOrder: i }),
  )
}

export const ownIndicatorCode = (tableId: string, column: string) => `${tableId}.${column}`

/** Reads an own table's file without touching the database. Throws a CbsImportError. */
export function readOwnTableFile(
  filePath: string,
  known: KnownRegions,
  meta: OwnTableMeta,
  fileName = path.basename(filePath),
): NormalizedOwnTable {
  if (!meta.organisation.trim()) throw new CbsImportError(fileName, [importIssue('import.issue.own.sourceMissing')])
  let bytes: Uint8Array
  try {
    bytes = fs.readFileSync(filePath)
  } catch {
    throw new CbsImportError(fileName, [importIssue('import.issue.unreadable')])
  }
  const { table, issues } = parseCbsCsv(decodeCbsText(bytes, fileName))
  if (issues.length) throw new CbsImportError(fileName, issues.slice(0, 25))
  return normalizeOwnTable(table, { fileName, knownRegionName: known.knownRegionName, ...meta })
}

/** An own table imported in-process, in one transaction (in-memory databases; tests). */
export function importOwnTableFile(
  db: Db,
  filePath: string,
  meta: OwnTableMeta,
  options: { importedBy?: string; fileName?: string } = {},
): ImportReport {
  const fileName = options.fileName ?? path.basename(filePath)
  const data = readOwnTableFile(filePath, knownRegions(db), meta, fileName)
  writeCbsImport(db, data, {
    fileName,
    importedBy: options.importedBy,
    onSwitch: (sqlite) => writeOwnDefinitions(sqlite, data.own),
  })
  return reportOf(fileName, data)
}

export type OwnIndicatorWithTable = OwnIndicator & { table: Pick<OwnTable, 'id' | 'title' | 'organisation'> }

/**
 * The own indicators readers see: those of tables with at least one import readers see (ADR 013),
 * in table and column order. A table whose every import was removed keeps its settings for a
 * re-import, but shows nothing.
 */
export function visibleOwnIndicators(db: Db): OwnIndicatorWithTable[] {
  const visible = new Set(
    db
      .selectDistinct({ tableId: cbsImports.tableId })
      .from(cbsImports)
      .where(and(lte(cbsImports.generation, visibleGeneration), isNull(cbsImports.removedAt)))
      .all()
      .map((r) => r.tableId),
  )
  return listOwnIndicators(db).filter((i) => visible.has(i.tableId))
}

/** Every own indicator with its table (the setup page), in table and column order. */
export function listOwnIndicators(db: Db): OwnIndicatorWithTable[] {
  return db
    .select({
      indicator: ownIndicators,
      table: { id: ownTables.id, title: ownTables.title, organisation: ownTables.organisation },
    })
    .from(ownIndicators)
    .innerJoin(ownTables, eq(ownTables.id, ownIndicators.tableId))
    .orderBy(asc(ownTables.title), asc(ownIndicators.tableId), asc(ownIndicators.sortOrder))
    .all()
    .map((r) => ({ ...r.indicator, table: r.table }))
}

/** An own indicator's name in both languages: the administrator's English one, else the Dutch one. */
export const ownLabel = (i: Pick<OwnIndicator, 'label' | 'labelEn'>) => ({ nl: i.label, en: i.labelEn ?? i.label })

export type OwnIndicatorSettings = Pick<
  OwnIndicator,
  | 'label'
  | 'labelEn'
  | 'unit'
  | 'definition'
  | 'kind'
  | 'baseColumn'
  | 'riskDirection'
  | 'inCocktail'
  | 'threshold'
  | 'decimals'
>

/** The administrator's settings of one own indicator; false when it does not exist. */
export function updateOwnIndicator(db: Db, code: string, settings: OwnIndicatorSettings): boolean {
  const result = db
    .update(ownIndicators)
    .set({ ...settings, inCocktail: settings.inCocktail && settings.riskDirection !== null })
    .where(eq(ownIndicators.code, code))
    .run()
  return result.changes > 0
}

/** The columns of a table (for the choice of a base). */
export const columnsOfTable = (all: OwnIndicatorWithTable[], tableId: string) =>
  all.filter((i) => i.tableId === tableId).map((i) => ({ column: i.column, label: i.label }))
