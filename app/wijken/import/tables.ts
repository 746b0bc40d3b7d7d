import { KWB_2024_KEYS } from './kwb-keys'

/**
 * The CBS tables the importer understands. Tables of one `family` share their shape across
 * editions (years); their column keys differ only in the numeric suffix, so columns are stored
 * by key stem (see `keyStem`) and queried per family.
 */
export type TableFamily =
  'kwb' | 'jeugdzorg-wijken' | 'uitkeringen-wijken' | 'jeugdzorg-indicatoren-gemeenten' | 'jeugdzorg-gemeenten'

export interface CbsTableSpec {
  id: string
  title: string
  family: TableFamily
  /** The edition's year: a table per year holds periods of that year only (see table-recognition.ts). */
  year?: number
  /** Tables without a Perioden dimension (KWB) hold one period. */
  defaultPeriod?: string
  /** Key stems of the numeric columns that are imported. */
  measures: readonly string[]
  /** Key stems of text columns that are read for region info or deliberately not imported. */
  text: readonly string[]
  /** Region codes CBS uses for the country in this table → the code stored (null = skip the row). */
  national: Record<string, string | null>
  /** 85098NED/85099NED: regions are names only and are looked up among known gemeenten. */
  regionsByName?: boolean
}

const regionText = ['ID', 'Gemeentenaam', 'SoortRegio', 'Codering', 'WijkenEnBuurten', 'Wijken', 'RegioS', 'Perioden']

const kwbText = [...regionText, 'IndelingswijzigingGemeenteWijkBuurt', 'MeestVoorkomendePostcode']
const kwbMeasures = stemsWithOccurrence(KWB_2024_KEYS).filter(
  (stem) => !kwbText.includes(stem) && stem !== 'Dekkingspercentage',
)

const jeugdzorgWijkMeasures = [
  'TotaalJongerenMetJeugdzorgInNatura',
  'k_0Tot4Jaar',
  'k_4Tot12Jaar',
  'k_12Tot18Jaar',
  'k_18Tot23Jaar',
  'ThuiswonendKindInEenouderhuishouden',
  'ThuiswonendKindBijEenPaar',
  'AnderHuishouden',
  'TotaalTrajectenInNatura',
  'GemeentelijkeToegang',
  'Huisarts',
  'Jeugdarts',
  'GecertificeerdeInstelling',
  'MedischSpecialist',
  'RechterOfficierVanJustitie',
  'GeenVerwijzer',
  'VerwijzerOnbekend',
]

const kwb = (id: string, year: number): CbsTableSpec => ({
  id,
  title: `Kerncijfers wijken en buurten ${year}`,
  family: 'kwb',
  year,
  defaultPeriod: `${year}JJ00`,
  measures: kwbMeasures,
  text: [...kwbText, 'Dekkingspercentage'],
  national: { NL00: 'NL00' },
})

const jeugdzorgWijken = (id: string, year: number): CbsTableSpec => ({
  id,
  title: `Jongeren met jeugdzorg en jeugdzorgtrajecten in natura; wijken, ${year}`,
  family: 'jeugdzorg-wijken',
  year,
  measures: jeugdzorgWijkMeasures,
  text: [...regionText, 'Vormen', 'VormenVanJeugdzorg', 'IndelingswijzigingWijken'],
  national: { NL01: 'NL00' },
})

