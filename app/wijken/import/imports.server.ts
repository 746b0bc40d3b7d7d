/**
 * The imports that are in the database (cbs_imports: one row per table, period and file) and
 * removing one with the values it wrote (indicator_values.import_id). Who may do this is
 * requireAdmin's rule (app/auth/admin.server.ts); the callers check it.
 */
import { desc, eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { cbsImports, indicatorValues, users } from '../../../db/schema'
import { cbsTables } from './tables'

/** One import as the import page lists it. */
export interface ImportListItem {
  id: number
  tableId: string
  /** the table's CBS title, if Wijkatelier knows the table */
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

/** Newest first. */
export function listImports(db: Db): ImportListItem[] {
  const rows = db
    .select({
      id: cbsImports.id,
      tableId: cbsImports.tableId,
      period: cbsImports.period,
      fileName: cbsImports.fileName,
      rowCount: cbsImports.rowCount,
      importedAt: cbsImports.importedAt,
      importedBy: users.name,
    })
    .from(cbsImports)
    .leftJoin(users, eq(users.id, cbsImports.importedBy))
    .orderBy(desc(cbsImports.importedAt), desc(cbsImports.id))
    .all()
  const counts = new Map(
    (
      db.$client
        .prepare('SELECT import_id AS id, count(*) AS n FROM indicator_values WHERE import_id IS NOT NULL GROUP BY 1')
        .all() as Array<{ id: number; n: number }>
    ).map((r) => [r.id, r.n]),
  )
  return rows.map((r) => ({
    ...r,
    title: cbsTables[r.tableId]?.title ?? null,
    valueCount: counts.get(r.id) ?? 0,
    importedAt: r.importedAt.toISOString(),
  }))
}

export function getImport(db: Db, id: number): ImportListItem | undefined {
  return listImports(db).find((item) => item.id === id)
}

/** A form's or URL's import id, or null for anything that is not a positive integer. */
export function parseImportId(raw: FormDataEntryValue | string | null | undefined): number | null {
  if (typeof raw !== 'string' || !/^[1-9]\d{0,15}$/.test(raw)) return null
  return Number(raw)
}

/**
 * Removes an import and every value that still comes from it, in one transaction: a profile
 * reads all of the import's cells or none of them, and the values other imports wrote stay as
 * they are (a cell a later import replaced belongs to that import). Returns the number of values
 * removed, or null if there is no such import.
 *
 * A single DELETE inside SQLite (no JavaScript per row), so it holds the write lock as briefly as
 * an import's final move; the rooms' commits wait for it, they do not fail (ADR 008).
 */
export function removeImport(db: Db, id: number): { values: number } | null {
  return db.transaction((tx) => {
    const found = tx.select({ id: cbsImports.id }).from(cbsImports).where(eq(cbsImports.id, id)).get()
    if (!found) return null
    const values = tx.delete(indicatorValues).where(eq(indicatorValues.importId, id)).run().changes
    tx.delete(cbsImports).where(eq(cbsImports.id, id)).run()
    return { values }
  })
}
