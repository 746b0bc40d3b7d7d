/**
 * The shapes of what the wijk pages and canvas cards receive from the server. Kept apart from
 * the *.server.ts modules that compute them, so browser code can name them without importing
 * server code.
 */
import type { Cocktail } from './cocktail'
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
  /** The main CBS source (the numerator for a ratio). */
  source: { table: string; column: string } | null
  /** Every CBS cell the figure was computed from. */
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
  trend: TrendPoint[]
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
}
