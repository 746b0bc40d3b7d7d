/**
 * The catalogue of target metrics (issue 10): the outcomes an intervention aims to move. Some can
 * take their baseline from a wijk profile (`fromProfile`); the others are entered by hand with a
 * source note, because no open data per wijk exists for them (special education, end-of-school
 * tests) or because they are the intervention's own figures (reach).
 */
import type { BaselineSource } from '~/interventions/types'
import type { WijkProfile } from '~/wijken/profile-types'
import type { TargetDirection } from '../../db/interventions'
import { tryPeriodEndDate } from './dates'

export const metricCodes = [
  'uithuisplaatsing',
  'jeugdbescherming',
  'jeugdzorg',
  'speciaal-onderwijs',
  'eindtoets-1f',
  'eindtoets-2f-1s',
  'bereik-gezinnen',
  'bereik-kinderen',
] as const
export type MetricCode = (typeof metricCodes)[number]

export type UnitKind = 'per1000' | 'percent' | 'count'

export interface MetricDefinition {
  code: MetricCode
  label: { nl: string; en: string }
  unit: { nl: string; en: string }
  unitKind: UnitKind
  /** every value of the metric is rounded to, and shown with, this many decimals */
  decimals: number
  /** the good direction: a new target takes it unless the team chooses otherwise */
  direction: TargetDirection
  fromProfile?: {
    /** indicator codes of the wijk profile (app/wijken/indicators.ts), in the order `compute` takes them */
    indicators: string[]
    /** 'gemeente': CBS publishes the inputs only per gemeente, so the baseline is the gemeente's */
    level: 'wijk' | 'gemeente'
    compute(values: number[]): number
    explanation: { nl: string; en: string }
  }
}

const perThousandYouth = { nl: 'per 1.000 jongeren tot 18 jaar', en: 'per 1,000 young people under 18' }

export const metricCatalogue: readonly MetricDefinition[] = [
  {
    code: 'uithuisplaatsing',
    label: { nl: 'Jeugdhulp met verblijf (uithuisplaatsing)', en: 'Youth support with stay away from home' },
    unit: perThousandYouth,
    unitKind: 'per1000',
    decimals: 1,
    direction: 'lower',
    fromProfile: {
      indicators: ['jeugdhulp-gemeente', 'jeugdhulp-met-verblijf-gemeente'],
      level: 'gemeente',
      // % of young people with jeugdhulp × % of those with a stay = % of all young people; × 10 per 1.000.
      compute: ([withSupport, withStay]) => (withSupport * withStay) / 10,
      explanation: {
        nl: 'Berekend uit twee CBS-cijfers van de gemeente: het deel van de jongeren tot 18 jaar met jeugdhulp, keer het deel daarvan dat niet thuis woonde (jeugdhulp met verblijf). CBS publiceert dit alleen per gemeente, dus het is het cijfer van de hele gemeente, niet van de wijk.',
        en: 'Derived from two CBS figures of the municipality: the share of young people under 18 with youth support, times the share of those who did not live at home (support with stay). CBS publishes this only per municipality, so it is the figure of the whole municipality, not of the district.',
      },
    },
  },
  {
    code: 'jeugdbescherming',
    label: { nl: 'Jongeren met jeugdbescherming', en: 'Young people under a child-protection order' },
    unit: perThousandYouth,
    unitKind: 'per1000',
    decimals: 1,
    direction: 'lower',
    fromProfile: {
      indicators: ['jeugdbescherming-gemeente'],
      level: 'gemeente',
      compute: ([percent]) => percent * 10,
      explanation: {
        nl: 'Het CBS-percentage van de jongeren tot 18 jaar met jeugdbescherming, keer 10 (per 1.000). CBS publiceert dit alleen per gemeente, dus het is het cijfer van de hele gemeente, niet van de wijk.',
        en: 'The CBS percentage of young people under 18 under a child-protection order, times 10 (per 1,000). CBS publishes this only per municipality, so it is the figure of the whole municipality, not of the district.',
      },
    },
  },
  {
    code: 'jeugdzorg',
    label: { nl: 'Jongeren met jeugdzorg', en: 'Young people in youth care' },
    unit: { nl: 'per 1.000 inwoners van 0–25 jaar', en: 'per 1,000 inhabitants aged 0–25' },
    unitKind: 'per1000',
    decimals: 1,
    direction: 'lower',
    fromProfile: {
      indicators: ['jeugdzorg'],
      level: 'wijk',
      compute: ([value]) => value,
      explanation: {
        nl: 'Het cijfer van de wijk uit de wijkcijfers: jongeren met jeugdzorg per 1.000 inwoners van 0 tot 25 jaar.',
        en: 'The district’s figure from the district data: young people in youth care per 1,000 inhabitants aged 0–25.',
      },
    },
  },
  {
    code: 'speciaal-onderwijs',
    label: {
      nl: 'Leerlingen in het speciaal (basis)onderwijs',
      en: 'Pupils in special (primary) education',
    },
    unit: { nl: '% van de leerlingen', en: '% of pupils' },
    unitKind: 'percent',
    decimals: 1,
    direction: 'lower',
  },
  {
    code: 'eindtoets-1f',
    label: {
      nl: 'Eindtoets: leerlingen die 1F halen',
      en: 'End-of-primary test: pupils reaching 1F',
    },
    unit: { nl: '% van de leerlingen', en: '% of pupils' },
    unitKind: 'percent',
    decimals: 1,
    direction: 'higher',
  },
  {
    code: 'eindtoets-2f-1s',
    label: {
      nl: 'Eindtoets: leerlingen die 2F/1S halen',
      en: 'End-of-primary test: pupils reaching 2F/1S',
    },
    unit: { nl: '% van de leerlingen', en: '% of pupils' },
    unitKind: 'percent',
    decimals: 1,
    direction: 'higher',
  },
  {
    code: 'bereik-gezinnen',
    label: { nl: 'Bereikte gezinnen', en: 'Families reached' },
    unit: { nl: 'gezinnen', en: 'families' },
    unitKind: 'count',
    decimals: 0,
    direction: 'higher',
  },
  {
    code: 'bereik-kinderen',
    label: { nl: 'Bereikte kinderen', en: 'Children reached' },
    unit: { nl: 'kinderen', en: 'children' },
    unitKind: 'count',
    decimals: 0,
    direction: 'higher',
  },
]

