import { type RecordProps, type TLShape } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { notAssessedReasons, type NotAssessedReason } from '~/wijken/cocktail'
import { hiddenReasons, type HiddenReason } from '~/wijken/privacy'
import { type COCKTAIL_CARD, type INDICATOR_CARD } from './constants'

/**
 * The two wijk data cards on the canvas. A card holds a *snapshot* of what it shows (not a live
 * reference), so it reads the same for everyone, offline and in saved versions, and only changes
 * when someone chooses "Bijwerken". Everything in it comes from the wijk profile, which already
 * applied the privacy rules (app/wijken/privacy.ts): a hidden figure is null plus its reason.
 * The props are stored in every room's Y.Doc: changing them needs a migration (./migrations.ts),
 * or cards already on a canvas would be dropped as invalid.
 * Imports come from tldraw's own packages (the same objects `tldraw` re-exports), not from
 * `tldraw`, so the server builds the same schema without React (app/interventions/tl-content.ts).
 */
export * from './constants'

export interface LabelNlEn {
  nl: string
  en: string
}

export interface IndicatorCardProps {
  w: number
  h: number
  wijkCode: string
  wijkName: string
  gemeenteName: string
  indicatorCode: string
  label: LabelNlEn
  /** 'gemeente': CBS publishes the figure only per gemeente; `value` is the gemeente's. */
  level: 'wijk' | 'gemeente'
  /** null when hidden; never 0 in its place. */
  value: number | null
  /** Why `value` is null: a key, translated in the reader's language where the card is shown. */
  reason: HiddenReason | null
  unit: string
  decimals: number
  /** CBS period key, e.g. 2024JJ00: the version marker of the snapshot. */
  period: string | null
  periodLabel: string | null
  gemeenteValue: number | null
  nationalValue: number | null
  /** null: not assessed (context figure, hidden figure or missing reference). */
  isRisk: boolean | null
  /**
   * What decided `isRisk`: an administrator's threshold for an own indicator (in its unit, with
   * the direction that is unfavourable); null: the catalogue's rule (clearly less favourable than
   * the gemeente and Nederland).
   */
  riskThreshold: { value: number; direction: 'higher' | 'lower' } | null
  sourceTable: string | null
  sourceColumn: string | null
  /** An organisation's own figures (app/wijken/own): who delivers them; null for CBS. */
  sourceOrganisation: string | null
}

export interface CocktailCardFactor {
  code: string
  label: LabelNlEn
  reason: NotAssessedReason
}

export interface CocktailCardSource {
  table: string
  column: string
  period: string
}

/**
 * The cocktail as counts, codes and labels; its texts are made where the card is shown, in the
 * reader's language (app/wijken/cocktail-text.ts).
 */
export interface CocktailCardProps {
  w: number
  h: number
  wijkCode: string
  wijkName: string
  gemeenteName: string
  /** Factors in the cocktail definition. */
  factors: number
  assessed: number
  count: number
  riskCodes: string[]
  riskLabels: LabelNlEn[]
  /** The factors that could not be assessed and why; null on a card stored before issue 11 (not known). */
  notAssessed: CocktailCardFactor[] | null
  /** The main CBS cell of each assessed factor: table, column, period. */
  sources: CocktailCardSource[]
  /** The periods of the cocktail's indicators (e.g. "bijstand@2024MM09,…"): the version marker. */
  version: string
}

declare module 'tldraw' {
  interface TLGlobalShapePropsMap {
    [INDICATOR_CARD]: IndicatorCardProps
    [COCKTAIL_CARD]: CocktailCardProps
  }
}

export type IndicatorCardShape = TLShape<typeof INDICATOR_CARD>
export type CocktailCardShape = TLShape<typeof COCKTAIL_CARD>

const label = T.object({ nl: T.string, en: T.string })
const size = T.nonZeroNumber
const hiddenReason = T.literalEnum(...hiddenReasons)

export const indicatorCardProps: RecordProps<IndicatorCardShape> = {
  w: size,
  h: size,
  wijkCode: T.string,
  wijkName: T.string,
  gemeenteName: T.string,
  indicatorCode: T.string,
  label,
  level: T.literalEnum('wijk', 'gemeente'),
  value: T.nullable(T.number),
  reason: T.nullable(hiddenReason),
  unit: T.string,
  decimals: T.positiveInteger,
  period: T.nullable(T.string),
  periodLabel: T.nullable(T.string),
  gemeenteValue: T.nullable(T.number),
  nationalValue: T.nullable(T.number),
  isRisk: T.nullable(T.boolean),
  riskThreshold: T.nullable(T.object({ value: T.number, direction: T.literalEnum('higher', 'lower') })),
  sourceTable: T.nullable(T.string),
  sourceColumn: T.nullable(T.string),
  sourceOrganisation: T.nullable(T.string),
}

export const cocktailCardProps: RecordProps<CocktailCardShape> = {
  w: size,
  h: size,
  wijkCode: T.string,
  wijkName: T.string,
  gemeenteName: T.string,
  factors: T.positiveInteger,
  assessed: T.positiveInteger,
  count: T.positiveInteger,
  riskCodes: T.arrayOf(T.string),
  riskLabels: T.arrayOf(label),
  notAssessed: T.nullable(T.arrayOf(T.object({ code: T.string, label, reason: T.literalEnum(...notAssessedReasons) }))),
  sources: T.arrayOf(T.object({ table: T.string, column: T.string, period: T.string })),
  version: T.string,
}
