/**
 * Own indicators in a profile: the same IndicatorResult as the catalogue's, so every page, the API,
 * the cocktail and the canvas cards treat them alike. Whether a figure may be shown is
 * app/wijken/privacy.ts's: a count under the minimum base, and a rate whose base (its base column,
 * else the region's inhabitants per CBS) is not known to be large enough, are "te klein om te tonen".
 */
import { and, eq, inArray, or } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { indicatorValues } from '../../../db/schema'
import { isRisk } from '~/wijken/cocktail'
import { readCurrentCells } from '~/wijken/import/generations.server'
import { tablesOfFamily } from '~/wijken/import/tables'
import { periodLabel } from '~/wijken/periods'
import { chosenPeriod, newerThan, trendOf } from '~/wijken/periods-shown'
import { DEFAULT_MIN_BASE, guardCount, guardLocalRate, type CellInput, type Guarded } from '~/wijken/privacy'
import type { IndicatorResult, SourceUse } from '~/wijken/profile-types'
import { NATIONAL_CODE } from '~/wijken/regions'
import { ownLabel, visibleOwnIndicators, type OwnIndicatorWithTable } from './own-store.server'

interface OwnCell extends CellInput {
  period: string
  sourceColumn: string
}

/** What the profile needs of the own tables for a set of regions. */
export interface OwnFigures {
  indicators: OwnIndicatorWithTable[]
  /** `${tableId}|${column}|${region}` → cells by period (ascending). */
  cells: Map<string, OwnCell[]>
  /** region → its inhabitants per CBS (KWB, newest period), the base of a rate without its own. */
  inhabitants: Map<string, CellInput>
}

const key = (tableId: string, column: string, region: string) => `${tableId}|${column}|${region}`

/** The current cells of the visible own tables (and CBS inhabitants) for these regions (ADR 013). */
export function loadOwnFigures(db: Db, regionCodes: string[]): OwnFigures {
  const indicators = visibleOwnIndicators(db)
  const cells = new Map<string, OwnCell[]>()
  const inhabitants = new Map<string, CellInput>()
  if (indicators.length === 0) return { indicators, cells, inhabitants }
  const tableIds = [...new Set(indicators.map((i) => i.tableId))]
  const kwb = tablesOfFamily('kwb')
  const rows = readCurrentCells(
    db,
    regionCodes,
    or(
      inArray(indicatorValues.tableId, tableIds),
      and(inArray(indicatorValues.tableId, kwb), eq(indicatorValues.column, 'AantalInwoners')),
    ),
  )
  const newestInhabitants = new Map<string, string>()
  for (const r of rows) {
    if (kwb.includes(r.tableId)) {
      if ((newestInhabitants.get(r.regionCode) ?? '') < r.period) {
        newestInhabitants.set(r.regionCode, r.period)
        inhabitants.set(r.regionCode, { value: r.value, missingReason: r.missingReason })
      }
      continue
    }
    const k = key(r.tableId, r.column, r.regionCode)
    const list = cells.get(k) ?? []
    list.push({ period: r.period, sourceColumn: r.sourceColumn, value: r.value, missingReason: r.missingReason })
    cells.set(k, list)
  }
  for (const list of cells.values()) list.sort((a, b) => a.period.localeCompare(b.period))
  return { indicators, cells, inhabitants }
}

const round = (v: number | null, decimals: number) => (v === null ? null : Number(v.toFixed(decimals)))

/** The figure of one own indicator for one region and period, through the privacy rules. */
function guarded(def: OwnIndicatorWithTable, figures: OwnFigures, region: string, period: string): Guarded {
  const cell = figures.cells.get(key(def.tableId, def.column, region))?.find((c) => c.period === period)
  if (def.kind === 'count') return guardCount(cell, DEFAULT_MIN_BASE)
  if (def.baseColumn) {
    const base = figures.cells.get(key(def.tableId, def.baseColumn, region))?.find((c) => c.period === period)
    return guardLocalRate(cell, { own: base }, DEFAULT_MIN_BASE)
  }
  return guardLocalRate(cell, { inhabitants: figures.inhabitants.get(region) }, DEFAULT_MIN_BASE)
}

