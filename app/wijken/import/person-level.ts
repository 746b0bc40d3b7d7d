import { keyStem } from './tables'
import { cbsFigureStems, knownCbsStems } from './table-recognition'
import { CbsImportError, importIssue, type ImportIssueVars, type RawCell, type RawRow, type RawTable } from './types'

/**
 * Words that, as a word of a column name, only occur in data about individual people. A column
 * name is split into its words (camelCase, spaces, `_`, `-`), so "Naam ouder", "BSN kind" and
 * "GeboortedatumKind" match while KWB's "Gemeentenaam" or "MeestVoorkomendePostcode" do not.
 */
const personWords = new Set([
  'bsn',
  'burgerservicenummer',
  'sofinummer',
  'geboortedatum',
  'geboortedag',
  'gebdatum',
  'dateofbirth',
  'birthdate',
  'naam',
  'voornaam',
  'voornamen',
  'achternaam',
  'geslachtsnaam',
  'voorletters',
  'roepnaam',
  'name',
  'adres',
  'straat',
  'straatnaam',
  'huisnummer',
  'huisnr',
  'huisnummertoevoeging',
  'address',
  'telefoon',
  'telefoonnummer',
  'email',
  'emailadres',
  'clientnummer',
  'dossiernummer',
  'patientnummer',
])

/** Compounds that name a person's data wherever they occur in a name ("geboortedatumkind"). */
const personCompounds = ['burgerservicenummer', 'geboortedatum', 'sofinummer', 'dateofbirth', 'huisnummer']

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()

/** `GeboortedatumKind_3` → `geboortedatum`, `kind`; `Naam ouder` → `naam`, `ouder`. */
export function columnWords(column: string): string[] {
  return fold(keyStem(column).replace(/([a-z])([A-Z])/g, '$1 $2'))
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
}

function isPersonColumn(column: string): boolean {
  const words = columnWords(column)
  const squashed = words.join('')
  return words.some((w) => personWords.has(w)) || personCompounds.some((c) => squashed.includes(c))
}

/** The elfproef (11-test) of a 9-digit number, as BSNs (and old 8-digit ones, zero-padded) pass it. */
export function passesElfproef(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i)
  return (sum - Number(digits[8])) % 11 === 0
}

/** A BSN-like number in a cell: 9 digits (optionally written 1234.56.782 or 1234 56 782) passing the elfproef. */
export function containsBsn(value: RawCell): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && passesElfproef(String(value).padStart(9, '0'))
  if (typeof value !== 'string') return false
  for (const match of value.matchAll(/(?<![\d.])\d{4}[. ]?\d{2}[. ]?\d{3}(?![\d.])|(?<!\d)\d{9}(?!\d)/g))
    if (passesElfproef(match[0].replace(/\D/g, ''))) return true
  return false
}

/** "5211 AB 12" or "5211AB 12": a postcode with a house number points at one address. */
const postcodeWithNumber = /^\d{4}\s?[A-Za-z]{2}\s*\d+/

/** A calendar date (2015-01-31, 31-01-2015, 31/1/2015, 31.01.2015): CBS tables name periods, not days. */
const fullDate = /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})(?:[T ]\d{1,2}:\d{2}.*)?$/

/** A person's name: two to five words, the first and last capitalised ("Jan Jansen", "J. de Vries"). */
const personName = /^\p{Lu}[\p{L}'’.-]*(?:\s+[\p{L}'’.-]+){0,3}\s+\p{Lu}[\p{L}'’-]+$/u

/** An identifier: six or more digits, perhaps behind a few letters (`C-123456`, `1234567`). */
const identifier = /^[A-Za-z]{0,4}[-\s]?\d{6,}$/

/** Why a file looks person-level; each has its sentence `import.issue.personLevel.<reason>`. */
type PersonLevelReason =
  'columns' | 'postcode' | 'postcodeInColumn' | 'noRegion' | 'bsn' | 'date' | 'identifiers' | 'names' | 'rowsPerRegion'

const regionStems = ['Codering', 'WijkenEnBuurten', 'Wijken', 'RegioS']
const periodStem = 'Perioden'
const categoryStems = ['Vormen', 'VormenVanJeugdzorg']

/**
 * Refuses a file that looks like data about individual people, by its columns and by the shape of
 * its data, before anything else reads it (the whole file, nothing stored): a column that names a
 * person or address; a postcode with a house number, a BSN-like number (elfproef) or a calendar
 * date in any cell; a column of identifiers or of names that no CBS table has; several rows for
 * one region, period and category (a row per person); or no region at all (an aggregate CBS table
 * has a region in every row). Wijkatelier only uses figures per region; see docs/privacy.md.
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

  const foreign = raw.columns.filter((c) => !knownCbsStems.has(keyStem(c)))
  for (const column of foreign) {
    const shape = columnShape(raw.rows, column)
    if (shape) refuse(shape.reason, { column, line: shape.line }, { line: shape.line, column })
  }

  const region = raw.columns.find((c) => regionStems.includes(keyStem(c)))
  if (!region) refuse('noRegion')
  const crowded = crowdedRegion(raw, region!)
  if (crowded) refuse('rowsPerRegion', crowded, { line: crowded.line, column: region })
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

/** Rows per person show as one region, period and category on three or more rows (two is a typo, reported as such). */
const CROWDED = 3

function crowdedRegion(raw: RawTable, region: string): { region: string; rows: number; line: number } | null {
  const period = raw.columns.find((c) => keyStem(c) === periodStem)
  const category = raw.columns.find((c) => categoryStems.includes(keyStem(c)))
  const code = raw.columns.find((c) => keyStem(c) === 'Codering')
  const seen = new Map<string, { rows: number; line: number; name: string }>()
  for (const row of raw.rows) {
    const name = cellText(row, code) || cellText(row, region)
    const key = [name, cellText(row, period), cellText(row, category)].join('|')
    const entry = seen.get(key) ?? { rows: 0, line: row.line, name }
    entry.rows++
    seen.set(key, entry)
    if (entry.rows >= CROWDED) return { region: entry.name || '–', rows: entry.rows, line: entry.line }
  }
  return null
}
