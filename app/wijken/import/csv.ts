import { CsvError, parse } from 'csv-parse/sync'
import { statlineColumnKeys } from './statline-headers'
import { importIssue, type ImportIssue, type RawTable } from './types'

const MAX_ISSUES = 25

/**
 * The field separator, told from the header line outside quotes: `;` (CBS's TypedDataSet CSV and
 * StatLine's Dutch download), else `,` or a tab (a spreadsheet's own export of an organisation's
 * figures). Null when the header has none of them.
 */
function delimiterOf(text: string): string | null {
  const header = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '')
  for (const d of [';', ',', '\t']) if (header.includes(d)) return d
  return null
}

/**
 * Parses a CSV file with csv-parse: the TypedDataSet files (`;`, no quoting, padded cells) and
 * StatLine's own downloads (quoted fields, titles with their unit as headers, `.` and `x` cells),
 * UTF-8 with or without BOM, LF or CRLF. Title headers are given their CBS keys where the table is
 * known (statline-headers.ts); `headers` keeps each column as written, for messages and sources.
 * Cells stay text (padding included); interpreting them is `normalize.ts`'s job.
 */
export function parseCbsCsv(text: string): { table: RawTable; issues: ImportIssue[] } {
  const issues: ImportIssue[] = []
  const table: RawTable = { format: 'csv', columns: [], rows: [] }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const delimiter = delimiterOf(body)
  if (!delimiter) return { table, issues: [importIssue('import.issue.csv.noDelimiter', undefined, { line: 1 })] }

  let records: Array<{ record: string[]; info: { lines: number } }>
  try {
    records = parse(body, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records
  } catch (error) {
    if (!(error instanceof CsvError)) throw error
    return { table, issues: [quoteIssue(error, body, delimiter)] }
  }
  const [head, ...data] = records
  const written = (head?.record ?? []).map((c) => c.trim())
  const columns = statlineColumnKeys(written)
  table.columns = columns
  if (columns.some((c, i) => c !== written[i]))
    table.headers = Object.fromEntries(columns.map((c, i) => [c, written[i]!]))
  if (columns.length < 2) {
    issues.push(importIssue('import.issue.csv.noDelimiter', undefined, { line: 1 }))
    return { table, issues }
  }
  const seen = new Set<string>()
  for (const [i, column] of columns.entries()) {
    if (column === '') issues.push(importIssue('import.issue.csv.emptyHeader', { position: i + 1 }, { line: 1 }))
    else if (seen.has(column))
      issues.push(importIssue('import.issue.csv.duplicateHeader', undefined, { line: 1, column: written[i] }))
    seen.add(column)
  }
  for (const { record, info } of data) {
    // csv-parse counts the line a record ends on; a quoted field may span lines
    const line = info.lines - record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0)
    if (record.every((field) => field.trim() === '')) continue
    if (record.length !== columns.length) {
      if (issues.length < MAX_ISSUES)
        issues.push(
          importIssue('import.issue.csv.fieldCount', { fields: record.length, header: columns.length }, { line }),
        )
      continue
    }
    const cells: Record<string, string> = {}
    columns.forEach((column, j) => (cells[column] = record[j]!))
    table.rows.push({ line, cells })
  }
  return { table, issues }
}

/** Broken quoting, named by line and (where csv-parse knows it) the column as written in the header. */
function quoteIssue(error: CsvError, body: string, delimiter: string): ImportIssue {
  const line = typeof error.lines === 'number' && error.lines > 0 ? error.lines : undefined
  const header = (() => {
    try {
      return (parse(body.split(/\r?\n/, 1)[0] ?? '', { delimiter }) as string[][])[0] ?? []
    } catch {
      return []
    }
  })()
  const index = typeof error.column === 'number' ? error.column : undefined
  const column = index !== undefined && line !== 1 ? header[index]?.trim() : undefined
  const key = error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'import.issue.csv.quoteNotClosed' : 'import.issue.csv.badQuote'
  return importIssue(key, undefined, { ...(line ? { line } : {}), ...(column ? { column } : {}) })
}
