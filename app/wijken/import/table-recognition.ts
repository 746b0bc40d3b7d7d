import { parsePeriod } from '~/wijken/periods'
import { KWB_2024_KEYS } from './kwb-keys'
import { categoryStems, cbsTables, keyStem, referenceKeysFor, regionDimensionStems, type CbsTableSpec } from './tables'
import { CbsImportError, importIssue, type RawTable } from './types'

const baseStem = (stem: string) => stem.replace(/#\d+$/, '')

/** Every key stem some CBS table the importer knows has (figures, text, dimensions, the OData row id). */
export const knownCbsStems: ReadonlySet<string> = new Set([
  'ID',
  ...categoryStems,
  ...KWB_2024_KEYS.map(keyStem),
  ...Object.values(cbsTables).flatMap((t) => [...t.measures.map(baseStem), ...t.text]),
])

/** Every key stem that is a figure in some CBS table the importer knows. */
export const cbsFigureStems: ReadonlySet<string> = new Set(
  Object.values(cbsTables).flatMap((t) => t.measures.map(baseStem)),
)

/** The region columns each family's files carry (KWB's keyed JSON gets `Codering` from its keys). */
const regionStemsOf = (table: CbsTableSpec) =>
  table.regionsByName ? ['RegioS'] : ['Codering', ...regionDimensionStems.filter((s) => s !== 'RegioS')]

/** The category column a table has, if any. */
const categoryOf: Partial<Record<string, string>> = {
  '85990NED': 'Vormen',
  '85685NED': 'VormenVanJeugdzorg',
  '85099NED': 'VormenVanJeugdzorg',
}

/** How strongly a file's content fits a table: exact keys of a known edition beat key stems alone. */
interface Fit {
  table: CbsTableSpec
  exactKeys: boolean
  measures: number
}

/** The years of the periods in the file's Perioden column (unreadable ones are the normaliser's to report). */
function periodYears(raw: RawTable): Set<string> {
  const column = raw.columns.find((c) => keyStem(c) === 'Perioden')
  const years = new Set<string>()
  if (!column) return years
  for (const row of raw.rows) {
    const period = parsePeriod(String(row.cells[column] ?? '').trim())
    if (period) years.add(period.slice(0, 4))
  }
  return years
}

/** Whether the file's columns (and periods) are those of `table`; null when they are not. */
export function fitOf(raw: RawTable, table: CbsTableSpec, years = periodYears(raw)): Fit | null {
  const stems = raw.columns.map(keyStem)
  if (!stems.some((s) => regionStemsOf(table).includes(s))) return null
  const category = stems.find((s) => categoryStems.includes(s))
  if (category && category !== categoryOf[table.id]) return null
  const measureColumns = raw.columns.filter((c) => table.measures.map(baseStem).includes(keyStem(c)))
  if (measureColumns.length === 0) return null
  // An edition whose key list is known is told apart by its keys: the suffix moves every edition.
  const reference = referenceKeysFor(table.id)
  if (reference && !measureColumns.every((c) => reference.includes(c))) return null
  // A table per year (youth care per wijk, 2023 and 2024 editions) holds only its own year.
  const year = table.year ? String(table.year) : null
  if (year && [...years].some((y) => y !== year)) return null
  return { table, exactKeys: Boolean(reference), measures: measureColumns.length }
}

/** What the file says about itself: OData's metadata address, or a table id in its name or given by hand. */
export interface TableClaims {
  /** From the OData envelope (`odata.metadata`): content, so it may choose between equal fits. */
  metadata?: string
  /** Given by whoever imports (`import:cbs --table`): may choose between equal fits too. */
  option?: string
  /** The file name: never decides, but a file whose name names another table is refused. */
  fileName?: string
}

type RecognitionIssue =
  | 'import.issue.unknownTable'
  | 'import.issue.ambiguousTable'
  | 'import.issue.claimMismatch'
  | 'import.issue.claimUnmatched'

const tableIdIn = (text: string | undefined) => /(\d{5}NED)/i.exec(text ?? '')?.[1]?.toUpperCase()

/**
 * Recognises the CBS table of a parsed file from its content: its columns (key stems, and the exact
 * keys where the edition's key list is known), its category column and its periods. Never from the
 * file name (issue 7: a file named 85984NED was labelled so whatever it held). Where several editions
 * fit equally, the OData metadata or the `option` chooses among them. A table the file claims (by
 * name, metadata or option) that its columns do not fit is refused with a message naming both.
 */
export function recogniseTable(raw: RawTable, file: string, claims: TableClaims = {}): CbsTableSpec {
  const fits = Object.values(cbsTables)
    .map((table) => fitOf(raw, table))
    .filter((fit): fit is Fit => fit !== null)
  const best = fits.filter(
    (fit) =>
      !fits.some(
        (other) =>
          other.exactKeys > fit.exactKeys || (other.exactKeys === fit.exactKeys && other.measures > fit.measures),
      ),
  )
  const claimed = [claims.option, claims.metadata, claims.fileName].map(tableIdIn).filter((id): id is string => !!id)
  const chooser = [tableIdIn(claims.option), tableIdIn(claims.metadata)].find(Boolean)
  const chosen = best.length === 1 ? best[0] : best.find((fit) => fit.table.id === chooser)

  const refuse = (key: RecognitionIssue, vars?: Record<string, string>): never => {
    throw new CbsImportError(file, [importIssue(key, vars)], 'unknown-table')
  }
  if (chosen) {
    const wrong = claimed.find((id) => id !== chosen.table.id)
    if (wrong) refuse('import.issue.claimMismatch', { claimed: wrong, found: chosen.table.id })
    return chosen.table
  }
  // A name among equally fitting editions is not wrong, but it does not choose either.
  const wrong = claimed.find((id) => !best.some((fit) => fit.table.id === id))
  if (wrong) refuse('import.issue.claimUnmatched', { claimed: wrong })
  if (best.length > 1) refuse('import.issue.ambiguousTable', { tables: best.map((fit) => fit.table.id).join(', ') })
  return refuse('import.issue.unknownTable')
}
