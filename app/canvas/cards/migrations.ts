import { createShapePropsMigrationIds, createShapePropsMigrationSequence } from '@tldraw/tlschema'
import { formatReason } from '~/wijken/format-view'
import type { HiddenReason } from '~/wijken/privacy'
import { INDICATOR_CARD } from './constants'

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
  ],
})
