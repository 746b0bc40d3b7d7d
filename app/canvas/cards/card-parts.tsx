import type { ReactNode } from 'react'
import { stopEventPropagation, useEditor, useValue } from 'tldraw'
import { t } from '~/i18n'
import { COMPACT_ZOOM, useCardContext } from './card-context'

/** Whether the canvas is zoomed out so far that a card shows its compact face. */
export function useCompact(): boolean {
  const editor = useEditor()
  return useValue('wijk card compact', () => editor.getZoomLevel() < COMPACT_ZOOM, [editor])
}

/** May this person refresh cards here: the facilitator, and the editor is not read-only. */
export function useCanRefresh(): boolean {
  const editor = useEditor()
  const { canRefresh } = useCardContext()
  const readonly = useValue('wijk card readonly', () => editor.getIsReadonly(), [editor])
  return canRefresh && !readonly
}

/** "Nieuwere cijfers beschikbaar" with a button that puts the new snapshot in the card. */
export function UpdateNotice({ onRefresh }: { onRefresh: () => void }) {
  const { locale } = useCardContext()
  return (
    <div className="wk-card__update" role="status">
      <span>{t(locale, 'cards.card.update')}</span>
      <button
        type="button"
        className="wk-card__refresh"
        // The canvas would otherwise take the pointer for selecting or dragging the card.
        onPointerDown={stopEventPropagation}
        onPointerUp={stopEventPropagation}
        onTouchStart={stopEventPropagation}
        onTouchEnd={stopEventPropagation}
        onClick={(e) => {
          stopEventPropagation(e)
          onRefresh()
        }}
      >
        {t(locale, 'cards.card.refresh')}
      </button>
    </div>
  )
}

export function CardFrame({
  kind,
  risk,
  compact,
  children,
  ...data
}: {
  kind: 'indicator' | 'cocktail'
  risk: boolean
  compact: boolean
  children: ReactNode
} & Record<`data-${string}`, string>) {
  const { locale } = useCardContext()
  return (
    <article
      lang={locale}
      className={`wk-card wk-card--${kind}${risk ? ' wk-card--risk' : ''}${compact ? ' wk-card--compact' : ''}`}
      data-card={kind}
      {...data}
    >
      {children}
    </article>
  )
}
