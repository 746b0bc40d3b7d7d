import { columnWords } from '~/wijken/privacy'
import { splitTitle } from './statline-headers'
import { keyStem, regionDimensionStems } from './tables'
import type { RawCell, RawTable } from './types'

/**
 * Which columns of a file name its regions and periods, for CBS tables (by key stem) and for an
 * organisation's own table (by header and content: a "Wijkcode" column of WK-codes, padded or not).
 */

/** NL00/NL01, GM0796, WK079601, BU07960101; any case, spaces around. */
const regionCode = /^(NL0[01]|GM\d{4}|WK\d{6}|BU\d{8})$/i

const text = (value: RawCell | undefined) => (value === null || value === undefined ? '' : String(value).trim())

export const isRegionCodeText = (value: RawCell | undefined) => regionCode.test(text(value))

/** Words in a header that make it about an area: "Wijknaam", "Naam buurt", "Regio's". */
const areaWords = ['wijk', 'buurt', 'gemeente', 'regio', 'gebied', 'stadsdeel', 'region', 'area']
const isAreaHeader = (column: string) => columnWords(column).some((w) => areaWords.some((a) => w.startsWith(a)))

/** The column with the region codes: CBS's `Codering`, else the first whose every filled cell is one. */
export function regionCodeColumn(raw: Pick<RawTable, 'columns' | 'rows'>): string | undefined {
  const cbs = raw.columns.find((c) => keyStem(c) === 'Codering')
  if (cbs) return cbs
  return raw.columns.find((column) => {
    const filled = raw.rows.map((row) => text(row.cells[column])).filter((v) => v !== '')
    return filled.length > 0 && filled.every((v) => regionCode.test(v))
  })
}

/**
 * A column that names regions (not by code): CBS's region dimension (`WijkenEnBuurten`, `Wijken`,
 * `RegioS`) or a header about an area ("Wijk", "Wijknaam", "Gemeente") with text in it.
 */
export function regionNameColumn(raw: Pick<RawTable, 'columns' | 'rows'>): string | undefined {
  const cbs = raw.columns.find((c) => regionDimensionStems.includes(keyStem(c)))
  if (cbs) return cbs
  return raw.columns.find(
    (column) =>
      isAreaHeader(column) &&
      raw.rows.some((row) => /\p{L}/u.test(text(row.cells[column])) && !isRegionCodeText(row.cells[column])),
  )
}

const periodHeaders = ['perioden', 'periode', 'jaar', 'peiljaar', 'peildatum', 'period', 'year']

/** CBS's `Perioden`, or an own table's "Periode", "Jaar" or "Peildatum" column. */
export function periodColumn(raw: Pick<RawTable, 'columns'>): string | undefined {
  return raw.columns.find(
    (c) => keyStem(c) === 'Perioden' || periodHeaders.includes(columnWords(splitTitle(c).title).join('')),
  )
}
