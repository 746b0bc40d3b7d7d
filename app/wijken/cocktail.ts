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
 * Explained for the public in docs/wijk-data.md.
 */
import { RISK_MARGIN } from './indicators'

export interface CocktailInput {
  code: string
  label: string
  riskDirection: 'higher' | 'lower' | null
  inCocktail: boolean
  value: number | null
  gemeenteValue: number | null
  nationalValue: number | null
  /** Already judged by its own rule (an own indicator's threshold, app/wijken/own); else the rule above. */
  isRisk?: boolean | null
}

/** true/false when assessed; null when the figure or a reference is missing or it is not a risk factor. */
export function isRisk(
  input: Omit<CocktailInput, 'code' | 'label' | 'inCocktail'>,
  margin = RISK_MARGIN,
): boolean | null {
  const { value, gemeenteValue, nationalValue, riskDirection } = input
  if (!riskDirection || value === null || gemeenteValue === null || nationalValue === null) return null
  if (riskDirection === 'higher') return value > gemeenteValue * (1 + margin) && value > nationalValue
  return value < gemeenteValue * (1 - margin) && value < nationalValue
}

export interface Cocktail {
  riskIndicators: string[]
  count: number
  /** How many cocktail indicators could be assessed for this wijk. */
  assessed: number
  /** Cocktail indicators that could not be assessed (no figure or no reference). */
  notAssessed: string[]
  /** Two sentences, plain Dutch (B1). */
  summary: string
}

/** "Mensen met bijstand" → "mensen met bijstand", but "WW-uitkering" stays. */
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s)

const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`

export function computeCocktail(wijkName: string, gemeenteName: string, inputs: CocktailInput[]): Cocktail {
  const judged = (i: CocktailInput) => (i.isRisk !== undefined ? i.isRisk : isRisk(i))
  const candidates = inputs.filter((i) => i.inCocktail && i.riskDirection)
  const assessed = candidates.filter((i) => judged(i) !== null)
  const risks = assessed.filter((i) => judged(i) === true)
  const notAssessed = candidates.filter((i) => judged(i) === null).map((i) => i.code)
  const closing = 'Het gaat om cijfers over de hele wijk; ze zeggen niets over één gezin of persoon.'
  let summary: string
  if (assessed.length === 0) {
    summary = `Voor ${wijkName} zijn te weinig open cijfers beschikbaar om te zien of risico's zich opstapelen. ${closing}`
  } else if (risks.length === 0) {
    summary = `In ${wijkName} ligt geen van de ${assessed.length} bekeken cijfers duidelijk ongunstiger dan in ${gemeenteName} én in heel Nederland. ${closing}`
  } else {
    const names = list(risks.map((r) => lowerFirst(r.label)))
    const verb = risks.length === 1 ? 'ligt' : 'liggen'
    summary = `In ${wijkName} ${verb} ${risks.length} van de ${assessed.length} bekeken cijfers duidelijk ongunstiger dan in ${gemeenteName} én in heel Nederland: ${names}. ${closing}`
  }
  return {
    riskIndicators: risks.map((r) => r.code),
    count: risks.length,
    assessed: assessed.length,
    notAssessed,
    summary,
  }
}
