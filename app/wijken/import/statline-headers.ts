import { KWB_2024_KEYS } from './kwb-keys'
import { KWB_2024_TITLES } from './kwb-titles'
import { knownCbsStems } from './table-recognition'

/**
 * StatLine's download button names columns by their CBS title with the unit in parentheses
 * ("Aantal inwoners (aantal)", "Regiocode (gemeente, wijk, buurt) (code)"), sometimes behind the
 * topic group ("Bevolking/Aantal inwoners (aantal)"), where the TypedDataSet files carry keys
 * (`AantalInwoners_5`). Table recognition and column mapping work on keys, so a title is given the
 * key of the table it belongs to; the header as written is kept beside it (RawTable.headers) for
 * messages and sources. A header that is no known title stays as written.
 */

/** "Thuiswonend kind in eenouder-huishouden" → "thuiswonendkindineenouderhuishouden". */
export const foldTitle = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')

/** "Particuliere huishoudens (Aantal)" → title and unit; a header without a closing "(…)" has no unit. */
export function splitTitle(header: string): { title: string; unit: string | null } {
  const m = /^(.*\S)\s*\(([^()]*)\)\s*$/.exec(header.trim())
  return m ? { title: m[1]!.trim(), unit: m[2]!.trim() } : { title: header.trim(), unit: null }
}

/** CBS keys are made from titles (spaces and punctuation out); where CBS abbreviated, the title is given. */
const abbreviatedTitles: Record<string, string> = {
  jongerenmetjeugdhulpmetverblijfinnatura: 'JongerenMetJeugdhMetVerblInNat',
  jeugdbeschermingenjeugdhulpmetverblijfinnatura: 'JeugdbeschEnJeugdhMetVerblInNat',
  inwonersvanaf15jaartotaowleeftijd: 'InwonersVanaf15JrTotAOWLeeftijd',
  regiocodegemeentewijkbuurt: 'Codering',
  regiocode: 'Codering',
  regios: 'RegioS',
}

/** Every known key stem by its folded title (`k_0Tot15Jaar` ← "0 tot 15 jaar"). */
const stemByTitle = new Map<string, string>([
  ...[...knownCbsStems].map((stem) => [foldTitle(stem.replace(/^k_/, '')), stem] as [string, string]),
  ...Object.entries(abbreviatedTitles),
])

/** KWB 2024's keys by title and unit, in DataProperties order (a title can repeat: "Nederland (aantal)"). */
const kwbKeysByTitle = new Map<string, string[]>()
KWB_2024_TITLES.forEach(([title, unit], i) => {
  const key = `${foldTitle(title)}|${foldTitle(unit)}`
  kwbKeysByTitle.set(key, [...(kwbKeysByTitle.get(key) ?? []), KWB_2024_KEYS[i]!])
})

const looksLikeKey = (header: string) => /^[A-Za-z][A-Za-z0-9_]*$/.test(header)

/**
 * The key of each header, in order: a key stays as it is; a KWB 2024 title with its unit gets its
 * exact key (the n-th "Nederland (aantal)" the n-th such key); another known title gets its stem
 * with the column's position as suffix, so repeated titles (86003NED's count and % of the same
 * benefit) stay apart in file order. Anything else is kept as written.
 */
export function statlineColumnKeys(headers: string[]): string[] {
  const used = new Map<string, number>()
  return headers.map((header, i) => {
    if (header === '' || looksLikeKey(header)) return header
    const { title, unit } = splitTitle(header)
    const last = title.split('/').pop()!.trim()
    for (const candidate of [title, last]) {
      const kwb = kwbKeysByTitle.get(`${foldTitle(candidate)}|${foldTitle(unit ?? '')}`)
      if (kwb) {
        const n = used.get(kwb[0]!) ?? 0
        used.set(kwb[0]!, n + 1)
        if (kwb[n]) return kwb[n]
      }
      const stem = stemByTitle.get(foldTitle(candidate))
      if (stem)
        return ['WijkenEnBuurten', 'Wijken', 'RegioS', 'Perioden', 'Vormen', 'VormenVanJeugdzorg'].includes(stem)
          ? stem
          : `${stem}_${i + 1}`
    }
    return header
  })
}
