import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { indicatorValues, regions, type Region } from '../../db/schema'
import { computeCocktail, isRisk, type Cocktail } from './cocktail'
import { readCurrentCells } from './import/generations.server'
import { cbsTables } from './import/tables'
import { indicatorByCode, indicatorCatalogue, sourcesOf, type IndicatorDef, type SourceRef } from './indicators'
import { periodLabel } from './periods'
import { chosenPeriod, newerThan, trendOf } from './periods-shown'
import { guard, guardCount, guardRatio, type CellInput, type Guarded, type HiddenReason } from './privacy'
import { NATIONAL_CODE } from './regions'
import { loadOwnFigures, ownIndicatorResult, ownIndicatorResults, type OwnFigures } from './own/own-profile.server'

import type { IndicatorResult, IndicatorView, SourceUse, TrendPoint, WijkProfile } from './profile-types'

export type { IndicatorResult, IndicatorView, SourceUse, TrendPoint, WijkProfile }

export const ATTRIBUTION = 'Bron: CBS, CC BY 4.0'

interface StoredCell extends CellInput {
  tableId: string
  sourceColumn: string
  period: string
}

/** The cells of a set of regions, indexed by family, column, category and region. */
type CellStore = Map<string, StoredCell[]>

const storeKey = (family: string, column: string, category: string, region: string) =>
  `${family}|${column}|${category}|${region}`

const neededColumns = [...new Set(indicatorCatalogue.flatMap((d) => sourcesOf(d).map((s) => s.column)))]

/**
 * The current cells of these regions (ADR 013): one statement reads them with the generation readers
 * see, so a profile shows a whole import or none of it, also while one is being written.
 */
function loadCells(db: Db, regionCodes: string[]): CellStore {
  const rows = readCurrentCells(db, regionCodes, inArray(indicatorValues.column, neededColumns))
  const store: CellStore = new Map()
  for (const r of rows) {
    const family = cbsTables[r.tableId]?.family
    if (!family) continue
    const key = storeKey(family, r.column, r.category, r.regionCode)
    const list = store.get(key) ?? []
    list.push({
      tableId: r.tableId,
      sourceColumn: r.sourceColumn,
      period: r.period,
      value: r.value,
      missingReason: r.missingReason,
    })
    store.set(key, list)
  }
  for (const list of store.values()) list.sort((a, b) => a.period.localeCompare(b.period))
  return store
}

interface Computed {
  guarded: Guarded
  raw: number | null
  sources: SourceUse[]
}

const primaryRef = (def: IndicatorDef): SourceRef =>
  def.computation.kind === 'ratio' ? def.computation.numerator[0]! : def.computation.value

const cellsOf = (store: CellStore, ref: SourceRef, region: string) =>
  store.get(storeKey(ref.family, ref.column, ref.category ?? '', region)) ?? []

/** Periods with a cell of the indicator's primary source for this region. */
function periodsOf(def: IndicatorDef, store: CellStore, region: string): string[] {
  return cellsOf(store, primaryRef(def), region).map((c) => c.period)
}

/**
 * The indicator for one region and period. Inputs from the primary source's family use that
 * period; inputs from another family (e.g. the KWB population under a jeugdzorg count) use the
 * same period if it exists, else their latest one.
 */
function computeAt(def: IndicatorDef, store: CellStore, region: string, period: string): Computed {
  const family = primaryRef(def).family
  const sources: SourceUse[] = []
  const pick = (ref: SourceRef): StoredCell | undefined => {
    const cells = cellsOf(store, ref, region)
    const cell = cells.find((c) => c.period === period) ?? (ref.family === family ? undefined : cells[cells.length - 1])
    if (cell)
      sources.push({
        table: cell.tableId,
        column: cell.sourceColumn,
        period: cell.period,
        ...(ref.category ? { category: ref.category } : {}),
      })
    return cell
  }
  const c = def.computation
  let guarded: Guarded
  if (c.kind === 'count') guarded = guardCount(pick(c.value), def.minBase)
  else if (c.kind === 'published') {
    const value = pick(c.value)
    guarded = guard(value, c.base.map(pick), def.minBase)
  } else guarded = guardRatio(c.numerator.map(pick), c.denominator.map(pick), c.per, def.minBase)
  return { guarded, raw: guarded.value, sources }
}

const round = (v: number | null, decimals: number) => (v === null ? null : Number(v.toFixed(decimals)))

/** The one place an indicator's presentation is taken from the catalogue. */
export const indicatorView = (def: IndicatorDef): IndicatorView => ({
  code: def.code,
  label: def.label,
  unit: def.unit,
  level: def.level,
  decimals: def.decimals,
  sameTopicAs: def.sameTopicAs ?? null,
})

