import { tablesOfFamily, type TableFamily } from './import/tables'
import { DEFAULT_MIN_BASE } from './privacy'

/** One CBS column (by key stem, see import/tables.ts) of a table family, optionally one category. */
export interface SourceRef {
  family: TableFamily
  column: string
  category?: string
}

/**
 * How an indicator is computed from CBS cells.
 * - `count`: the CBS count itself.
 * - `published`: a figure CBS publishes as is (a percentage or average). `base` holds the counts
 *   it rests on, for the minimum-base rule.
 * - `ratio`: sum(numerator) / sum(denominator) × per. Every input is a count, so every input
 *   falls under the minimum-base rule. The period comes from the numerator; the denominator uses
 *   the same period when it exists, else its latest period (see docs/wijk-data.md).
 */
export type Computation =
  | { kind: 'count'; value: SourceRef }
  | { kind: 'published'; value: SourceRef; base: SourceRef[] }
  | {
      kind: 'ratio'
      numerator: SourceRef[]
      denominator: SourceRef[]
      per: 100 | 1000
    }

export interface IndicatorDef {
  code: string
  label: { nl: string; en: string }
  /** Plain Dutch (B1). */
  definition: string
  unit: string
  decimals: number
  computation: Computation
  /** Plain-Dutch sentence: how the number is made. */
  computationText: string
  /** Which direction is unfavourable; null for context figures (no "risk" either way). */
  riskDirection: 'higher' | 'lower' | null
  /** Counts in the risk cocktail (wijk level only; correlated forms are shown but not counted). */
  inCocktail: boolean
  /** Where CBS publishes it: per wijk (and buurt), or only per gemeente. */
  level: 'wijk' | 'gemeente'
  minBase: number
  /** An indicator about the same thing in another unit; pages say why both are shown. */
  sameTopicAs?: string
  reference: string
  thresholdRule: string
}

const kwb = (column: string): SourceRef => ({ family: 'kwb', column })
const jz = (column: string, category = 'totaal-alle-jeugdzorg-in-natura'): SourceRef => ({
  family: 'jeugdzorg-wijken',
  column,
  category,
})
const uitk = (column: string): SourceRef => ({
  family: 'uitkeringen-wijken',
  column,
})
const jzGm = (column: string): SourceRef => ({
  family: 'jeugdzorg-indicatoren-gemeenten',
  column,
})
const youngPeople = [kwb('k_0Tot15Jaar'), kwb('k_15Tot25Jaar')]

/** Relative margin above (or below) the gemeente value that counts as "clearly worse". */
export const RISK_MARGIN = 0.1

const wijkReference = 'De gemeente waar de wijk in ligt, en Nederland.'
const gemeenteReference = 'Nederland (alleen per gemeente gepubliceerd).'
const riskRule = (dir: 'higher' | 'lower') =>
  dir === 'higher'
    ? `Risico als de wijk meer dan ${RISK_MARGIN * 100}% hoger ligt dan de gemeente én hoger dan Nederland.`
    : `Risico als de wijk meer dan ${RISK_MARGIN * 100}% lager ligt dan de gemeente én lager dan Nederland.`
const noRisk = 'Geen: dit is een achtergrondcijfer, geen risicofactor.'
const shownOnly =
  'Wordt getoond en vergeleken, maar telt niet mee in de risicococktail (hangt sterk samen met een ander cijfer).'
const gemeenteOnly = 'Telt niet mee in de risicococktail: CBS publiceert dit alleen per gemeente, niet per wijk.'

const youthCareApprox =
  'CBS rekent met jongeren tot 23 jaar; per wijk publiceert CBS die leeftijdsgroep niet, dus delen we door de inwoners van 0 tot 25 jaar (KWB 0–15 + 15–25). Dat maakt het cijfer iets lager dan het CBS-percentage, vooral in wijken met veel studenten.'

