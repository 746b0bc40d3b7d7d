import { CocktailCardUtil } from './CocktailCardUtil'
import { IndicatorCardUtil } from './IndicatorCardUtil'

/**
 * The app's own shapes. They must be in BOTH the store's schema (use-collab-store.ts) and
 * <Tldraw shapeUtils> (CollabCanvas.client.tsx): records are validated against the store schema
 * before they enter it, so a client without them drops every card.
 */
export const customShapeUtils = [IndicatorCardUtil, CocktailCardUtil]

export { CocktailCardUtil, IndicatorCardUtil }
export * from './shape-types'
