/**
 * The own indicators on /indicatoren, the page that explains every figure the app shows: for each
 * one readers see, what that page says of a catalogue indicator (name, source, unit, periods,
 * definition, direction, the cocktail and its threshold, when a figure is too small to show).
 */
import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { cbsImports, indicatorValues } from '../../../db/schema'
import { visibleGeneration } from '~/wijken/import/generations.server'
import { DEFAULT_MIN_BASE, localRateMinBase } from '~/wijken/privacy'
import type { OwnCatalogueEntry } from '~/wijken/profile-types'
import { ownLabel, visibleOwnIndicators } from './own-store.server'

/**
 * The periods of each column of these tables, from the imports readers see (ADR 013): a later file
 * of a table may lack a column, so the table's periods are not each column's. A replaced row not yet
 * deleted has the period of the row that replaced it, so it adds none.
 */
function periodsOfColumns(db: Db, tableIds: string[]): Map<string, string[]> {
  const rows = db
    .selectDistinct({ tableId: cbsImports.tableId, column: indicatorValues.column, period: cbsImports.period })
    .from(cbsImports)
    .innerJoin(indicatorValues, eq(indicatorValues.importId, cbsImports.id))
    .where(
      and(
        inArray(cbsImports.tableId, tableIds),
        lte(cbsImports.generation, visibleGeneration),
        isNull(cbsImports.removedAt),
        lte(indicatorValues.generation, visibleGeneration),
      ),
    )
    .orderBy(asc(cbsImports.period))
    .all()
  const periods = new Map<string, string[]>()
  for (const r of rows) {
    const key = `${r.tableId}|${r.column}`
    periods.set(key, [...(periods.get(key) ?? []), r.period])
  }
  return periods
}

/** Every own indicator readers see, for /indicatoren, in table and column order. */
export function ownCatalogue(db: Db): OwnCatalogueEntry[] {
  const indicators = visibleOwnIndicators(db)
  if (indicators.length === 0) return []
  const periods = periodsOfColumns(db, [...new Set(indicators.map((i) => i.tableId))])
  return indicators.map((i) => {
    const base = i.baseColumn ? indicators.find((b) => b.tableId === i.tableId && b.column === i.baseColumn) : undefined
    return {
      code: i.code,
      label: ownLabel(i),
      organisation: i.table.organisation,
      title: i.table.title,
      tableId: i.tableId,
      sourceColumn: i.sourceColumn,
      unit: i.unit,
      decimals: i.decimals,
      definition: i.definition,
      periods: periods.get(`${i.tableId}|${i.column}`) ?? [],
      riskDirection: i.riskDirection,
      inCocktail: i.inCocktail && i.riskDirection !== null,
      threshold: i.threshold,
      smallNumbers:
        i.kind === 'count'
          ? { kind: 'count', min: DEFAULT_MIN_BASE }
          : base
            ? { kind: 'base-column', column: base.sourceColumn, min: localRateMinBase('own') }
            : { kind: 'inhabitants', min: localRateMinBase('inhabitants') },
    }
  })
}
