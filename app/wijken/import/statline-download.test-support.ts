/**
 * Test files in the shape of StatLine's own download button, made from the bundled TypedDataSet
 * CSVs (db/data/cbs) by writing the SAME rows differently, so a test can compare what both give:
 * - every field quoted, `;` between them, UTF-8 with BOM, CRLF line ends;
 * - no OData `ID` column;
 * - headers are CBS titles with the unit in parentheses: KWB 2024's from its DataProperties
 *   ("Aantal inwoners (aantal)"), the region code as "Regiocode (gemeente, wijk, buurt) (code)",
 *   other tables' titles made from their keys ("Thuiswonend kind in eenouderhuishouden (aantal)")
 *   or, where CBS abbreviated the key, the full title;
 * - numbers without pandas' ".0", with a decimal comma, right-aligned in 10 spaces;
 * - an empty cell is CBS's "." (secret or not available);
 * - optionally the newest period marked provisional ("1e halfjaar 2024*").
 * See docs/wijk-data.md, "StatLine downloads".
 */
import { KWB_2024_KEYS } from './kwb-keys'
import { KWB_2024_TITLES } from './kwb-titles'
import { keyStem } from './tables'

const dimensionTitles: Record<string, string> = {
  WijkenEnBuurten: 'Wijken en buurten',
  Wijken: 'Wijken',
  RegioS: "Regio's",
  Perioden: 'Perioden',
  Vormen: 'Vormen',
  VormenVanJeugdzorg: 'Vormen van jeugdzorg',
}

const fullTitles: Record<string, string> = {
  JongerenMetJeugdhMetVerblInNat: 'Jongeren met jeugdhulp met verblijf in natura',
  JeugdbeschEnJeugdhMetVerblInNat: 'Jeugdbescherming en jeugdhulp met verblijf in natura',
  InwonersVanaf15JrTotAOWLeeftijd: 'Inwoners vanaf 15 jaar tot AOW-leeftijd',
  AOWUitkering: 'AOW-uitkering',
  Gemeentenaam: 'Gemeentenaam',
  SoortRegio: 'Soort regio',
}

const textUnits: Record<string, string> = { Gemeentenaam: 'naam', SoortRegio: 'omschrijving' }

/** `ThuiswonendKindInEenouderhuishouden` → "Thuiswonend kind in eenouderhuishouden"; `k_0Tot4Jaar` → "0 tot 4 jaar". */
const titleOf = (stem: string) =>
  fullTitles[stem] ??
  stem
    .replace(/^k_/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([a-z])(\d)/g, '$1 $2')
    .toLowerCase()
    .replace(/^./, (c) => c.toUpperCase())

function headerOf(key: string, seen: Map<string, number>): string {
  const stem = keyStem(key)
  if (dimensionTitles[stem]) return dimensionTitles[stem]
  if (stem === 'Codering') return 'Regiocode (gemeente, wijk, buurt) (code)'
  const kwb = (KWB_2024_KEYS as readonly string[]).indexOf(key)
  if (kwb >= 0) return `${KWB_2024_TITLES[kwb]![0]} (${KWB_2024_TITLES[kwb]![1]})`
  const n = (seen.get(stem) ?? 0) + 1
  seen.set(stem, n)
  const unit =
    textUnits[stem] ?? (stem.startsWith('Indeling') ? 'code' : n > 1 || /Relatief$/.test(stem) ? '%' : 'aantal')
  return `${titleOf(stem)} (${unit})`
}

const number = /^-?\d+(\.\d+)?$/

function cellOf(value: string, isText: boolean): string {
  if (isText) return value
  if (value.trim() === '') return '.'.padStart(10)
  if (!number.test(value.trim())) return value
  const n = Number(value.trim())
  return (Number.isInteger(n) ? String(n) : String(n).replace('.', ',')).padStart(10)
}

const quote = (field: string) => `"${field.replace(/"/g, '""')}"`

export interface StatlineOptions {
  /** Mark the newest period provisional with a star, as StatLine does. */
  provisional?: boolean
  /** Replace these cells (data line index from 0, column key) by CBS's `x` (secret). */
  secret?: Array<[row: number, key: string]>
}

/** The TypedDataSet CSV `text` (`;`, unquoted, keys as headers) as StatLine's download writes it. */
export function statlineDownload(text: string, options: StatlineOptions = {}): string {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.length > 0)
  const keys = lines[0]!.split(';')
  const keep = keys.map((k, i) => (k === 'ID' ? -1 : i)).filter((i) => i >= 0)
  const seen = new Map<string, number>()
  const periodAt = keys.findIndex((k) => keyStem(k) === 'Perioden')
  const titles = keep.map((i) => headerOf(keys[i]!, seen))
  const header = titles.map(quote)
  const isText = keep.map((i, j) => i === periodAt || !/\((aantal|%|[^)]*(per|euro|km|ha)[^)]*)\)$/.test(titles[j]!))
  const rows = lines.slice(1).map((l) => l.split(';'))
  const newest = periodAt >= 0 ? [...new Set(rows.map((r) => r[periodAt]!))].at(-1) : undefined
  const secret = new Set((options.secret ?? []).map(([row, key]) => `${row}|${key}`))
  const body = rows.map((fields, r) =>
    keep
      .map((i, j) => {
        if (secret.has(`${r}|${keys[i]}`)) return quote('x'.padStart(10))
        if (i === periodAt && options.provisional && fields[i] === newest) return quote(`${fields[i]}*`)
        return quote(cellOf(fields[i]!, isText[j]!))
      })
      .join(';'),
  )
  return '\uFEFF' + [header.join(';'), ...body].join('\r\n') + '\r\n'
}
