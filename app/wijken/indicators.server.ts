import type { Db } from '../../db/client'
import { indicators } from '../../db/schema'
import { indicatorCatalogue, sourcesOf, tablesOf, type IndicatorDef } from './indicators'

/** The catalogue as rows of the `indicators` table (readable in the database and on a page). */
export function indicatorRow(def: IndicatorDef, sortOrder: number): typeof indicators.$inferInsert {
  return {
    code: def.code,
    labelNl: def.label.nl,
    labelEn: def.label.en,
    definitionNl: def.definition,
    unit: def.unit,
    sources: JSON.stringify(
      sourcesOf(def).map((s) => ({
        tables: tablesOf(s),
        column: s.column,
        ...(s.category ? { category: s.category } : {}),
      })),
    ),
    computation: def.computationText,
    riskDirection: def.riskDirection,
    inCocktail: def.inCocktail,
    reference: def.reference,
    thresholdRule: def.thresholdRule,
    minBase: def.minBase,
    level: def.level,
    sortOrder,
  }
}

/** Writes the catalogue from code into the `indicators` table; rows no longer in code are removed. */
export function seedIndicators(db: Db): void {
  db.transaction((tx) => {
    tx.delete(indicators).run()
    tx.insert(indicators)
      .values(indicatorCatalogue.map((def, i) => indicatorRow(def, i)))
      .run()
  })
}
