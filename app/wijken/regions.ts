export type RegionLevel = 'land' | 'gemeente' | 'wijk' | 'buurt'

export const NATIONAL_CODE = 'NL00'

const patterns: [RegExp, RegionLevel][] = [
  [/^NL\d{2}$/, 'land'],
  [/^GM\d{4}$/, 'gemeente'],
  [/^WK\d{6}$/, 'wijk'],
  [/^BU\d{8}$/, 'buurt'],
]

/** The level of a CBS region code, or null when it is not one. */
export function regionLevel(code: string): RegionLevel | null {
  return patterns.find(([re]) => re.test(code))?.[1] ?? null
}

/** GM0796 for WK079601 and BU07960101; the code itself for a gemeente; null for NL. */
export function gemeenteOf(code: string): string | null {
  const level = regionLevel(code)
  if (level === 'gemeente') return code
  if (level === 'wijk' || level === 'buurt') return `GM${code.slice(2, 6)}`
  return null
}

export const isWijkCode = (code: string) => /^WK\d{6}$/.test(code)
export const isGemeenteCode = (code: string) => /^GM\d{4}$/.test(code)