/** The presentation of a result (for an own indicator, which has no catalogue entry). */
const viewOf = ({ code, label, unit, level, decimals, sameTopicAs, own }: IndicatorResult): IndicatorView => ({
  code,
  label,
  unit,
  level,
  decimals,
  sameTopicAs,
  ...(own ? { own } : {}),
})

function indicatorFor(
  def: IndicatorDef,
  store: CellStore,
  wijk: string,
  gemeente: string,
  { newestWithValue = true } = {},
): IndicatorResult {
  const own = def.level === 'gemeente' ? gemeente : wijk
  const ownPeriods = periodsOf(def, store, own)
  // Without own figures the period still comes from the references, so they can be shown.
  const anyPeriods =
    [ownPeriods, periodsOf(def, store, gemeente), periodsOf(def, store, NATIONAL_CODE)].find((p) => p.length > 0) ?? []
  const latest = anyPeriods[anyPeriods.length - 1] ?? null

  const at = (region: string, p: string) => computeAt(def, store, region, p)
  const period = chosenPeriod(ownPeriods, latest, (p) => at(own, p).guarded.value !== null, newestWithValue)
  const main = period ? at(own, period) : null
  const gm = period ? at(gemeente, period) : null
  const nl = period ? at(NATIONAL_CODE, period) : null
  const value = main?.guarded.value ?? null
  const reason: HiddenReason | null = main ? main.guarded.reason : 'no-data'
  const gemeenteValue = gm?.guarded.value ?? null
  const nationalValue = nl?.guarded.value ?? null
  const risk =
    def.level === 'wijk'
      ? isRisk({
          value,
          gemeenteValue,
          nationalValue,
          riskDirection: def.riskDirection,
        })
      : null
  const newer = newerThan(period, latest, (p) => at(own, p).guarded.reason)
  const trend = trendOf(
    ownPeriods,
    period,
    (p) => ({
      own: at(own, p).guarded,
      gemeente: at(gemeente, p).guarded.value,
      national: at(NATIONAL_CODE, p).guarded.value,
    }),
    def.decimals,
  )

  // Without an own cell, the reference's cells say where the figure would be: table, column, period.
  const sources = [main, gm, nl].find((c) => c && c.sources.length > 0)?.sources ?? []
  const primary = sources[0]
  return {
    ...indicatorView(def),
    value: round(value, def.decimals),
    reason,
    period,
    periodLabel: period ? periodLabel(period) : null,
    source: primary ? { table: primary.table, column: primary.column } : null,
    sources,
    newer,
    gemeenteValue: round(gemeenteValue, def.decimals),
    nationalValue: round(nationalValue, def.decimals),
    difference:
      def.level === 'wijk' && def.computation.kind !== 'count' && value !== null && gemeenteValue !== null
        ? round(value - gemeenteValue, def.decimals)
        : null,
    differenceNational:
      def.computation.kind !== 'count' && value !== null && nationalValue !== null
        ? round(value - nationalValue, def.decimals)
        : null,
    riskDirection: def.riskDirection,
    inCocktail: def.inCocktail,
    isRisk: risk,
    trend,
  }
}

function findRegion(db: Db, code: string): Region | undefined {
  return db.select().from(regions).where(eq(regions.code, code)).get()
}

function profileFrom(
  store: CellStore,
  wijk: Region,
  gemeente: { code: string; name: string },
  own: OwnFigures,
): WijkProfile {
  const results = [
    ...indicatorCatalogue.map((def) => indicatorFor(def, store, wijk.code, gemeente.code)),
    // an organisation's own figures, after the catalogue (issue 11; app/wijken/own)
    ...ownIndicatorResults(own, wijk.code, gemeente.code),
  ]
  const cocktail = computeCocktail(results)
  return {
    code: wijk.code,
    name: wijk.name,
    gemeente,
    indicators: results,
    cocktail,
    attribution: ATTRIBUTION,
  }
}

function gemeenteOfWijk(db: Db, wijk: Region) {
  const code = wijk.gemeenteCode ?? `GM${wijk.code.slice(2, 6)}`
  return { code, name: findRegion(db, code)?.name ?? code }
}

/** The data profile of a wijk (code WK……), or null when the wijk is unknown. */
export function getWijkProfile(db: Db, wijkCode: string): WijkProfile | null {
  const wijk = findRegion(db, wijkCode)
  if (!wijk || wijk.level !== 'wijk') return null
  const gemeente = gemeenteOfWijk(db, wijk)
  const codes = [wijk.code, gemeente.code, NATIONAL_CODE]
  return profileFrom(loadCells(db, codes), wijk, gemeente, loadOwnFigures(db, codes))
}

