import type { Editor, TLShapeId } from 'tldraw'
import { type COCKTAIL_CARD, COCKTAIL_CARD_SIZE, INDICATOR_CARD, INDICATOR_CARD_SIZE } from './constants'
import type { CocktailSnapshot, IndicatorSnapshot } from './snapshot'

// No value imports from tldraw here: the session page (server-rendered) imports this module.

export type CardToPlace =
  { type: typeof INDICATOR_CARD; props: IndicatorSnapshot } | { type: typeof COCKTAIL_CARD; props: CocktailSnapshot }

interface Rect {
  x: number
  y: number
  w: number
  h: number
}

const GAP = 24
const RINGS = 3

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && a.x + a.w > b.x && a.y < b.y + b.h && a.y + a.h > b.y
const center = (r: Rect) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 })

/**
 * Where a card of `size` goes, in page coordinates. Pure, for tests.
 * 1. The free cell nearest the middle of a grid laid over the viewport (cells that fit entirely
 *    in view), so the first card is centred and the next ones lie beside it, all in view.
 * 2. Else the nearest free cell of the same grid beyond the viewport (the caller pans to it).
 * 3. Else a step from the centre, so it at least never covers another card exactly.
 */
export function findSpot(viewport: Rect, size: { w: number; h: number }, taken: Rect[], attempt = 0) {
  const mid = center(viewport)
  const cols = Math.max(1, Math.floor((viewport.w + GAP) / (size.w + GAP)))
  const rows = Math.max(1, Math.floor((viewport.h + GAP) / (size.h + GAP)))
  // Cell (0, 0): the middle one of an odd count, the one right of / below the middle of an even count.
  const originX = mid.x - (cols * (size.w + GAP) - GAP) / 2 + Math.floor(cols / 2) * (size.w + GAP)
  const originY = mid.y - (rows * (size.h + GAP) - GAP) / 2 + Math.floor(rows / 2) * (size.h + GAP)
  const spotAt = ([i, j]: [number, number]): Rect => ({
    x: originX + i * (size.w + GAP),
    y: originY + j * (size.h + GAP),
    ...size,
  })
  const inView = (r: Rect) =>
    r.x >= viewport.x &&
    r.y >= viewport.y &&
    r.x + r.w <= viewport.x + viewport.w &&
    r.y + r.h <= viewport.y + viewport.h
  const free = (r: Rect) => {
    const withGap = { x: r.x - GAP / 2, y: r.y - GAP / 2, w: r.w + GAP, h: r.h + GAP }
    return !taken.some((t) => overlaps(withGap, t))
  }
  // Nearest the middle of the view first; at equal distance in reading order.
  const reach = RINGS + Math.max(cols, rows)
  const candidates: Rect[] = []
  for (let i = -reach; i <= reach; i++) for (let j = -reach; j <= reach; j++) candidates.push(spotAt([i, j]))
  const distance = (r: Rect) => Math.round(Math.hypot(center(r).x - mid.x, center(r).y - mid.y))
  candidates.sort((a, b) => distance(a) - distance(b) || a.y - b.y || a.x - b.x)
  const spot = candidates.find((r) => inView(r) && free(r)) ?? candidates.find(free)
  if (spot) return { x: spot.x, y: spot.y }
  const step = (attempt % 8) * 32 + 32
  return { x: mid.x - size.w / 2 + step, y: mid.y - size.h / 2 + step }
}

let attempts = 0

/** Creates the card in the middle of what the person sees (beside cards already there), selects it. */
export function placeCard(editor: Editor, card: CardToPlace): TLShapeId {
  const size = card.type === INDICATOR_CARD ? INDICATOR_CARD_SIZE : COCKTAIL_CARD_SIZE
  const taken = editor
    .getCurrentPageShapes()
    .map((s) => editor.getShapePageBounds(s))
    .filter((b) => b !== undefined)
    .map((b) => ({ x: b.x, y: b.y, w: b.w, h: b.h }))
  const viewport = editor.getViewportPageBounds()
  const { x, y } = findSpot({ x: viewport.x, y: viewport.y, w: viewport.w, h: viewport.h }, size, taken, attempts++)
  const id = `shape:${randomId()}` as TLShapeId
  editor.markHistoryStoppingPoint('place wijk card')
  editor.createShape({ id, type: card.type, x, y, props: { ...size, ...card.props } })
  editor.select(id)
  // A card placed beside others may fall partly outside the view: pan to it, keeping the zoom
  // (zooming out would make every card harder to read).
  const inView = x >= viewport.minX && y >= viewport.minY && x + size.w <= viewport.maxX && y + size.h <= viewport.maxY
  if (!inView) editor.centerOnPoint({ x: x + size.w / 2, y: y + size.h / 2 }, { animation: { duration: 200 } })
  return id
}

/** Like tldraw's createShapeId; crypto.randomUUID would need a secure context (http on a LAN is not). */
function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
