/**
 * The shapes of what the wijk pages and canvas cards receive from the server. Kept apart from
 * the *.server.ts modules that compute them, so browser code can name them without importing
 * server code.
 */
import type { Cocktail, NotAssessedFactor } from './cocktail'
import type { LegendClass } from './map-view'
import type { HiddenReason } from './privacy'

export interface SourceUse {
  table: string
  column: string
  category?: string
  period: string
}

export interface TrendPoint {
  period: string
  periodLabel: string
  value: number | null
  reason: HiddenReason | null
  gemeenteValue: number | null
  nationalValue: number | null
}

/**
 * How an indicator is presented, made once on the server from the catalogue (app/wijken/indicators.ts),
 * so that pages, maps and canvas cards label and format its figures alike without the catalogue.
 */
export interface IndicatorView {
  code: string
  label: { nl: string; en: string }
  unit: string
  /** 'wijk': published per wijk; 'gemeente': CBS publishes it only per gemeente, the value is the gemeente's. */
  level: 'wijk' | 'gemeente'
  /** Every figure of the indicator is rounded to, and shown with, this many decimals. */
  decimals: number
  /**
   * The code of an indicator about the same thing in another unit (youth support per gemeente in
   * % of under-18s beside the wijk figure per 1,000 aged 0–25), so a page can say why both are there.
   */
  sameTopicAs: string | null
  /**
   * An own indicator (an organisation's table, app/wijken/own): who delivers it, the table's id and
   * name, and the administrator's definition. Absent for the CBS catalogue.
   */
  own?: { organisation: string; table: string; title: string; definition: string }
}

/** One indicator of a wijk: its figures, or for a hidden one the key of the reason (translated where shown). */
export interface IndicatorResult extends IndicatorView {
  value: number | null
  reason: HiddenReason | null
  period: string | null
  periodLabel: string | null
  /**
   * When the shown period is not the newest (its figure was hidden there): the newest period and
   * why its figure is not shown. null when the newest period is shown.
   */
  newer: { period: string; periodLabel: string; reason: HiddenReason } | null
  /**
   * The main CBS source (the numerator for a ratio). Without a cell for the area itself, the
   * reference's cell: the table, column and period where the figure would be.
   */
  source: { table: string; column: string } | null
  /** Every CBS cell the figure was computed from (or, without an own cell, its reference was). */
  sources: SourceUse[]
  gemeenteValue: number | null
  nationalValue: number | null
  /** value − gemeenteValue, in the indicator's unit. */
  difference: number | null
  /** value − nationalValue. */
  differenceNational: number | null
  riskDirection: 'higher' | 'lower' | null
  inCocktail: boolean
  /** null: not assessed (hidden figure, missing reference, context figure or gemeente-level). */
  isRisk: boolean | null
  /**
   * The administrator's threshold that decides `isRisk` (an own indicator, app/wijken/own), in
   * the indicator's unit; null: the catalogue's rule (clearly less favourable than the gemeente
   * and Nederland).
   */
  riskThreshold?: number | null
  trend: TrendPoint[]
}

/** An own indicator as /indicatoren explains it (app/wijken/own/own-catalogue.server.ts). */
export interface OwnCatalogueEntry {
  code: string
  label: { nl: string; en: string }
  organisation: string
  /** The table's name, and its id (the API's `source.table`). */
  title: string
  tableId: string
  /** The header in the file, as written. */
  sourceColumn: string
  unit: string
  decimals: number
  definition: string
  /** The periods readers see a figure of this column for, ascending. */
  periods: string[]
  riskDirection: 'higher' | 'lower' | null
  /** Counts in the risk cocktail (only with a direction). */
  inCocktail: boolean
  /** A risk beyond this value (in its unit); null: the catalogue's rule. */
  threshold: number | null
  /**
   * When a figure is too small to show (app/wijken/privacy.ts): a count below `min`; a rate whose
   * base column is below `min`; a rate without one in a region with fewer CBS inhabitants.
   */
  smallNumbers:
    | { kind: 'count'; min: number }
    | { kind: 'base-column'; column: string; min: number }
    | { kind: 'inhabitants'; min: number }
}

export interface WijkProfile {
  code: string
  name: string
  gemeente: { code: string; name: string }
  indicators: IndicatorResult[]
  cocktail: Cocktail
  attribution: string
}

export interface ChoroplethShape {
  code: string
  name: string
  d: string
  value: number | null
  reason: HiddenReason | null
  /** Index into `legend`, null for a hidden figure. */
  classIndex: number | null
}

export interface Choropleth {
  gemeente: { code: string; name: string }
  indicator: IndicatorView
  width: number
  height: number
  shapes: ChoroplethShape[]
  legend: LegendClass[]
  /** Hidden reasons that occur on this map (for the legend). */
  hiddenReasons: HiddenReason[]
  gemeenteValue: number | null
  nationalValue: number | null
  period: string | null
  source: { table: string; column: string } | null
  /**
   * The cocktail layer (indicator code COCKTAIL_LAYER): each wijk's cocktail, so a label can say
   * "2 van 2 beoordeelde factoren; 4 niet te bepalen", and whether every wijk had the same
   * factors assessed (when not, their colours are not comparable and the map says so).
   */
  cocktail?: {
    byWijk: Record<
      string,
      Pick<Cocktail, 'factors' | 'assessed' | 'count' | 'riskIndicators'> & {
        notAssessed: NotAssessedFactor[]
      }
    >
    sameInEveryWijk: boolean
  }
}

/**
 * What a gemeente's wijken have figures for (issue 11): which cocktail factors can be assessed in
 * at least one wijk, whether every wijk has the same ones, and which indicators have figures at
 * all. Cocktails of wijken are only comparable where the same factors were assessed.
 */
export interface GemeenteCoverage {
  code: string
  name: string
  /** Factors in the cocktail definition. */
  factors: number
  /** Factors assessed in at least one wijk, in catalogue order. */
  assessable: string[]
  /** Every wijk had the same factors assessed. */
  sameInEveryWijk: boolean
  /** Indicators with a figure (see GemeenteWijken.withFigures). */
  withFigures: string[]
  /** Of those, the ones published per wijk (not the gemeente-only figures). */
  wijkFigures: string[]
  /** An organisation's own indicators with figures here (see GemeenteWijken.ownIndicators). */
  ownIndicators: { code: string; label: { nl: string; en: string } }[]
  /**
   * Thin data: no cocktail factor can be assessed, or at most a third of the wijk figures have a
   * value in any wijk (Tilburg in the bundled data: inhabitants and one youth-care figure).
   */
  thin: boolean
}
