/** A cell as read from a file: CSV text, or an OData typed value. */
export type RawCell = string | number | boolean | null

/** One data row; `line` is the file line (CSV, header = line 1) or the 1-based row number (JSON). */
export interface RawRow {
  line: number
  cells: Record<string, RawCell>
}

export interface RawTable {
  format: 'csv' | 'odata'
  columns: string[]
  rows: RawRow[]
  /** Topic keys from DataProperties shipped inside the JSON file, in order. */
  dataPropertyKeys?: string[]
}

/** One thing wrong with a file. Messages are Dutch: they are shown to the person importing. */
export interface ImportIssue {
  line?: number
  column?: string
  message: string
}

/** A file that cannot be imported; nothing of it was written. */
export class CbsImportError extends Error {
  constructor(
    readonly file: string,
    readonly issues: ImportIssue[],
    readonly kind: 'invalid' | 'person-level' | 'unknown-table' = 'invalid',
  ) {
    super(formatIssues(file, issues))
    this.name = 'CbsImportError'
  }

  /** The structured error report, e.g. for JSON. */
  get report() {
    return { file: this.file, kind: this.kind, errors: this.issues }
  }
}

export function formatIssue(file: string, issue: ImportIssue): string {
  const where = [
    file,
    issue.line !== undefined ? `regel ${issue.line}` : null,
    issue.column ? `kolom ${issue.column}` : null,
  ]
  return `${where.filter(Boolean).join(', ')}: ${issue.message}`
}

export function formatIssues(file: string, issues: ImportIssue[]): string {
  return issues.map((issue) => formatIssue(file, issue)).join('\n')
}