/** An own indicator's risk: beyond the administrator's threshold, else the catalogue's rule. */
function ownRisk(
  def: OwnIndicatorWithTable,
  value: number | null,
  gemeenteValue: number | null,
  nationalValue: number | null,
) {
  if (!def.riskDirection || value === null) return null
  if (def.threshold !== null) return def.riskDirection === 'higher' ? value > def.threshold : value < def.threshold
  return isRisk({ value, gemeenteValue, nationalValue, riskDirection: def.riskDirection })
}

/**
 * One own indicator for a wijk: the wijk's figures, else the gemeente's (then it is a gemeente
 * figure, `level: 'gemeente'`), with the gemeente and Nederland beside it. Like the catalogue
 * (periods-shown.ts): a profile shows the newest period with a figure that may be shown, says what
 * is newer, and has the trend of the periods the table was imported for; a map
 * (`newestWithValue` false) keeps the newest period for every wijk.
 */
export function ownIndicatorResult(
  def: OwnIndicatorWithTable,
  figures: OwnFigures,
  wijk: string,
  gemeente: string,
  { newestWithValue = true } = {},
): IndicatorResult {
  const cellsOf = (column: string, region: string) => figures.cells.get(key(def.tableId, column, region)) ?? []
  const periods = (region: string) => cellsOf(def.column, region).map((c) => c.period)
  const level = periods(wijk).length > 0 || periods(gemeente).length === 0 ? 'wijk' : 'gemeente'
  const own = level === 'wijk' ? wijk : gemeente
  const ownPeriods = periods(own)
  const all = [ownPeriods, periods(gemeente), periods(NATIONAL_CODE)].find((p) => p.length > 0) ?? []
  const latest = all[all.length - 1] ?? null
  const at = (region: string, p: string) => guarded(def, figures, region, p)
  const period = chosenPeriod(ownPeriods, latest, (p) => at(own, p).value !== null, newestWithValue)
  const main = period ? at(own, period) : null
  const gm = period ? at(gemeente, period).value : null
  const nl = period ? at(NATIONAL_CODE, period).value : null
  const value = main?.value ?? null
  const sources: SourceUse[] = []
  const cell = period ? cellsOf(def.column, own).find((c) => c.period === period) : undefined
  if (cell && period) sources.push({ table: def.tableId, column: cell.sourceColumn, period })
  const base = def.baseColumn && period ? cellsOf(def.baseColumn, own).find((c) => c.period === period) : undefined
  if (base && period) sources.push({ table: def.tableId, column: base.sourceColumn, period })
  const countable = def.kind !== 'count'
  return {
    code: def.code,
    label: ownLabel(def),
    unit: def.unit,
    level,
    decimals: def.decimals,
    sameTopicAs: null,
    own: {
      organisation: def.table.organisation,
      table: def.tableId,
      title: def.table.title,
      definition: def.definition,
    },
    value: round(value, def.decimals),
    reason: main ? main.reason : 'no-data',
    period,
    periodLabel: period ? periodLabel(period) : null,
    source: { table: def.tableId, column: cell?.sourceColumn ?? def.sourceColumn },
    sources,
    gemeenteValue: round(gm, def.decimals),
    nationalValue: round(nl, def.decimals),
    difference: level === 'wijk' && countable && value !== null && gm !== null ? round(value - gm, def.decimals) : null,
    differenceNational: countable && value !== null && nl !== null ? round(value - nl, def.decimals) : null,
    riskDirection: def.riskDirection,
    inCocktail: def.inCocktail && def.riskDirection !== null,
    isRisk: level === 'wijk' ? ownRisk(def, value, gm, nl) : null,
    riskThreshold: def.riskDirection ? def.threshold : null,
    trend: trendOf(
      ownPeriods,
      period,
      (p) => ({ own: at(own, p), gemeente: at(gemeente, p).value, national: at(NATIONAL_CODE, p).value }),
      def.decimals,
    ),
    newer: newerThan(period, latest, (p) => at(own, p).reason),
  }
}

/** Every visible own indicator for a wijk. */
export const ownIndicatorResults = (figures: OwnFigures, wijk: string, gemeente: string): IndicatorResult[] =>
  figures.indicators.map((def) => ownIndicatorResult(def, figures, wijk, gemeente))
