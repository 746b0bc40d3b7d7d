/**
 * Uploaded CBS files, or an organisation's own table (`own`), → the importer (which reads from a
 * path) → a report per file for the import page.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Locale } from '~/i18n'
import type { Db } from '../../db/client'
import { importCbsFile, type ImportReport } from './import/import.server'
import { importInWorker } from './import/run-import.server'
import { importOwnTableFile, type OwnTableMeta } from './own/own-store.server'
import { CbsImportError, issueText, type IssueLocation } from './import/types'

export const MAX_UPLOAD_MB = 20

/** What the import page shows of a file: its report or its errors, in the reader's language. */
export type UploadResult =
  | { ok: true; report: Omit<ImportReport, 'warningIssues'> }
  | { ok: false; file: string; kind: CbsImportError['kind']; errors: Array<IssueLocation & { message: string }> }

/**
 * Each upload is written to a private temp folder (removed afterwards) under its own sanitised
 * name, which its import keeps, and imported in a worker thread (ADR 008), so the page never
 * parses or writes on the event loop that relays the rooms. `importedBy` is the administrator.
 */
export async function importUploads(
  db: Db,
  files: File[],
  locale: Locale,
  importedBy?: string,
  own?: OwnTableMeta,
): Promise<UploadResult[]> {
  const results: UploadResult[] = []
  for (const file of files) {
    const name = path.basename(file.name || 'upload.csv').replace(/[^\w.-]/g, '_') || 'upload.csv'
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijkatelier-import-'))
    const filePath = path.join(dir, name)
    try {
      fs.writeFileSync(filePath, Buffer.from(await file.arrayBuffer()))
      const { warningIssues, ...report } = await importFile(db, filePath, importedBy, own)
      results.push({ ok: true, report: { ...report, warnings: warningIssues.map((w) => issueText(w, locale)) } })
    } catch (error) {
      if (!(error instanceof CbsImportError)) throw error
      const errors = error.issues.map((e) => ({ line: e.line, column: e.column, message: issueText(e, locale) }))
      results.push({ ok: false, file: name, kind: error.kind, errors })
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
  return results
}

/** In a worker where the database is a file; in-process for an in-memory database (which a worker cannot open). */
async function importFile(db: Db, filePath: string, importedBy?: string, own?: OwnTableMeta): Promise<ImportReport> {
  const databasePath = db.$client.name
  if (db.$client.memory || !databasePath)
    return own ? importOwnTableFile(db, filePath, own, { importedBy }) : importCbsFile(db, filePath, { importedBy })
  const { stats: _, ...report } = await importInWorker({ databasePath, filePath, importedBy, own })
  return report
}
