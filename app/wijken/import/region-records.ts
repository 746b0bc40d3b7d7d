import { gemeenteOf, regionLevel, type RegionLevel } from '~/wijken/regions'
import { importIssue, type ImportIssue, type IssueLocation } from './types'

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

/** A region name compared without case, accents, spacing or punctuation ("Breda centrum" = "Breda-Centrum"). */
const comparable = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')

/**
 * A region the file names differently from the CBS name already known for its code (in the
 * database or the bundled boundaries): refused, so a file cannot rename a wijk to a person
 * (issue 7). A region without a known name, and a row that gives only a code, pass.
 */
export function regionNameIssue(
  region: NormalizedRegion,
  knownName: ((code: string) => string | null) | undefined,
  at: IssueLocation,
): ImportIssue | null {
  if (!region.hasTitle || region.level === 'land') return null
  const known = knownName?.(region.code)
  if (!known || comparable(known) === comparable(region.name)) return null
  return importIssue('import.issue.regionNameMismatch', { code: region.code, name: region.name, known }, at)
}