const allTables: CbsTableSpec[] = [
  kwb('85984NED', 2024),
  kwb('85618NED', 2023),
  kwb('85318NED', 2022),
  kwb('85039NED', 2021),
  kwb('84799NED', 2020),
  kwb('84583NED', 2019),
  jeugdzorgWijken('85990NED', 2024),
  jeugdzorgWijken('85685NED', 2023),
  {
    id: '86003NED',
    title: 'Personen met een uitkering; soort uitkering, wijken en buurten 2024',
    family: 'uitkeringen-wijken',
    year: 2024,
    measures: [
      'Werkloosheidsuitkering',
      'Bijstandsuitkering',
      'Arbeidsongeschiktheidsuitkering',
      'AOWUitkering',
      'Werkloosheidsuitkering#2',
      'Bijstandsuitkering#2',
      'Arbeidsongeschiktheidsuitkering#2',
      'AOWUitkering#2',
      'InwonersVanaf15Jaar',
      'InwonersVanaf15JrTotAOWLeeftijd',
      'InwonersVanafDeAOWLeeftijd',
    ],
    text: [...regionText, 'IndelingswijzigingWijkenEnBuurten'],
    // NL00 "Totaal" also counts people living abroad or with unknown residence: not comparable.
    national: { NL00: null, NL01: 'NL00' },
  },
  {
    id: '85098NED',
    title: 'Indicatoren jeugdzorg in natura; gemeenten',
    family: 'jeugdzorg-indicatoren-gemeenten',
    measures: [
      'JongerenMetJeugdhulpInNatura',
      'JongerenMetJeugdhMetVerblInNat',
      'JongerenMetJeugdbescherming',
      'JeugdbeschEnJeugdhMetVerblInNat',
      'JongerenMetJeugdreclassering',
    ],
    text: regionText,
    national: {},
    regionsByName: true,
  },
  {
    id: '85099NED',
    title: 'Jongeren met jeugdzorg; gemeenten',
    family: 'jeugdzorg-gemeenten',
    measures: ['JongerenMetJeugdzorg', 'JongerenMetJeugdzorgRelatief', 'Jeugdzorgtrajecten'],
    text: [...regionText, 'VormenVanJeugdzorg'],
    national: {},
    regionsByName: true,
  },
]

export const cbsTables: Record<string, CbsTableSpec> = Object.fromEntries(allTables.map((t) => [t.id, t]))

export const tablesOfFamily = (family: TableFamily): string[] =>
  Object.values(cbsTables)
    .filter((t) => t.family === family)
    .map((t) => t.id)

/** Dimension columns that hold a category (jeugdzorg "Vorm"); stored in `category`. */
export const categoryStems = ['Vormen', 'VormenVanJeugdzorg']
export const regionDimensionStems = ['WijkenEnBuurten', 'Wijken', 'RegioS']

/** `AantalInwoners_5` → `AantalInwoners`; `k_0Tot15Jaar_8` → `k_0Tot15Jaar`. */
export function keyStem(key: string): string {
  return key.trim().replace(/_\d+$/, '')
}

function suffix(key: string): number {
  const m = /_(\d+)$/.exec(key)
  return m ? Number(m[1]) : -1
}

/** Stems in key order, with `#2`, `#3` for repeated stems (e.g. `Nederland`, `Nederland#2`). */
export function stemsWithOccurrence(keys: readonly string[]): string[] {
  const seen = new Map<string, number>()
  return keys.map((key) => {
    const stem = keyStem(key)
    const n = (seen.get(stem) ?? 0) + 1
    seen.set(stem, n)
    return n === 1 ? stem : `${stem}#${n}`
  })
}

/**
 * The stored column name of every key in a file. Where the table's own key list is known
 * (DataProperties), a key's position there decides which occurrence of a repeated stem it is,
 * so a file holding only `Nederland_20` still maps to `Nederland#2`. Otherwise the keys of the
 * file itself, in suffix order, decide.
 */
export function canonicalColumns(keys: readonly string[], referenceKeys?: readonly string[]): Map<string, string> {
  const out = new Map<string, string>()
  const refStems = referenceKeys ? stemsWithOccurrence(referenceKeys) : []
  const ref = referenceKeys ? new Map(referenceKeys.map((k, i) => [k, refStems[i]!])) : null
  const ordered = [...keys].sort((a, b) => suffix(a) - suffix(b))
  const own = stemsWithOccurrence(ordered)
  ordered.forEach((key, i) => out.set(key, ref?.get(key) ?? own[i]!))
  return out
}

export function referenceKeysFor(tableId: string): readonly string[] | undefined {
  return tableId === '85984NED' ? KWB_2024_KEYS : undefined
}
