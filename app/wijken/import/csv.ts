import type { ImportIssue, RawTable } from './types'

/**
 * Parses a CBS StatLine CSV: `;`-separated, UTF-8 with or without BOM, LF or CRLF, no quoting.
 * Cells are kept as text (padding included); interpreting them is `normalize.ts`'s job.
 */
export function parseCbsCsv(text: string): {
  table: RawTable
  issues: ImportIssue[]
} {
  const issues: ImportIssue[] = []
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const lines = body.split(/\r?\n/)
  while (lines.length && lines[lines.length - 1]!.trim() === '') lines.pop()
  const header = (lines[0] ?? '').split(';').map((c) => c.trim())
  const table: RawTable = { format: 'csv', columns: header, rows: [] }
  if (header.length < 2) {
    issues.push({
      line: 1,
      message: 'Dit is geen CBS-tabel met puntkomma (;) als scheidingsteken.',
    })
    return { table, issues }
  }
  const seen = new Set<string>()
  for (const column of header) {
    if (column === '')
      issues.push({
        line: 1,
        message: 'De kopregel heeft een lege kolomnaam.',
      })
    else if (seen.has(column))
      issues.push({
        line: 1,
        column,
        message: 'Deze kolom staat twee keer in de kopregel.',
      })
    seen.add(column)
  }
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!
    if (line.trim() === '') continue
    const fields = line.split(';')
    if (fields.length !== header.length) {
      issues.push({
        line: i + 1,
        message: `Deze regel heeft ${fields.length} velden, de kopregel ${header.length}.`,
      })
      continue
    }
    const cells: Record<string, string> = {}
    header.forEach((column, j) => (cells[column] = fields[j]!))
    table.rows.push({ line: i + 1, cells })
  }
  return { table, issues }
}