export const indicatorCatalogue: IndicatorDef[] = [
  {
    code: 'inwoners',
    label: { nl: 'Inwoners', en: 'Inhabitants' },
    definition: 'Het aantal mensen dat in de wijk woont op 1 januari.',
    unit: 'aantal',
    decimals: 0,
    computation: { kind: 'count', value: kwb('AantalInwoners') },
    computationText: 'Zoals CBS het publiceert (per wijk afgerond op 5).',
    riskDirection: null,
    inCocktail: false,
    level: 'wijk',
    minBase: DEFAULT_MIN_BASE,
    reference: wijkReference,
    thresholdRule: noRisk,
  },
  {
    code: 'aandeel-0-15',
    label: { nl: 'Kinderen van 0 tot 15 jaar', en: 'Children aged 0–15' },
    definition: 'Welk deel van de inwoners jonger is dan 15 jaar.',
    unit: '%',
    decimals: 1,
    computation: {
      kind: 'ratio',
      numerator: [kwb('k_0Tot15Jaar')],
      denominator: [kwb('AantalInwoners')],
      per: 100,
    },
    computationText: 'Inwoners van 0 tot 15 jaar gedeeld door alle inwoners, keer 100.',
    riskDirection: null,
    inCocktail: false,
    level: 'wijk',
    minBase: DEFAULT_MIN_BASE,
    reference: wijkReference,
    thresholdRule: noRisk,
  },
  {
    code: 'huishoudens-met-kinderen',
    label: { nl: 'Huishoudens met kinderen', en: 'Households with children' },
    definition: 'Welk deel van de huishoudens thuiswonende kinderen heeft. Eenoudergezinnen tellen mee.',
    unit: '%',
    decimals: 1,
    computation: {
      kind: 'ratio',
      numerator: [kwb('HuishoudensMetKinderen')],
      denominator: [kwb('HuishoudensTotaal')],
      per: 100,
    },
    computationText: 'Huishoudens met kinderen gedeeld door alle particuliere huishoudens, keer 100.',
    riskDirection: null,
    inCocktail: false,
    level: 'wijk',
    minBase: DEFAULT_MIN_BASE,
    reference: wijkReference,
    thresholdRule: noRisk,
  },
  {
    code: 'eenouder-jeugdzorg',
    label: {
      nl: 'Jongeren met jeugdzorg in een eenoudergezin',
      en: 'Young people in youth care living with one parent',
    },
    definition:
      'Van de jongeren met jeugdzorg: welk deel thuis woont bij één ouder. CBS publiceert per wijk niet hoeveel eenoudergezinnen er zijn; dit is het cijfer dat daar het dichtst bij komt.',
    unit: '%',
    decimals: 1,
    computation: {
      kind: 'ratio',
      numerator: [jz('ThuiswonendKindInEenouderhuishouden')],
      denominator: [jz('TotaalJongerenMetJeugdzorgInNatura')],
      per: 100,
    },
    computationText:
      'Jongeren met jeugdzorg die bij één ouder wonen, gedeeld door alle jongeren met jeugdzorg (alle vormen in natura), keer 100.',
    riskDirection: 'higher',
    inCocktail: false,
    level: 'wijk',
    minBase: DEFAULT_MIN_BASE,
    reference: wijkReference,
    thresholdRule:
      'Wordt getoond en vergeleken, maar telt niet mee in de risicococktail: het zegt iets over de jongeren in jeugdzorg, niet over alle gezinnen in de wijk.',
  },
  {
    code: 'huurwoningen',
    label: { nl: 'Huurwoningen', en: 'Rented dwellings' },
    definition: 'Welk deel van de woningen een huurwoning is (van een corporatie of een andere verhuurder).',
    unit: '%',
    decimals: 0,
    computation: {
      kind: 'published',
      value: kwb('HuurwoningenTotaal'),
      base: [kwb('Woningvoorraad')],
    },
    computationText: 'Zoals CBS het publiceert, in hele procenten van de woningvoorraad.',
    riskDirection: 'higher',
    inCocktail: false,
    level: 'wijk',
    minBase: DEFAULT_MIN_BASE,
    reference: wijkReference,
    thresholdRule: shownOnly,
  },
  {
    code: 'corporatiewoningen',
    label: {
      nl: 'Woningen van een woningcorporatie',
      en: 'Housing-association dwellings',
    },
    definition: 'Welk deel van de woningen eigendom is van een woningcorporatie (vaak sociale huur).',
    unit: '%',
    decimals: 0,
    computation: {
      kind: 'published',
      value: kwb('InBezitWoningcorporatie'),
      base: [kwb('Woningvoorraad')],
    },
    computationText:
      'Zoals CBS het publiceert, in hele procenten van de woningvoorraad. CBS publiceert het alleen bij 20 woningen of meer.',
    riskDirection: 'higher',
    inCocktail: true,
    level: 'wijk',
    minBase: DEFAULT_MIN_BASE,
    reference: wijkReference,
    thresholdRule: riskRule('higher'),
  },
  {
    code: 'inkomen-per-inwoner',
    label: {
      nl: 'Gemiddeld inkomen per inwoner',
      en: 'Average income per inhabitant',
    },
    definition: 'Het gemiddelde persoonlijke inkomen per inwoner in een jaar, in duizenden euro’s.',
    unit: 'x 1.000 euro',
    decimals: 1,
    computation: {
      kind: 'published',
      value: kwb('GemiddeldInkomenPerInwoner'),
      base: [kwb('AantalInwoners')],
    },
    computationText: 'Zoals CBS het publiceert (alleen bij minstens 2.500 personen in particuliere huishoudens).',
    riskDirection: 'lower',
    inCocktail: true,
    level: 'wijk',
    minBase: DEFAULT_MIN_BASE,
    reference: wijkReference,
    thresholdRule: riskRule('lower'),
  },
  {
    code: 'laag-inkomen',
    label: {
      nl: 'Huishoudens met een laag inkomen',
      en: 'Low-income households',
    },
    definition: 'Welk deel van de huishoudens een laag inkomen heeft (volgens de CBS-grens voor laag inkomen).',
    unit: '%',
    decimals: 1,
    computation: {
      kind: 'published',
      value: kwb('HuishoudensMetEenLaagInkomen'),
      base: [kwb('HuishoudensTotaal')],
    },
    computationText: 'Zoals CBS het publiceert.',
    riskDirection: 'higher',
    inCocktail: true,
    level: 'wijk',
    minBase: DEFAULT_MIN_BASE,
    reference: wijkReference,
    thresholdRule: riskRule('higher'),
  },
  {
    code: 'bijstand',
    label: { nl: 'Mensen met bijstand', en: 'People on social assistance' },
    definition: 'Welk deel van de inwoners van 15 jaar en ouder een bijstandsuitkering heeft.',
    unit: '%',
    decimals: 1,
    computation: {
      kind: 'ratio',
      numerator: [uitk('Bijstandsuitkering')],
      denominator: [uitk('InwonersVanaf15Jaar')],
      per: 100,
    },
    computationText:
      'Personen met bijstand gedeeld door inwoners van 15 jaar en ouder, keer 100 (CBS publiceert dit ook in hele procenten; wij rekenen met één decimaal).',
    riskDirection: 'higher',
    inCocktail: true,
    level: 'wijk',
    minBase: DEFAULT_MIN_BASE,
    reference: wijkReference,
    thresholdRule: riskRule('higher'),
  },
  {
    code: 'ww',
    label: {
      nl: 'Mensen met een WW-uitkering',
      en: 'People on unemployment benefit (WW)',
    },
    definition:
      'Welk deel van de inwoners van 15 jaar en ouder een werkloosheidsuitkering (WW) heeft. Dit is geen werkloosheidscijfer: CBS publiceert dat niet per wijk.',
    unit: '%',
    decimals: 1,
    computation: {
      kind: 'ratio',
      numerator: [uitk('Werkloosheidsuitkering')],
      denominator: [uitk('InwonersVanaf15Jaar')],
      per: 100,
    },
    computationText: 'Personen met WW gedeeld door inwoners van 15 jaar en ouder, keer 100.',
    riskDirection: 'higher',
    inCocktail: true,
    level: 'wijk',
    minBase: DEFAULT_MIN_BASE,
    reference: wijkReference,
    thresholdRule: riskRule('higher'),
  },
  {
    code: 'jeugdzorg',
    label: { nl: 'Jongeren met jeugdzorg', en: 'Young people in youth care' },
    definition: 'Hoeveel jongeren (tot 23 jaar) jeugdzorg in natura kregen, per 1.000 jonge inwoners.',
    unit: 'per 1.000 inwoners van 0–25 jaar',
    decimals: 1,
    computation: {
      kind: 'ratio',
      numerator: [jz('TotaalJongerenMetJeugdzorgInNatura')],
      denominator: youngPeople,
      per: 1000,
    },
    computationText: `Jongeren met jeugdzorg in natura (alle vormen) gedeeld door inwoners van 0 tot 25 jaar, keer 1.000. ${youthCareApprox}`,
    riskDirection: 'higher',
    inCocktail: true,
    level: 'wijk',
    minBase: DEFAULT_MIN_BASE,
    reference: wijkReference,
    thresholdRule: riskRule('higher'),
  },
  {
    code: 'jeugdhulp',
    label: {
      nl: 'Jongeren met jeugdhulp',
      en: 'Young people in youth support (jeugdhulp)',
    },
    definition: 'Jeugdhulp is jeugdzorg zonder jeugdbescherming en jeugdreclassering. Per 1.000 jonge inwoners.',
    unit: 'per 1.000 inwoners van 0–25 jaar',
    decimals: 1,
    computation: {
      kind: 'ratio',
      numerator: [jz('TotaalJongerenMetJeugdzorgInNatura', 'totaal-jeugdhulp-in-natura')],
      denominator: youngPeople,
      per: 1000,
    },
    computationText: `Jongeren met jeugdhulp in natura gedeeld door inwoners van 0 tot 25 jaar, keer 1.000. ${youthCareApprox}`,
    riskDirection: 'higher',
    inCocktail: false,
    level: 'wijk',
    minBase: DEFAULT_MIN_BASE,
    reference: wijkReference,
    thresholdRule: shownOnly,
  },
  {
    code: 'jeugdhulp-zonder-verblijf',
    label: {
      nl: 'Jongeren met jeugdhulp zonder verblijf',
      en: 'Young people in youth support without stay away from home',
    },
    definition: 'Jeugdhulp waarbij de jongere thuis blijft wonen. Per 1.000 jonge inwoners.',
    unit: 'per 1.000 inwoners van 0–25 jaar',
    decimals: 1,
    computation: {
      kind: 'ratio',
      numerator: [jz('TotaalJongerenMetJeugdzorgInNatura', 'jeugdhulp-zonder-verblijf')],
      denominator: youngPeople,
      per: 1000,
    },
    computationText: `Jongeren met jeugdhulp zonder verblijf gedeeld door inwoners van 0 tot 25 jaar, keer 1.000. ${youthCareApprox}`,
    riskDirection: 'higher',
    inCocktail: false,
    level: 'wijk',
    minBase: DEFAULT_MIN_BASE,
    reference: wijkReference,
    thresholdRule: shownOnly,
  },
  {
    code: 'jeugdhulp-gemeente',
    label: {
      nl: 'Jongeren met jeugdhulp (gemeente)',
      en: 'Young people in youth support (municipality)',
    },
    definition: 'Welk deel van de jongeren tot 18 jaar jeugdhulp in natura kreeg. Alleen per gemeente bekend.',
    unit: '%',
    decimals: 1,
    computation: {
      kind: 'published',
      value: jzGm('JongerenMetJeugdhulpInNatura'),
      base: [],
    },
    computationText: 'Zoals CBS het publiceert (percentage van de jongeren tot 18 jaar).',
    riskDirection: 'higher',
    inCocktail: false,
    level: 'gemeente',
    minBase: DEFAULT_MIN_BASE,
    sameTopicAs: 'jeugdhulp',
    reference: gemeenteReference,
    thresholdRule: gemeenteOnly,
  },
  {
    code: 'jeugdhulp-met-verblijf-gemeente',
    label: {
      nl: 'Jeugdhulp met verblijf (gemeente)',
      en: 'Youth support with stay away from home (municipality)',
    },
    definition:
      'Van de jongeren met jeugdhulp: welk deel niet thuis woonde, maar bijvoorbeeld in een pleeggezin, gezinshuis of instelling. Dit komt het dichtst bij "uithuisplaatsing"; CBS publiceert het alleen per gemeente.',
    unit: '%',
    decimals: 1,
    computation: {
      kind: 'published',
      value: jzGm('JongerenMetJeugdhMetVerblInNat'),
      base: [],
    },
    computationText: 'Zoals CBS het publiceert (percentage van de jongeren met jeugdhulp in natura).',
    riskDirection: 'higher',
    inCocktail: false,
    level: 'gemeente',
    minBase: DEFAULT_MIN_BASE,
    reference: gemeenteReference,
    thresholdRule: gemeenteOnly,
  },
  {
    code: 'jeugdbescherming-gemeente',
    label: {
      nl: 'Jongeren met jeugdbescherming (gemeente)',
      en: 'Young people under a child-protection order (municipality)',
    },
    definition:
      'Welk deel van de jongeren tot 18 jaar een kinderbeschermingsmaatregel had, zoals ondertoezichtstelling. Alleen per gemeente bekend.',
    unit: '%',
    decimals: 1,
    computation: {
      kind: 'published',
      value: jzGm('JongerenMetJeugdbescherming'),
      base: [],
    },
    computationText: 'Zoals CBS het publiceert (percentage van de jongeren tot 18 jaar).',
    riskDirection: 'higher',
    inCocktail: false,
    level: 'gemeente',
    minBase: DEFAULT_MIN_BASE,
    reference: gemeenteReference,
    thresholdRule: gemeenteOnly,
  },
  {
    code: 'jeugdreclassering-gemeente',
    label: {
      nl: 'Jongeren met jeugdreclassering (gemeente)',
      en: 'Young people under youth probation (municipality)',
    },
    definition: 'Welk deel van de jongeren jeugdreclassering had. Alleen per gemeente bekend.',
    unit: '%',
    decimals: 1,
    computation: {
      kind: 'published',
      value: jzGm('JongerenMetJeugdreclassering'),
      base: [],
    },
    computationText: 'Zoals CBS het publiceert (percentage van de jongeren, zie de CBS-toelichting bij 85098NED).',
    riskDirection: 'higher',
    inCocktail: false,
    level: 'gemeente',
    minBase: DEFAULT_MIN_BASE,
    reference: gemeenteReference,
    thresholdRule: gemeenteOnly,
  },
]

export const indicatorByCode = new Map(indicatorCatalogue.map((i) => [i.code, i]))

/** Every CBS source of an indicator, for display and the catalogue table. */
export function sourcesOf(def: IndicatorDef): SourceRef[] {
  const c = def.computation
  if (c.kind === 'count') return [c.value]
  if (c.kind === 'published') return [c.value, ...c.base]
  return [...c.numerator, ...c.denominator]
}

/** The table ids a source family is imported from (e.g. 85990NED and 85685NED). */
export const tablesOf = (ref: SourceRef) => tablesOfFamily(ref.family)
