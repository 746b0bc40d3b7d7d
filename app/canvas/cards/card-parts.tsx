import type { ReactNode } from 'react'
import { stopEventPropagation, useEditor, useValue, type TLShapePartial } from 'tldraw'
import { t } from '~/i18n'
import { COMPACT_ZOOM, useCardContext, useLatestProfile } from './card-context'
import type { CocktailCardShape, IndicatorCardShape } from './shape-types'
import type { CardProfile } from './snapshot'

/** Whether the canvas is zoomed out so far that a card shows its compact face. */
function useCompact(): boolean {
  const editor = useEditor()
  return useValue('wijk card compact', () => editor.getZoomLevel() < COMPACT_ZOOM, [editor])
}

/** May this person refresh cards here: the facilitator, and the editor is not read-only. */
function useCanRefresh(): boolean {
  const editor = useEditor()
  const { canRefresh } = useCardContext()
  const readonly = useValue('wijk card readonly', () => editor.getIsReadonly(), [editor])
  return canRefresh && !readonly
}

/**
 * What every wijk card knows before it draws: the reader's locale, whether it shows its compact
 * face, and, for someone who may refresh it, a `refresh` that puts newer figures from the API
 * into the card (null when there is nothing newer).
 */
export function useCard<S extends IndicatorCardShape | CocktailCardShape>(
  shape: S,
  findUpdate: (props: S['props'], profile: CardProfile) => Partial<S['props']> | null,
) {
  const editor = useEditor()
  const { locale } = useCardContext()
  const compact = useCompact()
  const latest = useLatestProfile(shape.props.wijkCode, useCanRefresh())
  const update = latest ? findUpdate(shape.props, latest) : null
  // The cast: TLShapePartial distributes over the shape union, which TypeScript cannot resolve for a generic S.
  const refresh = update
    ? () => editor.updateShape<S>({ id: shape.id, type: shape.type, props: update } as TLShapePartial<S>)
    : null
  return { locale, compact, refresh }
}

/** "Nieuwere cijfers beschikbaar" with a button that puts the new snapshot in the card; nothing without `onRefresh`. */
export function UpdateNotice({ onRefresh }: { onRefresh: (() => void) | null }) {
  const { locale } = useCardContext()
  if (!onRefresh) return null
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
