import { createShapePropsMigrationIds, createShapePropsMigrationSequence } from '@tldraw/tlschema'
import { cocktailSummary } from '~/wijken/cocktail-text'
import { formatReason } from '~/wijken/format-view'
import type { HiddenReason } from '~/wijken/privacy'
import { COCKTAIL_CARD, INDICATOR_CARD } from './constants'
import type { CocktailCardProps } from './shape-types'

/**
 * The history of the indicator card's props. Cards live on in the rooms' Y.Docs, so the binding
 * (app/canvas/yjs-binding.ts) runs these on cards stored under an older schema before it
 * validates them; without a step here such cards would be dropped as invalid. The server runs
 * them too (app/interventions/tl-content.ts), hence @tldraw/tlschema rather than `tldraw`.
 */
const versions = createShapePropsMigrationIds(INDICATOR_CARD, {
  // Issue 6: the card carried the Dutch text of `reason` too. It was never shown (the card
  // translates `reason`), so dropping it leaves every stored card looking the same.
  DropReasonText: 1,
  // Issue 11: a card of an organisation's own figures names that organisation, not CBS.
  SourceOrganisation: 2,
  // An own indicator's risk can be decided by an administrator's threshold: the card says so.
  RiskThreshold: 3,
})

export const indicatorCardMigrations = createShapePropsMigrationSequence({
  sequence: [
    {
      id: versions.DropReasonText,
      up: (props: { reasonText?: unknown }) => {
        delete props.reasonText
      },
      // For a client that still expects it: the Dutch text the profile used to bake in.
      down: (props: { reason: HiddenReason | null; reasonText?: string | null }) => {
        props.reasonText = props.reason ? formatReason(props.reason, 'nl') : null
      },
    },
    {
      id: versions.SourceOrganisation,
      // Every card placed before came from the CBS catalogue.
      up: (props: { sourceOrganisation?: string | null }) => {
        props.sourceOrganisation = null
      },
      down: (props: { sourceOrganisation?: string | null }) => {
        delete props.sourceOrganisation
      },
    },
    {
      id: versions.RiskThreshold,
      // Not known for a card placed before: it keeps the catalogue's wording, as it showed then.
      up: (props: { riskThreshold?: unknown }) => {
        props.riskThreshold = null
      },
      down: (props: { riskThreshold?: unknown }) => {
        delete props.riskThreshold
      },
    },
  ],
})

const cocktailVersions = createShapePropsMigrationIds(COCKTAIL_CARD, {
  // Issue 11: the card says how many factors the cocktail has and which could not be assessed,
  // and makes its summary from keys in the reader's language instead of keeping Dutch text.
  FactorsAndReasons: 1,
})

/** The card's props before issue 11: the Dutch summary, no factors, reasons or sources. */
interface CocktailPropsV0 {
  wijkName: string
  gemeenteName: string
  count: number
  assessed: number
  riskCodes: string[]
  riskLabels: { nl: string; en: string }[]
  summary?: string
  version: string
}

export const cocktailCardMigrations = createShapePropsMigrationSequence({
  sequence: [
    {
      id: cocktailVersions.FactorsAndReasons,
      up: (props: CocktailPropsV0 & Partial<CocktailCardProps>) => {
        // The version lists every factor with its period ("corporatiewoningen@2024JJ00,…"), so
        // it gives their number; which ones were not assessed, and why, the old card never knew:
        // null, and the card offers the facilitator to update it.
        const listed = props.version.split(',').filter(Boolean).length
        props.factors = Math.max(listed, props.assessed)
        props.notAssessed = null
        props.sources = []
        delete props.summary
      },
      // For a client that still expects it: the Dutch summary, as the profile used to bake it in.
      down: (props: CocktailPropsV0 & Partial<CocktailCardProps>) => {
        const labels = new Map(props.riskCodes.map((code, i) => [code, props.riskLabels[i]?.nl ?? code]))
        for (const f of props.notAssessed ?? []) labels.set(f.code, f.label.nl)
        props.summary = cocktailSummary(
          {
            factors: props.factors ?? props.assessed,
            assessed: props.assessed,
            count: props.count,
            riskIndicators: props.riskCodes,
            notAssessed: props.notAssessed ?? null,
          },
          { wijk: props.wijkName, gemeente: props.gemeenteName, labelOf: (c) => labels.get(c) ?? c },
          'nl',
        )
        delete props.factors
        delete props.notAssessed
        delete props.sources
      },
    },
  ],
})
