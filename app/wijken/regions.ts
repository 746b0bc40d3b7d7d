export type RegionLevel = 'land' | 'gemeente' | 'wijk' | 'buurt'

export const NATIONAL_CODE = 'NL00'

/**
 * The one home of the CBS region-code patterns; validation schemas and routes import these
 * rather than writing their own regular expression.
 */
export const regionCodePatterns: Readonly<Record<RegionLevel, RegExp>> = {
  land: /^NL\d{2}$/,
  gemeente: /^GM\d{4}$/,
  wijk: /^WK\d{6}$/,
  buurt: /^BU\d{8}$/,
}

const levels = Object.keys(regionCodePatterns) as RegionLevel[]

/** The level of a CBS region code, or null when it is not one. */
export function regionLevel(code: string): RegionLevel | null {
  return levels.find((level) => regionCodePatterns[level].test(code)) ?? null
}

/** GM0796 for WK079601 and BU07960101; the code itself for a gemeente; null for NL. */
export function gemeenteOf(code: string): string | null {
  const level = regionLevel(code)
  if (level === 'gemeente') return code
  if (level === 'wijk' || level === 'buurt') return `GM${code.slice(2, 6)}`
  return null
}

export const isWijkCode = (code: string) => regionCodePatterns.wijk.test(code)
export const isGemeenteCode = (code: string) => regionCodePatterns.gemeente.test(code)
