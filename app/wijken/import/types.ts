import { t, type Locale } from '~/i18n'
import type { importNl } from '~/i18n/import.nl'
import type { ownImportNl } from '~/i18n/own-figures.nl'

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
  /** OData: the envelope's `odata.metadata` address, which names the table (…/OData/85984NED/$metadata…). */
  metadata?: string
  /** A StatLine download: each column's header as written in the file, by the key it was given (csv.ts). */
  headers?: Record<string, string>
}

/** The texts of the importer's issues, in app/i18n/import.nl.ts and import.en.ts. */
export type ImportIssueKey = Exclude<keyof typeof importNl | keyof typeof ownImportNl, `import.where.${string}`>
export type ImportIssueVars = Record<string, string | number>

/** Where in the file an issue is, if anywhere. */
export interface IssueLocation {
  line?: number
  column?: string
}

/**
 * One thing wrong with (or worth saying about) a file. `key` and `vars` let each reader see it in
 * their own language; `message` is its Dutch text, which the CLI prints and the JSON report and
 * the error message carry.
 */
export interface ImportIssue extends IssueLocation {
  key: ImportIssueKey
  vars?: ImportIssueVars
  message: string
}

/** The one way an importer issue is made: its key, variables and place, with its Dutch text. */
export function importIssue(key: ImportIssueKey, vars?: ImportIssueVars, at: IssueLocation = {}): ImportIssue {
  return {
    ...(at.line !== undefined ? { line: at.line } : {}),
    ...(at.column !== undefined ? { column: at.column } : {}),
    key,
    ...(vars ? { vars } : {}),
    message: t('nl', key, vars),
  }
}

/** An issue's text in `locale` (without its place in the file). */
export function issueText(issue: ImportIssue, locale: Locale): string {
  return t(locale, issue.key, issue.vars)
}

/** An issue with its column named as the file writes it (a StatLine title rather than the key it was given). */
export function asWritten(issue: ImportIssue, headers: RawTable['headers']): ImportIssue {
  const written = issue.column !== undefined ? headers?.[issue.column] : undefined
  return written === undefined ? issue : { ...issue, column: written }
}

/** A file that cannot be imported; nothing of it was written. Its message is Dutch (CLI, logs). */
export class CbsImportError extends Error {
  constructor(
    readonly file: string,
    readonly issues: ImportIssue[],
    readonly kind: 'invalid' | 'person-level' | 'unknown-table' = 'invalid',
  ) {
    super(formatIssues(file, issues, 'nl'))
    this.name = 'CbsImportError'
  }

  /** The structured error report in Dutch, e.g. for JSON. */
  get report() {
    return {
      file: this.file,
      kind: this.kind,
      errors: this.issues.map(({ line, column, message }) => ({ line, column, message })),
    }
  }
}

/** `85990NED.csv, regel 3, kolom X: "veel" is geen getal.` in `locale`. */
export function formatIssue(file: string, issue: ImportIssue, locale: Locale): string {
  const where = [
    file,
    issue.line !== undefined ? t(locale, 'import.where.line', { line: issue.line }) : null,
    issue.column ? t(locale, 'import.where.column', { column: issue.column }) : null,
  ]
  return `${where.filter(Boolean).join(', ')}: ${issueText(issue, locale)}`
}

export function formatIssues(file: string, issues: ImportIssue[], locale: Locale): string {
  return issues.map((issue) => formatIssue(file, issue, locale)).join('\n')
}
