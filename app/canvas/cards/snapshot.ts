import type { WijkProfile } from '~/wijken/profile-types'
import type { CocktailCardProps, IndicatorCardProps } from './shape-types'

/**
 * Pure functions between a wijk profile (loader data or /api/v1/wijken/<code>) and the props of
 * a data card: what a new card holds, and whether newer figures differ from a card's snapshot.
 */

/** What the cards need of a profile; the API's JSON and the loader's data both fit. */
export type CardProfile = Pick<WijkProfile, 'code' | 'name' | 'gemeente' | 'indicators' | 'cocktail'>

export type IndicatorSnapshot = Omit<IndicatorCardProps, 'w' | 'h'>
export type CocktailSnapshot = Omit<CocktailCardProps, 'w' | 'h'>

/** The card props of one indicator of the profile, or null when the profile has no such indicator. */
export function indicatorSnapshot(profile: CardProfile, indicatorCode: string): IndicatorSnapshot | null {
  const r = profile.indicators.find((i) => i.code === indicatorCode)
  if (!r) return null
  return {
    wijkCode: profile.code,
    wijkName: profile.name,
    gemeenteName: profile.gemeente.name,
    indicatorCode: r.code,
    label: { nl: r.label.nl, en: r.label.en },
    level: r.level,
    // The profile already hid what may not be shown; a hidden figure stays null with its reason.
    value: r.value,
    reason: r.value === null ? (r.reason ?? 'no-data') : null,
    unit: r.unit,
    decimals: r.decimals,
    period: r.period,
    periodLabel: r.periodLabel,
    gemeenteValue: r.gemeenteValue,
    nationalValue: r.nationalValue,
    isRisk: r.isRisk,
    riskThreshold:
      r.riskThreshold != null && r.riskDirection ? { value: r.riskThreshold, direction: r.riskDirection } : null,
    // An own table is named by its title; its id means nothing to a reader.
    sourceTable: r.own ? r.own.title : (r.source?.table ?? null),
    sourceColumn: r.source?.column ?? null,
    sourceOrganisation: r.own?.organisation ?? null,
  }
}

/** Which cocktail indicators were assessed with which period: changes when newer figures arrive. */
function cocktailVersion(profile: CardProfile): string {
  return profile.indicators
    .filter((i) => i.inCocktail && i.level === 'wijk')
    .map((i) => `${i.code}@${i.period ?? '-'}`)
    .join(',')
}

export function cocktailSnapshot(profile: CardProfile): CocktailSnapshot {
  const { cocktail } = profile
  const byCode = new Map(profile.indicators.map((i) => [i.code, i]))
  const labelOf = (code: string) => {
    const r = byCode.get(code)
    return r ? { nl: r.label.nl, en: r.label.en } : { nl: code, en: code }
  }
  return {
    wijkCode: profile.code,
    wijkName: profile.name,
    gemeenteName: profile.gemeente.name,
    factors: cocktail.factors,
    assessed: cocktail.assessed,
    count: cocktail.count,
    riskCodes: [...cocktail.riskIndicators],
    riskLabels: cocktail.riskIndicators.map(labelOf),
    notAssessed: cocktail.notAssessed.map((n) => ({ code: n.code, label: labelOf(n.code), reason: n.reason })),
    sources: cocktail.assessedIndicators.flatMap((code) => {
      const r = byCode.get(code)
      return r?.source && r.period ? [{ table: r.source.table, column: r.source.column, period: r.period }] : []
    }),
    version: cocktailVersion(profile),
  }
}

const INDICATOR_FIGURES = ['period', 'value', 'reason', 'gemeenteValue', 'nationalValue', 'isRisk'] as const

/**
 * The new snapshot when the profile's figures differ from the card's, else null (also when the
 * profile is of another wijk or no longer has the indicator: nothing to offer then).
 */
export function indicatorUpdate(card: IndicatorSnapshot, profile: CardProfile): IndicatorSnapshot | null {
  if (profile.code !== card.wijkCode) return null
  const fresh = indicatorSnapshot(profile, card.indicatorCode)
  if (!fresh) return null
  const changed =
    INDICATOR_FIGURES.some((k) => fresh[k] !== card[k]) ||
    fresh.riskThreshold?.value !== card.riskThreshold?.value ||
    fresh.riskThreshold?.direction !== card.riskThreshold?.direction
  return changed ? fresh : null
}

export function cocktailUpdate(card: CocktailSnapshot, profile: CardProfile): CocktailSnapshot | null {
  if (profile.code !== card.wijkCode) return null
  const fresh = cocktailSnapshot(profile)
  const reasons = (c: CocktailSnapshot) => c.notAssessed?.map((n) => `${n.code}:${n.reason}`).join(',') ?? null
  const changed =
    fresh.version !== card.version ||
    fresh.factors !== card.factors ||
    fresh.count !== card.count ||
    fresh.assessed !== card.assessed ||
    // A card stored before issue 11 does not know which factors were missing: offer to update it.
    reasons(fresh) !== reasons(card) ||
    fresh.riskCodes.join(',') !== card.riskCodes.join(',')
  return changed ? fresh : null
}
