/**
 * The risk cocktail in words, in the reader's language. The cocktail itself (cocktail.ts) carries
 * only counts, codes and reason keys; every text is made here, where it is shown: the wijk page,
 * the gemeente list, the map, the canvas card and the API (which answers in Dutch).
 */
import { t, type Locale } from '~/i18n'
import type { Cocktail, NotAssessedFactor, NotAssessedReason } from './cocktail'

/** What a text needs of a cocktail: a stored canvas card has these too. */
export type CocktailFacts = Pick<Cocktail, 'factors' | 'assessed' | 'count'> & {
  riskIndicators: readonly string[]
  /** null: not known which (a card stored before issue 11). */
  notAssessed: readonly NotAssessedFactor[] | null
}

/** The label of a factor in the reader's language. */
export type LabelOf = (code: string) => string

/** "Mensen met bijstand" → "mensen met bijstand", but "WW-uitkering" stays. */
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s)

/** "a", "a en b", "a, b en c". */
export function joinList(items: string[], locale: Locale): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} ${t(locale, 'wijken.cocktailText.and')} ${items[items.length - 1]}`
}

export const notAssessedReasonText = (reason: NotAssessedReason, locale: Locale) =>
  t(locale, `wijken.cocktailReason.${reason}`)

/** How many factors could not be assessed (also for a card that does not know which). */
export const notAssessedCount = (c: CocktailFacts) => c.notAssessed?.length ?? Math.max(0, c.factors - c.assessed)

/** The not-assessed factors grouped by reason, in the order the reasons first occur. */
export function byReason(notAssessed: readonly NotAssessedFactor[]): [NotAssessedReason, string[]][] {
  const groups = new Map<NotAssessedReason, string[]>()
  for (const f of notAssessed) groups.set(f.reason, [...(groups.get(f.reason) ?? []), f.code])
  return [...groups]
}

/** "2 van 4 beoordeelde factoren". */
export const cocktailCountText = (c: CocktailFacts, locale: Locale) =>
  t(locale, c.assessed === 1 ? 'wijken.cocktailText.countOne' : 'wijken.cocktailText.count', {
    count: c.count,
    assessed: c.assessed,
  })

/**
 * "2 niet te bepalen: geen cijfer van CBS voor deze wijk" (one reason) or
 * "4 niet te bepalen: niet gepubliceerd door CBS (2), geen cijfer van CBS voor deze wijk (2)";
 * null when every factor was assessed.
 */
export function notAssessedLine(c: CocktailFacts, locale: Locale): string | null {
  const n = notAssessedCount(c)
  if (n === 0) return null
  const head = t(locale, 'wijken.cocktailText.notAssessed', { n })
  if (!c.notAssessed) return head
  const groups = byReason(c.notAssessed)
  const reasons =
    groups.length === 1
      ? notAssessedReasonText(groups[0]![0], locale)
      : groups.map(([reason, codes]) => `${notAssessedReasonText(reason, locale)} (${codes.length})`).join(', ')
  return `${head}: ${reasons}`
}

/** "3 van 4 beoordeelde factoren; 2 niet te bepalen: geen cijfer van CBS voor deze wijk". */
export function cocktailLine(c: CocktailFacts, locale: Locale): string {
  const missing = notAssessedLine(c, locale)
  if (c.assessed === 0) return t(locale, 'wijken.cocktailText.noneAssessed', { factors: c.factors })
  return missing ? `${cocktailCountText(c, locale)}; ${missing}` : cocktailCountText(c, locale)
}

/**
 * The plain-language summary (B1): what piles up, what could not be assessed and why, and what
 * the figures do not mean.
 */
export function cocktailSummary(
  c: CocktailFacts,
  names: { wijk: string; gemeente: string; labelOf: LabelOf },
  locale: Locale,
): string {
  const { wijk, gemeente, labelOf } = names
  const label = (code: string) => lowerFirst(labelOf(code))
  const sentences: string[] = []
  if (c.assessed === 0) {
    sentences.push(t(locale, 'wijken.cocktailText.summary.noneAssessed', { wijk, factors: c.factors }))
  } else {
    const key =
      c.count === 0
        ? 'wijken.cocktailText.summary.noRisk'
        : c.count === 1
          ? 'wijken.cocktailText.summary.riskOne'
          : 'wijken.cocktailText.summary.risk'
    sentences.push(
      t(locale, key, {
        wijk,
        gemeente,
        count: c.count,
        assessed: c.assessed,
        names: joinList(c.riskIndicators.map(label), locale),
      }),
    )
    const n = notAssessedCount(c)
    if (n > 0 && c.notAssessed) {
      const groups = byReason(c.notAssessed).map(
        ([reason, codes]) => `${joinList(codes.map(label), locale)} (${notAssessedReasonText(reason, locale)})`,
      )
      sentences.push(
        t(locale, 'wijken.cocktailText.summary.missing', { n, factors: c.factors, names: groups.join('; ') }),
      )
    } else if (n > 0) {
      sentences.push(t(locale, 'wijken.cocktailText.summary.missingUnknown', { n, factors: c.factors }))
    }
  }
  sentences.push(t(locale, 'wijken.cocktailText.summary.closing'))
  return sentences.join(' ')
}
