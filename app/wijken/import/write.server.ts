/**
 * Writing a checked file (ADR 004: each cell it carries replaces the stored one) as the next
 * generation of CBS figures (ADR 013, generations.server.ts): its cells go in under a generation
 * nobody sees yet, one small transaction makes that generation current together with the file's
 * regions and imports, and the rows it replaced are deleted afterwards.
 */
import type { Db } from '../../../db/client'
import {
  CbsWriter,
  deleteReplaced,
  finishPending,
  readCbsState,
  runInOneTransaction,
  runInShortTransactions,
  type Chunk,
  type ShortTransactionOptions,
  type ShortTransactionStats,
  type Steps,
} from './generations.server'
import type { NormalizedRegion, NormalizedTable } from './normalize'

export interface WriteOptions {
  fileName: string
  importedBy?: string
  /** Called now and then with how far the write is, in cells (staging and moving count half each). */
  onCells?: (written: number) => void
  /** Called once if another import or removal is being written and this one waits for it. */
  onWait?: () => void
  /**
   * Writes what belongs with the figures inside the switch, so it becomes visible with them (an own
   * table's indicator definitions, app/wijken/own/own-store.server.ts).
   */
  onSwitch?: (sqlite: Sqlite) => void
}

export type Sqlite = Db['$client']

const cellColumns = `table_id, "column", source_column, category, region_code, period, value, missing_reason, import_id, generation`
// a file that carries a cell twice: the later one counts (cells are moved in the file's order)
const onCellConflict = `ON CONFLICT(table_id, "column", category, region_code, period, generation) DO UPDATE SET
  value = excluded.value, missing_reason = excluded.missing_reason, source_column = excluded.source_column,
  import_id = excluded.import_id`

/** How the cells of one file get into indicator_values: `move(from, to)` writes cells [from, to). */
interface CellSource {
  count: number
  move(from: number, to: number, generation: number, importIds: Map<string, number>): void
}

/** Straight from the parsed cells, one statement per cell (inside one transaction, nothing waits). */
function directSource(sqlite: Sqlite, data: NormalizedTable): CellSource {
  const insert = sqlite.prepare(
    `INSERT INTO indicator_values (${cellColumns})
     VALUES (@tableId, @column, @sourceColumn, @category, @regionCode, @period, @value, @missingReason, @importId, @generation)
     ${onCellConflict}`,
  )
  return {
    count: data.cells.length,
    move(from, to, generation, importIds) {
      for (const cell of data.cells.slice(from, to))
        insert.run({ ...cell, tableId: data.table.id, importId: importIds.get(cell.period)!, generation })
    },
  }
}

/**
 * From the connection's TEMP table `cbs_staging` (rowid 1…n in the file's order), one INSERT … SELECT
 * per chunk, so a chunk holds the lock without a JavaScript call per row (ADR 008). A CBS file has
 * a row per region, so the chunks go region by region, and with the cell index starting with the
 * region a chunk touches a few pages of each index. (In column order, one column across a thousand
 * regions, every commit rewrote a page of the region index per row.)
 */
function stagedSource(sqlite: Sqlite, data: NormalizedTable, count: number): CellSource {
  const insert = sqlite.prepare(
    `INSERT INTO indicator_values (${cellColumns})
     SELECT @tableId, "column", source_column, category, region_code, period, value, missing_reason,
       json_extract(@ids, '$."' || period || '"'), @generation
     FROM temp.cbs_staging WHERE rowid > @from AND rowid <= @to ORDER BY rowid
     ${onCellConflict}`,
  )
  return {
    count,
    move(from, to, generation, importIds) {
      const ids = JSON.stringify(Object.fromEntries(importIds))
      insert.run({ tableId: data.table.id, ids, generation, from, to })
    },
  }
}

/** The file's regions that are new or would change (the same rule as the upsert in `writeRegions`). */
function changedRegions(sqlite: Sqlite, regions: NormalizedRegion[]): NormalizedRegion[] {
  const find = sqlite.prepare('SELECT level, name, gemeente_code AS gemeenteCode FROM regions WHERE code = ?')
  return regions.filter((r) => {
    const stored = find.get(r.code) as { level: string; name: string; gemeenteCode: string | null } | undefined
    if (!stored) return true
    const name = r.hasTitle || stored.name === r.code ? r.name : stored.name
    return stored.level !== r.level || stored.gemeenteCode !== r.gemeenteCode || stored.name !== name
  })
}

function writeRegions(sqlite: Sqlite, regions: NormalizedRegion[]): void {
  const upsert = sqlite.prepare(
    `INSERT INTO regions (code, level, name, gemeente_code) VALUES (@code, @level, @name, @gemeenteCode)
     ON CONFLICT(code) DO UPDATE SET level = excluded.level, gemeente_code = excluded.gemeente_code,
       name = CASE WHEN @hasTitle = 1 OR regions.name = regions.code THEN excluded.name ELSE regions.name END`,
  )
  for (const r of regions) upsert.run({ ...r, hasTitle: r.hasTitle ? 1 : 0 })
}

interface ImportRow {
  tableId: string
  period: string
  fileName: string
  rowCount: number
  valueCount: number
  importedAt: number
  importedBy: string | null
}

/** One cbs_imports row per period of the file: what it will say once the generation is current. */
function importRows(data: NormalizedTable, options: WriteOptions): ImportRow[] {
  const valuesPerPeriod = new Map<string, number>()
  for (const c of data.cells) valuesPerPeriod.set(c.period, (valuesPerPeriod.get(c.period) ?? 0) + 1)
  const now = Date.now()
  return data.periods.map((period) => ({
    tableId: data.table.id,
    period,
    fileName: options.fileName,
    rowCount: data.rowsPerPeriod[period],
    valueCount: valuesPerPeriod.get(period) ?? 0,
    importedAt: now,
    importedBy: options.importedBy ?? null,
  }))
}