const byCode = new Map<string, MetricDefinition>(metricCatalogue.map((m) => [m.code, m]))

/** The metric of a code, or undefined for anything else (a stored or posted value is not trusted). */
export function findMetric(code: unknown): MetricDefinition | undefined {
  return typeof code === 'string' ? byCode.get(code) : undefined
}

export const isMetricCode = (code: unknown): code is MetricCode => findMetric(code) !== undefined

/** The values a metric can take at all; a count is a whole number. */
export function valueRange(metric: Pick<MetricDefinition, 'unitKind'>): { min: number; max: number; integer: boolean } {
  switch (metric.unitKind) {
    case 'percent':
      return { min: 0, max: 100, integer: false }
    case 'per1000':
      return { min: 0, max: 1000, integer: false }
    case 'count':
      return { min: 0, max: 10_000_000, integer: true }
  }
}

/** Rounded as the metric shows it, so a stored baseline is the figure the team saw. */
export const roundTo = (value: number, decimals: number) => Number(value.toFixed(decimals))

export type ProfileBaseline =
  | { ok: true; value: number; date: string; source: Extract<BaselineSource, { kind: 'data' }> }
  /**
   * not-in-data: the metric has no open-data source, or the profile lacks an indicator;
   * hidden: a figure it needs is hidden for privacy (too small, suppressed by CBS);
   * no-value: there is no figure (not published, no data, or its inputs are of different periods).
   */
  | { ok: false; reason: 'not-in-data' | 'hidden' | 'no-value' }

/** The baseline a wijk profile gives for a metric: its figure, the period's end date and the cells it came from. */
export function baselineFromProfile(metric: MetricDefinition, profile: WijkProfile): ProfileBaseline {
  const from = metric.fromProfile
  if (!from) return { ok: false, reason: 'not-in-data' }
  const results = from.indicators.map((code) => profile.indicators.find((i) => i.code === code))
  if (results.some((r) => r === undefined)) return { ok: false, reason: 'not-in-data' }
  const inputs = results as NonNullable<(typeof results)[number]>[]
  // A figure hidden for privacy is never used, not even inside a product: it would leak through it.
  if (inputs.some((r) => r.value === null && (r.reason === 'too-small' || r.reason === 'suppressed'))) {
    return { ok: false, reason: 'hidden' }
  }
  if (inputs.some((r) => r.value === null || r.period === null || r.source === null)) {
    return { ok: false, reason: 'no-value' }
  }
  const period = inputs[0].period!
  // Multiplying a 2023 share by a 2024 share gives a figure of no year at all.
  if (inputs.some((r) => r.period !== period)) return { ok: false, reason: 'no-value' }
  const date = tryPeriodEndDate(period)
  if (!date) return { ok: false, reason: 'no-value' }
  const value = roundTo(from.compute(inputs.map((r) => r.value!)), metric.decimals)
  const distinct = (xs: string[]) => [...new Set(xs)].join(', ')
  // The indicator catalogue is the one home of where CBS publishes a figure.
  const level = inputs.some((r) => r.level === 'gemeente') ? 'gemeente' : 'wijk'
  return {
    ok: true,
    value,
    date,
    source: {
      kind: 'data',
      indicators: [...from.indicators],
      regionCode: level === 'gemeente' ? profile.gemeente.code : profile.code,
      level,
      table: distinct(inputs.map((r) => r.source!.table)),
      column: distinct(inputs.map((r) => r.source!.column)),
      period,
    },
  }
}
