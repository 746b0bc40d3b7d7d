import { columnWords, passesElfproef, personLevel } from '~/wijken/privacy'
import { periodColumn, regionCodeColumn, regionNameColumn } from './region-columns'
import { keyStem } from './tables'
import { cbsFigureStems, knownCbsStems } from './table-recognition'
import { CbsImportError, importIssue, type ImportIssueVars, type RawCell, type RawRow, type RawTable } from './types'

const { isPersonColumn, containsBsn, postcodeWithNumber, fullDate, personName, identifier, crowdedRows } = personLevel
export { columnWords, containsBsn, passesElfproef }

/** Why a file looks person-level; each has its sentence `import.issue.personLevel.<reason>`. */
type PersonLevelReason =
  'columns' | 'postcode' | 'postcodeInColumn' | 'noRegion' | 'bsn' | 'date' | 'identifiers' | 'names' | 'rowsPerRegion'

const categoryStems = ['Vormen', 'VormenVanJeugdzorg']

/**
 * Refuses a file that looks like data about individual people, by its columns and by the shape of
 * its data, before anything else reads it (the whole file, nothing stored): a column that names a
 * person or address; a postcode with a house number, a BSN-like number (elfproef) or a calendar
 * date in any cell; a column of identifiers or of names that no CBS table has; several rows for
 * one region, period and category (a row per person); or no region at all (an aggregate table has
 * a region in every row). A file that names its regions but gives no codes is refused too, as
 * names only (they are ambiguous), not as data about people. The rules are app/wijken/privacy.ts's
 * (`personLevel`); this applies them to a file. Wijkatelier only uses figures per region; see
 * docs/privacy.md.
 */
export function refusePersonLevel(raw: RawTable, file: string): void {
  const refuse = (reason: PersonLevelReason, vars?: ImportIssueVars, at: { line?: number; column?: string } = {}) => {
    throw new CbsImportError(file, [importIssue(`import.issue.personLevel.${reason}`, vars, at)], 'person-level')
  }
  const personal = raw.columns.filter(isPersonColumn)
  if (personal.length) refuse('columns', { columns: personal.join(', ') })
  const words = raw.columns.map((c) => columnWords(c).join(''))
  if (words.includes('postcode') && words.some((c) => c.startsWith('huisnummer'))) refuse('postcode')

  // A plain number in a figure column of a CBS table is a figure (a 9-digit count may pass the
  // elfproef by chance); anywhere else, and inside any text, a BSN-like number refuses the file.
  const figures = new Set(raw.columns.filter((c) => cbsFigureStems.has(keyStem(c))))
  const plainNumber = (value: RawCell) => typeof value === 'number' || /^\s*\d+(\.0+)?\s*$/.test(String(value))
  for (const row of raw.rows) {
    for (const [column, value] of Object.entries(row.cells)) {
      if (!(figures.has(column) && plainNumber(value)) && containsBsn(value))
        refuse('bsn', { column, line: row.line }, { line: row.line, column })
      if (typeof value !== 'string') continue
      const text = value.trim()
      if (postcodeWithNumber.test(text))
        refuse('postcodeInColumn', { column, line: row.line }, { line: row.line, column })
      if (fullDate.test(text)) refuse('date', { column, line: row.line }, { line: row.line, column })
    }
  }

  // The region's code and name columns hold codes and area names; their names are checked against
  // the CBS names later (region-records.ts).
  const code = regionCodeColumn(raw)
  const name = regionNameColumn(raw)
  const foreign = raw.columns.filter((c) => !knownCbsStems.has(keyStem(c)) && c !== code && c !== name)
  for (const column of foreign) {
    const shape = columnShape(raw.rows, column)
    if (shape) refuse(shape.reason, { column, line: shape.line }, { line: shape.line, column })
  }

  const region = code ?? name
  if (!region) refuse('noRegion')
  const crowded = crowdedRegion(raw, code, region!)
  if (crowded) refuse('rowsPerRegion', crowded, { line: crowded.line, column: region })
}

/**
 * A file without region codes whose regions are only names ("Binnenstad", "Noord"): refused, since
 * a name is ambiguous (many gemeenten have a "Centrum"), with a message that says so. CBS's own
 * gemeente tables by name (85098NED, 85099NED) are matched to known gemeenten instead, by the
 * normaliser; this is for an organisation's own table.
 */
export function refuseNamesOnly(raw: RawTable, file: string): string {
  const code = regionCodeColumn(raw)
  if (code) return code
  const name = regionNameColumn(raw)
  throw new CbsImportError(file, [
    importIssue(name ? 'import.issue.own.namesOnly' : 'import.issue.own.noRegionCode', name ? { column: name } : {}, {
      line: 1,
      ...(name ? { column: name } : {}),
    }),
  ])
}

/**
 * A column no CBS table has whose values are identifiers (all distinct) or mostly people's names.
 * `ID` is the OData row number (0, 1, 2, …) unless its values are too large for one.
 */
function columnShape(rows: RawRow[], column: string): { reason: 'identifiers' | 'names'; line: number } | null {
  const filled = rows
    .map((row) => ({ line: row.line, text: row.cells[column] == null ? '' : String(row.cells[column]).trim() }))
    .filter((cell) => cell.text !== '')
  if (filled.length === 0) return null
  const ids = filled.filter((cell) => identifier.test(cell.text))
  const rowNumbers = keyStem(column) === 'ID' && filled.every((cell) => /^\d{1,6}$/.test(cell.text))
  const distinct = new Set(filled.map((cell) => cell.text)).size === filled.length
  if (!rowNumbers && ids.length === filled.length && distinct) return { reason: 'identifiers', line: ids[0]!.line }
  const names = filled.filter((cell) => personName.test(cell.text))
  if (names.length > 0 && names.length * 2 >= filled.length) return { reason: 'names', line: names[0]!.line }
  return null
}

const cellText = (row: RawRow, column: string | undefined) =>
  column && row.cells[column] != null ? String(row.cells[column]).trim() : ''

function crowdedRegion(
  raw: RawTable,
  code: string | undefined,
  region: string,
): { region: string; rows: number; line: number } | null {
  const period = periodColumn(raw)
  const category = raw.columns.find((c) => categoryStems.includes(keyStem(c)))
  const seen = new Map<string, { rows: number; line: number; name: string }>()
  for (const row of raw.rows) {
    const name = cellText(row, code) || cellText(row, region)
    const key = [name, cellText(row, period), cellText(row, category)].join('|')
    const entry = seen.get(key) ?? { rows: 0, line: row.line, name }
    entry.rows++
    seen.set(key, entry)
    if (entry.rows >= crowdedRows) return { region: entry.name || '–', rows: entry.rows, line: entry.line }
  }
  return null
}