/**
 * The import's id per period. A file imported before keeps its rows (and ids; the new cells carry
 * them); a new one gets rows of generation `g`, which nobody lists before `g` is current.
 */
function reserveImports(sqlite: Sqlite, rows: ImportRow[], g: number): Map<string, number> {
  const insert = sqlite.prepare(
    `INSERT INTO cbs_imports (table_id, period, file_name, row_count, value_count, imported_at, imported_by, generation)
     VALUES (@tableId, @period, @fileName, @rowCount, @valueCount, @importedAt, @importedBy, @generation)
     ON CONFLICT(table_id, period, file_name) DO NOTHING`,
  )
  const find = sqlite.prepare('SELECT id FROM cbs_imports WHERE table_id = ? AND period = ? AND file_name = ?')
  const ids = new Map<string, number>()
  for (const row of rows) {
    insert.run({ ...row, generation: g })
    ids.set(row.period, (find.get(row.tableId, row.period, row.fileName) as { id: number }).id)
  }
  return ids
}

/**
 * The import as steps (generations.server.ts): finish what an earlier writer left, move the cells
 * in under generation g = current + 1, then the switch: regions, the imports' rows and g current,
 * in one small transaction; then delete the rows g replaced.
 */
function* importSteps(
  sqlite: Sqlite,
  chunk: Chunk,
  source: CellSource,
  regions: (sqlite: Sqlite) => NormalizedRegion[],
  rows: ImportRow[],
  onMoved: (moved: number) => void,
  onSwitch?: (sqlite: Sqlite) => void,
): Steps<void> {
  yield* finishPending(sqlite, chunk)
  const g = readCbsState(sqlite).generation + 1
  const importIds = reserveImports(sqlite, rows, g)
  yield 0
  for (let from = 0; from < source.count;) {
    const to = Math.min(source.count, from + chunk.rows)
    source.move(from, to, g, importIds)
    onMoved(to)
    yield to - from
    from = to
  }
  const changed = regions(sqlite)
  // The switch. Everything before it is invisible; from here on readers see the whole file.
  writeRegions(sqlite, changed)
  const update = sqlite.prepare(
    `UPDATE cbs_imports SET row_count = @rowCount, value_count = @valueCount, imported_at = @importedAt,
       imported_by = @importedBy WHERE id = @id`,
  )
  for (const row of rows) update.run({ ...row, id: importIds.get(row.period)! })
  onSwitch?.(sqlite)
  sqlite.prepare('UPDATE cbs_data_state SET generation = ? WHERE id = 1').run(g)
  yield 0
  yield* deleteReplaced(sqlite, chunk, g)
  sqlite.prepare('UPDATE cbs_data_state SET cleaned_generation = ? WHERE id = 1').run(g)
}

/**
 * Writes a checked file in ONE transaction: for the bundled data on first start and an in-memory
 * database, where no room is live. The whole file is written or nothing.
 */
export function writeCbsImport(db: Db, data: NormalizedTable, options: WriteOptions): void {
  const sqlite = db.$client
  const total = data.cells.length
  runInOneTransaction(sqlite, (chunk) =>
    importSteps(
      sqlite,
      chunk,
      directSource(sqlite, data),
      (s) => changedRegions(s, data.regions),
      importRows(data, options),
      (moved) => options.onCells?.(moved),
      options.onSwitch,
    ),
  )
  options.onCells?.(total)
}

const STAGE_CHUNK = 2000

/**
 * The same write beside live rooms (ADR 013): the cells go first into a TEMP table of this
 * connection, which never locks the shared database (ADR 008); then, holding the writer slot, the
 * steps run in short transactions. Readers see the old figures or the new ones, never half, also
 * if the process dies in between: then the next writer deletes the rows nobody saw.
 */
export async function writeCbsImportStaged(
  db: Db,
  data: NormalizedTable,
  options: WriteOptions & { transactions?: ShortTransactionOptions },
): Promise<ShortTransactionStats> {
  const sqlite = db.$client
  const total = data.cells.length
  sqlite.exec(`DROP TABLE IF EXISTS temp.cbs_staging;
    CREATE TEMP TABLE cbs_staging ("column" TEXT, source_column TEXT, category TEXT, region_code TEXT,
      period TEXT, value REAL, missing_reason TEXT)`)
  const stage = sqlite.prepare(
    `INSERT INTO temp.cbs_staging VALUES (@column, @sourceColumn, @category, @regionCode, @period, @value, @missingReason)`,
  )
  const stageChunk = sqlite.transaction((from: number) => {
    for (const cell of data.cells.slice(from, from + STAGE_CHUNK)) stage.run(cell)
  })
  let writer: CbsWriter | null = null
  try {
    for (let from = 0; from < total; from += STAGE_CHUNK) {
      stageChunk(from)
      options.onCells?.(Math.floor(from / 2))
      await new Promise((resolve) => setImmediate(resolve))
    }
    writer = await CbsWriter.acquire(sqlite, { onWait: options.onWait })
    const source = stagedSource(sqlite, data, total)
    const rows = importRows(data, options)
    // Read before the steps, outside any transaction: only the slot's holder writes regions.
    const changed = changedRegions(sqlite, data.regions)
    const { stats } = await runInShortTransactions(
      sqlite,
      writer,
      (chunk) =>
        importSteps(
          sqlite,
          chunk,
          source,
          () => changed,
          rows,
          (moved) => options.onCells?.(Math.floor((total + moved) / 2)),
          options.onSwitch,
        ),
      options.transactions,
    )
    return stats
  } finally {
    writer?.release()
    sqlite.exec('DROP TABLE IF EXISTS temp.cbs_staging')
  }
}
