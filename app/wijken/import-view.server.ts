/** Uploaded CBS files → the importer (which reads from a path) → a report per file for the import page. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Db } from '../../db/client'
import { importCbsFile, type ImportReport } from './import/import.server'
import { CbsImportError, type ImportIssue } from './import/types'

export const MAX_UPLOAD_MB = 20

export type UploadResult =
  { ok: true; report: ImportReport } | { ok: false; file: string; kind: CbsImportError['kind']; errors: ImportIssue[] }

/**
 * The importer recognises a table by its file name and format by its extension, so the upload is
 * written under its own (sanitised) name in a private temp folder, which is removed afterwards.
 */
export async function importUploads(db: Db, files: File[]): Promise<UploadResult[]> {
  const results: UploadResult[] = []
  for (const file of files) {
    const name = path.basename(file.name || 'upload.csv').replace(/[^\w.-]/g, '_') || 'upload.csv'
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijkatelier-import-'))
    const filePath = path.join(dir, name)
    try {
      fs.writeFileSync(filePath, Buffer.from(await file.arrayBuffer()))
      results.push({ ok: true, report: importCbsFile(db, filePath) })
    } catch (error) {
      if (!(error instanceof CbsImportError)) throw error
      results.push({ ok: false, file: name, kind: error.kind, errors: error.issues })
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
  return results
}
