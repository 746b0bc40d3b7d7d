import { and, asc, count, eq, isNotNull } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { regions } from '../../db/schema'
import { indicatorCatalogue } from './indicators'
import { gemeenteShapes } from './map.server'
import { listGemeenteWijken, type GemeenteWijken } from './profile.server'
import type { GemeenteCoverage } from './profile-types'

export type { GemeenteCoverage }

const wijkIndicators = indicatorCatalogue.filter((d) => d.level === 'wijk').map((d) => d.code)

export function coverageOf(list: GemeenteWijken): GemeenteCoverage {
  const assessed = list.wijken.map((w) => w.cocktail.assessedIndicators.join(','))
  const union = new Set(list.wijken.flatMap((w) => w.cocktail.assessedIndicators))
  const wijkFigures = list.withFigures.filter((c) => wijkIndicators.includes(c))
  return {
    code: list.code,
    name: list.name,
    factors: list.wijken[0]?.cocktail.factors ?? 0,
    assessable: indicatorCatalogue.map((d) => d.code).filter((c) => union.has(c)),
    sameInEveryWijk: new Set(assessed).size <= 1,
    withFigures: list.withFigures,
    wijkFigures,
    ownIndicators: list.ownIndicators,
    thin: union.size === 0 || wijkFigures.length <= wijkIndicators.length / 3,
  }
}

export interface GemeenteEntry extends GemeenteCoverage {
  wijken: number
  hasMap: boolean
}

/** The gemeenten that have wijken in the database (i.e. whose wijk data was imported), by name. */
export function listGemeentenWithWijken(db: Db): GemeenteEntry[] {
  const counts = db
    .select({ code: regions.gemeenteCode, n: count() })
    .from(regions)
    .where(and(eq(regions.level, 'wijk'), isNotNull(regions.gemeenteCode)))
    .groupBy(regions.gemeenteCode)
    .all()
  const byCode = new Map(counts.map((c) => [c.code!, c.n]))
  return db
    .select()
    .from(regions)
    .where(eq(regions.level, 'gemeente'))
    .orderBy(asc(regions.name))
    .all()
    .filter((g) => (byCode.get(g.code) ?? 0) > 0)
    .map((g) => ({
      ...coverageOf(listGemeenteWijken(db, g.code)!),
      wijken: byCode.get(g.code)!,
      hasMap: gemeenteShapes(g.code) !== null,
    }))
}
