import { gemeenteOf, regionLevel, type RegionLevel } from '~/wijken/regions'

export interface NormalizedRegion {
  code: string
  level: RegionLevel
  name: string
  gemeenteCode: string | null
  /** False when the file gave no title (only a code): an existing name is then kept. */
  hasTitle: boolean
}

/**
 * The region a row is about, named as well as the row allows: Nederland; a gemeente by its
 * Gemeentenaam or title; a wijk or buurt by its title; else by its code (and `hasTitle` false).
 */
export function regionRecord(code: string, title: string, gemeenteName: string): NormalizedRegion {
  const level = regionLevel(code)!
  const hasTitle =
    level === 'land' ||
    (title !== '' && !regionLevel(title.toUpperCase())) ||
    (level === 'gemeente' && gemeenteName !== '')
  const name =
    level === 'land'
      ? 'Nederland'
      : level === 'gemeente'
        ? gemeenteName || (hasTitle ? title : code)
        : hasTitle
          ? title
          : code
  return { code, level, name: name.replace(/\s*\(gemeente\)$/i, ''), gemeenteCode: gemeenteOf(code), hasTitle }
}

/** Keeps the first record of a region, unless a later row gives a title where the first had none. */
export function keepRegion(regions: Map<string, NormalizedRegion>, region: NormalizedRegion): void {
  const known = regions.get(region.code)
  if (!known || (region.hasTitle && !known.hasTitle)) regions.set(region.code, region)
}
