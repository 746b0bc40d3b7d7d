import type { Db } from '../../../db/client'
import type { NormalizedTable } from './normalize'

export interface WriteOptions {
  fileName: string
  importedBy?: string
  /** Called every 2 000 cells with the number written. */
  onCells?: (written: number) => void
}

const cellColumns = `table_id, "column", source_column, category, region_code, period, value, missing_reason, import_id`
const onCellConflict = `ON CONFLICT(table_id, "column", category, region_code, period) DO UPDATE SET
  value = excluded.value, missing_reason = excluded.missing_reason, source_column = excluded.source_column,
  import_id = excluded.import_id`

/**
 * The regions a file names and one cbs_imports row per period, with the id of each period's
 * import (the import every value of that period keeps, indicator_values.import_id).
 * Runs inside the caller's transaction.
 */
function writeRegionsAndImports(db: Db, data: NormalizedTable, options: WriteOptions): Map<string, number> {
  const sqlite = db.$client
  const upsertRegion = sqlite.prepare(
    `INSERT INTO regions (code, level, name, gemeente_code) VALUES (@code, @level, @name, @gemeenteCode)
     ON CONFLICT(code) DO UPDATE SET level = excluded.level, gemeente_code = excluded.gemeente_code,
       name = CASE WHEN @hasTitle = 1 OR regions.name = regions.code THEN excluded.name ELSE regions.name END`,
  )
  const upsertImport = sqlite.prepare(
    `INSERT INTO cbs_imports (table_id, period, file_name, row_count, value_count, imported_at, imported_by)
     VALUES (@tableId, @period, @fileName, @rowCount, @valueCount, @importedAt, @importedBy)
     ON CONFLICT(table_id, period, file_name) DO UPDATE SET
       row_count = excluded.row_count, value_count = excluded.value_count, imported_at = excluded.imported_at,
       imported_by = excluded.imported_by
     RETURNING id`,
  )
  for (const r of data.regions) upsertRegion.run({ ...r, hasTitle: r.hasTitle ? 1 : 0 })
  const valuesPerPeriod = new Map<string, number>()
  for (const c of data.cells) valuesPerPeriod.set(c.period, (valuesPerPeriod.get(c.period) ?? 0) + 1)
  const importIds = new Map<string, number>()
  const now = Date.now()
  for (const period of data.periods) {
    const row = upsertImport.get({
      tableId: data.table.id,
      period,
      fileName: options.fileName,
      rowCount: data.rowsPerPeriod[period],
      valueCount: valuesPerPeriod.get(period) ?? 0,
      importedAt: now,
      importedBy: options.importedBy ?? null,
    }) as { id: number }
    importIds.set(period, row.id)
  }
  return importIds
}

/**
 * Writes a checked file: its regions, its imports and every cell it carries, each cell replacing
 * the stored one (ADR 004) and keeping the import it came from. Runs inside the caller's
 * transaction, so the whole file is written or nothing.
 */
export function writeCbsImport(db: Db, data: NormalizedTable, options: WriteOptions): void {
  const importIds = writeRegionsAndImports(db, data, options)
  const upsertCell = db.$client.prepare(
    `INSERT INTO indicator_values (${cellColumns})
     VALUES (@tableId, @column, @sourceColumn, @category, @regionCode, @period, @value, @missingReason, @importId)
     ${onCellConflict}`,
  )
  data.cells.forEach((cell, i) => {
    upsertCell.run({ ...cell, tableId: data.table.id, importId: importIds.get(cell.period)! })
    if (i % 2000 === 0) options.onCells?.(i)
  })
}

const STAGE_CHUNK = 2000

/**
 * The same write for an import beside live rooms (ADR 008): the cells go first into a TEMP table of
 * this connection, in chunks, which never locks the shared database (SQLite keeps temp tables
 * apart); then ONE short transaction moves them in with a single INSERT … SELECT, in the order of
 * the cell index, with the regions and imports. Readers see the old file or the new one, never half.
 */
export async function writeCbsImportStaged(
  db: Db,
  data: NormalizedTable,
  options: WriteOptions,
): Promise<{ swapMs: number }> {
  const sqlite = db.$client
  sqlite.exec(`DROP TABLE IF EXISTS temp.cbs_staging;
    CREATE TEMP TABLE cbs_staging ("column" TEXT, source_column TEXT, category TEXT, region_code TEXT,
      period TEXT, value REAL, missing_reason TEXT)`)
  const stage = sqlite.prepare(
    `INSERT INTO temp.cbs_staging VALUES (@column, @sourceColumn, @category, @regionCode, @period, @value, @missingReason)`,
  )
  const stageChunk = sqlite.transaction((from: number) => {
    for (const cell of data.cells.slice(from, from + STAGE_CHUNK)) stage.run(cell)
  })
  try {
    for (let from = 0; from < data.cells.length; from += STAGE_CHUNK) {
      stageChunk(from)
      options.onCells?.(from)
      await new Promise((resolve) => setImmediate(resolve))
    }
    const started = performance.now()
    sqlite
      .transaction(() => {
        const importIds = writeRegionsAndImports(db, data, options)
        const ids = JSON.stringify(Object.fromEntries(importIds))
        sqlite
          .prepare(
            `INSERT INTO indicator_values (${cellColumns})
           SELECT @tableId, "column", source_column, category, region_code, period, value, missing_reason,
             json_extract(@ids, '$."' || period || '"')
           FROM temp.cbs_staging WHERE true
           ORDER BY "column", category, region_code, period
           ${onCellConflict}`,
          )
          .run({ tableId: data.table.id, ids })
      })
      .immediate()
    return { swapMs: performance.now() - started }
  } finally {
    sqlite.exec('DROP TABLE IF EXISTS temp.cbs_staging')
  }
}
