/** Shape type names and sizes, free of tldraw imports so server-rendered modules can use them. */
export const INDICATOR_CARD = 'wijk-indicator' as const
export const COCKTAIL_CARD = 'wijk-cocktail' as const

export const INDICATOR_CARD_SIZE = { w: 320, h: 260 }
// Tall enough for the factors that could not be assessed (issue 11); stored cards keep their size.
export const COCKTAIL_CARD_SIZE = { w: 380, h: 440 }
