/**
 * The risk cocktail: which wijk-level risk indicators are clearly unfavourable at the same time.
 *
 * An indicator is a risk in a wijk when BOTH hold (for "higher is unfavourable"; mirrored for
 * "lower"):
 *   1. wijk value > gemeente value × (1 + RISK_MARGIN)   — clearly worse than its own gemeente;
 *   2. wijk value > national value                          — and worse than Nederland.
 * Why both: (1) alone would flag half the wijken of a gemeente that is favourable overall;
 * (2) alone would flag every wijk of a gemeente that is unfavourable overall. The 10% margin
 * keeps rounding (CBS rounds wijk counts to 5 and housing shares to whole percents) from
 * tipping a wijk over. Figures that are hidden (too small, suppressed, not published) or lack a
 * reference are "not assessed": never a risk, and never counted as "not a risk" either.
 *
 * The outcome says how many factors the cocktail has, how many could be assessed, how many are
 * a risk and, for each one that could not be assessed, the key of why (issue 11): "2 van 2"
 * alone hid that 4 of 6 factors were unknown. Texts are made where the cocktail is shown
 * (cocktail-text.ts), in the reader's language. Explained for the public in docs/wijk-data.md.
 */
import { RISK_MARGIN } from './indicators'
import type { HiddenReason } from './privacy'

export interface CocktailInput {
  code: string
  riskDirection: 'higher' | 'lower' | null
  inCocktail: boolean
  /** 'gemeente': the same figure for every wijk, so it never counts. */
  level?: 'wijk' | 'gemeente'
  value: number | null
  /** Why `value` is null (the privacy guard's key); null when there is a value. */
  reason?: HiddenReason | null
  gemeenteValue: number | null
  nationalValue: number | null
  /** Already judged by its own rule (an own indicator's threshold, app/wijken/own); else the rule above. */
  isRisk?: boolean | null
}

/** true/false when assessed; null when the figure or a reference is missing or it is not a risk factor. */
export function isRisk(
  input: Pick<CocktailInput, 'value' | 'gemeenteValue' | 'nationalValue' | 'riskDirection'>,
  margin = RISK_MARGIN,
): boolean | null {
  const { value, gemeenteValue, nationalValue, riskDirection } = input
  if (!riskDirection || value === null || gemeenteValue === null || nationalValue === null) return null
  if (riskDirection === 'higher') return value > gemeenteValue * (1 + margin) && value > nationalValue
  return value < gemeenteValue * (1 - margin) && value < nationalValue
}

/**
 * Why a cocktail factor could not be assessed: the wijk's own figure is hidden (the privacy
 * guard's reasons), or it is there but the gemeente or national figure to compare with is not.
 */
export const notAssessedReasons = [
  'too-small',
  'suppressed',
  'not-published',
  'no-data',
  'no-gemeente-figure',
  'no-national-figure',
] as const
export type NotAssessedReason = (typeof notAssessedReasons)[number]

export interface NotAssessedFactor {
  code: string
  reason: NotAssessedReason
}

export interface Cocktail {
  /** How many factors the cocktail definition has (the indicators that count). */
  factors: number
  /** Of those, how many could be assessed for this wijk. */
  assessed: number
  /** Of the assessed ones, how many are a risk. */
  count: number
  /** The codes of the factors that were assessed, in catalogue order. */
  assessedIndicators: string[]
  /** The codes of the risk factors, in catalogue order. */
  riskIndicators: string[]
  /** The factors that could not be assessed, each with the key of why (translated where shown). */
  notAssessed: NotAssessedFactor[]
}

/** The indicators that are factors of the cocktail. */
export const isCocktailFactor = (i: Pick<CocktailInput, 'inCocktail' | 'riskDirection' | 'level'>) =>
  i.inCocktail && i.riskDirection !== null && (i.level ?? 'wijk') === 'wijk'

function whyNotAssessed(i: CocktailInput): NotAssessedReason {
  if (i.value === null) return i.reason ?? 'no-data'
  return i.gemeenteValue === null ? 'no-gemeente-figure' : 'no-national-figure'
}

export function computeCocktail(inputs: CocktailInput[]): Cocktail {
  // An own indicator comes already judged by its own threshold (app/wijken/own); the rest by isRisk.
  const judged = (i: CocktailInput) => (i.isRisk !== undefined ? i.isRisk : isRisk(i))
  const factors = inputs.filter(isCocktailFactor)
  const assessed = factors.filter((i) => judged(i) !== null)
  const risks = assessed.filter((i) => judged(i) === true)
  return {
    factors: factors.length,
    assessed: assessed.length,
    count: risks.length,
    assessedIndicators: assessed.map((a) => a.code),
    riskIndicators: risks.map((r) => r.code),
    notAssessed: factors.filter((i) => judged(i) === null).map((i) => ({ code: i.code, reason: whyNotAssessed(i) })),
  }
}

/**
 * Whether areas (wijken, or the gemeenten's sets over their wijken) differ in which factors
 * could be assessed: then their cocktails are not comparable, and pages say so.
 */
export const differInFactors = (areas: { assessable: readonly string[] }[]) =>
  new Set(areas.map((a) => a.assessable.join(','))).size > 1
