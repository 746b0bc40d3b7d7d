import { and, asc, count, eq, isNotNull } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { regions } from '../../db/schema'
import { gemeenteShapes } from './map.server'

export interface GemeenteEntry {
  code: string
  name: string
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
    .map((g) => ({ code: g.code, name: g.name, wijken: byCode.get(g.code)!, hasMap: gemeenteShapes(g.code) !== null }))
}
