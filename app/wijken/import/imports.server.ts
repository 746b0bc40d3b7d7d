/**
 * The imports readers see (cbs_imports: one row per table, period and file) and removing one with
 * the values it wrote (indicator_values.import_id), as a writer of CBS figures (ADR 013). Who may
 * do this is requireAdmin's rule (app/auth/admin.server.ts); the callers check it.
 */
import { and, desc, eq, isNull, lte } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { cbsImports, ownTables, users } from '../../../db/schema'
import {
  CbsWriter,
  finishPending,
  purgeImport,
  readCbsState,
  runInShortTransactions,
  type Chunk,
  type ShortTransactionOptions,
  type Steps,
} from './generations.server'
import { cbsTables } from './tables'

/** One import as the import page lists it. */
export interface ImportListItem {
  id: number
  tableId: string
  /** the table's CBS title, if Wijkatelier knows the table; an own table's name and organisation */
  title: string | null
  period: string
  fileName: string
  rowCount: number
  /** values of this import still in the database (a later import of the same cells took the rest) */
  valueCount: number
  importedAt: string
  /** the administrator's name; null for the bundled data loaded on first start and for the CLI */
  importedBy: string | null
}

/**
 * Per import, its values readers see. Normally one row per cell; right after an import became
 * current, until the rows it replaced are deleted, a replaced row is not counted.
 */
function visibleValueCounts(db: Db, generation: number, cleanedGeneration: number): Map<number, number> {
  const replaced =
    cleanedGeneration < generation
      ? `AND NOT EXISTS (SELECT 1 FROM indicator_values n WHERE n.table_id = v.table_id AND n."column" = v."column"
          AND n.category = v.category AND n.region_code = v.region_code AND n.period = v.period
          AND n.generation > v.generation AND n.generation <= @generation)`
      : ''
  const rows = db.$client
    .prepare(
      `SELECT v.import_id AS id, count(*) AS n FROM indicator_values v
       WHERE v.import_id IS NOT NULL AND v.generation <= @generation ${replaced} GROUP BY 1`,
    )
    .all({ generation }) as Array<{ id: number; n: number }>
  return new Map(rows.map((r) => [r.id, r.n]))
}

/** Newest first: the imports readers see (not one still being written, not one being removed). */
export function listImports(db: Db): ImportListItem[] {
  // one read transaction: the rows and the counts of the same generation
  return db.transaction(() => {
    const { generation, cleanedGeneration } = readCbsState(db.$client)
    const rows = db
      .select({
        id: cbsImports.id,
        tableId: cbsImports.tableId,
        period: cbsImports.period,
        fileName: cbsImports.fileName,
        rowCount: cbsImports.rowCount,
        importedAt: cbsImports.importedAt,
        importedBy: users.name,
        ownTitle: ownTables.title,
        ownOrganisation: ownTables.organisation,
      })
      .from(cbsImports)
      .leftJoin(users, eq(users.id, cbsImports.importedBy))
      .leftJoin(ownTables, eq(ownTables.id, cbsImports.tableId))
      .where(and(lte(cbsImports.generation, generation), isNull(cbsImports.removedAt)))
      .orderBy(desc(cbsImports.importedAt), desc(cbsImports.id))
      .all()
    const counts = visibleValueCounts(db, generation, cleanedGeneration)
    return rows.map(({ ownTitle, ownOrganisation, ...r }) => ({
      ...r,
      title: cbsTables[r.tableId]?.title ?? (ownTitle ? `${ownTitle} (${ownOrganisation})` : null),
      valueCount: counts.get(r.id) ?? 0,
      importedAt: r.importedAt.toISOString(),
    }))
  })
}

export function getImport(db: Db, id: number): ImportListItem | undefined {
  return listImports(db).find((item) => item.id === id)
}

/** A form's or URL's import id, or null for anything that is not a positive integer. */
export function parseImportId(raw: FormDataEntryValue | string | null | undefined): number | null {
  if (typeof raw !== 'string' || !/^[1-9]\d{0,15}$/.test(raw)) return null
  return Number(raw)
}

/** The removal as steps: the switch (the import is gone for every reader), then its values. */
function* removeSteps(db: Db, chunk: Chunk, id: number): Steps<{ values: number } | null> {
  const sqlite = db.$client
  yield* finishPending(sqlite, chunk)
  const found = sqlite
    .prepare(
      `SELECT id FROM cbs_imports WHERE id = ? AND removed_at IS NULL
        AND generation <= (SELECT generation FROM cbs_data_state WHERE id = 1)`,
    )
    .get(id)
  if (!found) return null
  sqlite.prepare('UPDATE cbs_imports SET removed_at = ? WHERE id = ?').run(Date.now(), id)
  yield 0
  // finishPending left one row per cell, so every value deleted now is one readers saw until the switch
  return { values: yield* purgeImport(sqlite, chunk, id) }
}

/**
 * Removes an import and every value that still comes from it. One small transaction takes it away
 * for every reader at once (a profile shows all of the import's cells or none); its values are then
 * deleted in short transactions, so rooms never wait long (ADR 013), and if the process dies in
 * between the next writer deletes the rest. The values other imports wrote stay as they are (a cell
 * a later import replaced belongs to that import). Waits while another import or removal is written.
 * Returns the number of values removed, or null if there is no such import.
 */
export async function removeImport(
  db: Db,
  id: number,
  options: ShortTransactionOptions = {},
): Promise<{ values: number } | null> {
  const writer = await CbsWriter.acquire(db.$client)
  try {
    const { result } = await runInShortTransactions(db.$client, writer, (chunk) => removeSteps(db, chunk, id), options)
    return result
  } finally {
    writer.release()
  }
}
