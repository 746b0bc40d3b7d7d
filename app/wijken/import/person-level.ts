import { keyStem } from './tables'
import { CbsImportError, importIssue, type ImportIssueVars, type RawTable } from './types'

/**
 * Column names that only occur in data about individual people. Compared after lower-casing
 * and removing everything but letters and digits, so "Geboorte-datum" and "BSN_1" match too.
 * (KWB's "Gemeentenaam" or "MeestVoorkomendePostcode" do not: whole names only.)
 */
const personColumns = new Set([
  'bsn',
  'burgerservicenummer',
  'sofinummer',
  'geboortedatum',
  'geboortedag',
  'gebdatum',
  'dateofbirth',
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

const squash = (column: string) =>
  keyStem(column)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')

/** Why a file looks person-level; each has its sentence `import.issue.personLevel.<reason>`. */
type PersonLevelReason = 'columns' | 'postcode' | 'postcodeInColumn' | 'noRegion'

/** "5211 AB 12" or "5211AB 12": a postcode with a house number points at one address. */
const postcodeWithNumber = /^\d{4}\s?[A-Za-z]{2}\s*\d+/

/**
 * Refuses a file that looks like data about individual people: a column that names a person
 * or address, a postcode with house number, or no region at all (an aggregate CBS table always
 * has a region per row). Wijkatelier only uses figures per region; see docs/privacy.md.
 */
export function refusePersonLevel(raw: RawTable, file: string): void {
  const refuse = (reason: PersonLevelReason, vars?: ImportIssueVars) => {
    throw new CbsImportError(file, [importIssue(`import.issue.personLevel.${reason}`, vars)], 'person-level')
  }
  const squashed = raw.columns.map(squash)
  const personal = raw.columns.filter((_, i) => personColumns.has(squashed[i]!))
  if (personal.length) refuse('columns', { columns: personal.join(', ') })
  if (squashed.includes('postcode') && squashed.some((c) => c.startsWith('huisnummer'))) refuse('postcode')
  for (const row of raw.rows.slice(0, 1000)) {
    for (const [column, value] of Object.entries(row.cells)) {
      if (typeof value === 'string' && postcodeWithNumber.test(value.trim()))
        refuse('postcodeInColumn', { column, line: row.line })
    }
  }
  const hasRegion = raw.columns.some((c) => ['Codering', 'WijkenEnBuurten', 'Wijken', 'RegioS'].includes(keyStem(c)))
  if (!hasRegion) refuse('noRegion')
}
