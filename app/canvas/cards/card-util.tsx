import type { ReactNode } from 'react'
import { BaseBoxShapeUtil, HTMLContainer, type TLBaseBoxShape } from 'tldraw'

/** The wijk part of a card's default props: a card is always placed with its wijk filled in. */
export const NO_WIJK = { wijkCode: '', wijkName: '', gemeenteName: '' }

/** What both wijk cards share: a box nobody types into, drawn as HTML, outlined as a rectangle. */
export abstract class CardShapeUtil<S extends TLBaseBoxShape> extends BaseBoxShapeUtil<S> {
  /** The card's content, inside an HTML container of the shape's size. */
  abstract renderCard(shape: S): ReactNode

  // The figures come from CBS: nobody types into a card.
  override canEdit() {
    return false
  }

  override component(shape: S) {
    return (
      <HTMLContainer style={{ width: shape.props.w, height: shape.props.h }}>{this.renderCard(shape)}</HTMLContainer>
    )
  }

  override getIndicatorPath(shape: S) {
    const path = new Path2D()
    path.rect(0, 0, shape.props.w, shape.props.h)
    return path
  }
}