function gemeenteWithWijken(db: Db, gemeenteCode: string) {
  const gemeente = findRegion(db, gemeenteCode)
  if (!gemeente || gemeente.level !== 'gemeente') return null
  const wijken = db
    .select()
    .from(regions)
    .where(and(eq(regions.gemeenteCode, gemeente.code), eq(regions.level, 'wijk')))
    .orderBy(asc(regions.code))
    .all()
  const codes = [...wijken.map((w) => w.code), gemeente.code, NATIONAL_CODE]
  return { gemeente, wijken, store: loadCells(db, codes), own: loadOwnFigures(db, codes) }
}

export interface GemeenteWijken {
  code: string
  name: string
  wijken: {
    code: string
    name: string
    inhabitants: number | null
    inhabitantsReason: HiddenReason | null
    cocktail: Cocktail
  }[]
  /**
   * The indicators with a figure for this gemeente: for a wijk-level one, a value in at least one
   * wijk; for a gemeente-level one, the gemeente's value. A map offers only these (issue 11).
   */
  withFigures: string[]
  /** An organisation's own indicators with a figure in at least one wijk (app/wijken/own): the map offers them too. */
  ownIndicators: { code: string; label: { nl: string; en: string } }[]
  /** How the wijken's `inhabitants` are presented. */
  inhabitantsIndicator: IndicatorView
  attribution: string
}

const INHABITANTS = 'inwoners'

/** A gemeente and its wijken with their cocktail count, or null when the gemeente is unknown. */
export function listGemeenteWijken(db: Db, gemeenteCode: string): GemeenteWijken | null {
  const found = gemeenteWithWijken(db, gemeenteCode)
  if (!found) return null
  const { gemeente, wijken, store, own } = found
  const profiles = wijken.map((wijk) => profileFrom(store, wijk, gemeente, own))
  const ownWithFigures = [
    ...new Map(
      profiles
        .flatMap((p) => p.indicators)
        .filter((i) => i.own && i.value !== null)
        .map((i) => [i.code, { code: i.code, label: i.label }] as const),
    ).values(),
  ]
  return {
    code: gemeente.code,
    name: gemeente.name,
    wijken: profiles.map((profile) => {
      const inhabitants = profile.indicators.find((i) => i.code === INHABITANTS)!
      return {
        code: profile.code,
        name: profile.name,
        inhabitants: inhabitants.value,
        inhabitantsReason: inhabitants.reason,
        cocktail: profile.cocktail,
      }
    }),
    withFigures: [
      ...indicatorCatalogue
        .filter((def) => profiles.some((p) => p.indicators.some((i) => i.code === def.code && i.value !== null)))
        .map((def) => def.code),
      ...ownWithFigures.map((i) => i.code),
    ],
    ownIndicators: ownWithFigures,
    inhabitantsIndicator: indicatorView(indicatorByCode.get(INHABITANTS)!),
    attribution: ATTRIBUTION,
  }
}

export interface IndicatorMap {
  gemeente: { code: string; name: string }
  indicator: IndicatorView
  gemeenteValue: number | null
  nationalValue: number | null
  wijken: {
    code: string
    name: string
    value: number | null
    reason: HiddenReason | null
    period: string | null
    source: { table: string; column: string } | null
    isRisk: boolean | null
  }[]
  attribution: string
}

/**
 * One indicator for every wijk of a gemeente (for a choropleth). Null when the gemeente or the
 * indicator is unknown. A gemeente-level indicator gives every wijk the gemeente's value with
 * level 'gemeente'; a map should say so rather than colour the wijken as if they differed.
 */
export function getIndicatorByWijk(db: Db, gemeenteCode: string, indicatorCode: string): IndicatorMap | null {
  const def = indicatorByCode.get(indicatorCode)
  const found = gemeenteWithWijken(db, gemeenteCode)
  if (!found) return null
  const { gemeente, wijken, store, own } = found
  // an own indicator is mapped like a catalogue one (app/wijken/own)
  const ownDef = def ? undefined : own.indicators.find((i) => i.code === indicatorCode)
  if (!def && !ownDef) return null
  const resultFor = (wijk: Region) =>
    def
      ? indicatorFor(def, store, wijk.code, gemeente.code, { newestWithValue: false })
      : ownIndicatorResult(ownDef!, own, wijk.code, gemeente.code, { newestWithValue: false })
  const rows = wijken.map((wijk) => ({ wijk, result: resultFor(wijk) }))
  const first = rows[0]?.result
  return {
    gemeente: { code: gemeente.code, name: gemeente.name },
    indicator: def ? indicatorView(def) : viewOf(ownIndicatorResult(ownDef!, own, '', gemeente.code)),
    gemeenteValue: first?.gemeenteValue ?? null,
    nationalValue: first?.nationalValue ?? null,
    wijken: rows.map(({ wijk, result }) => ({
      code: wijk.code,
      name: wijk.name,
      value: result.value,
      reason: result.reason,
      period: result.period,
      source: result.source,
      isRisk: result.isRisk,
    })),
    attribution: ATTRIBUTION,
  }
}
