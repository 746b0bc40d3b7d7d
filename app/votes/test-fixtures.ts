/** tldraw records as a room holds them, for the vote tests (a frame with notes, a group, a stray note). */

export const richText = (text: string) => ({
  type: 'doc',
  content: text.split('\n').map((line) => ({ type: 'paragraph', content: line ? [{ type: 'text', text: line }] : [] })),
})

export function shape(id: string, type: string, parentId: string, x: number, y: number, props: object = {}) {
  return { id, typeName: 'shape', type, parentId, x, y, rotation: 0, index: 'a1', props, meta: {} }
}

export const note = (id: string, parentId: string, x: number, y: number, text: string) =>
  shape(id, 'note', parentId, x, y, { richText: richText(text), color: 'yellow', size: 'm' })

/** A frame "Ideeën" with three notes (one in a group), a rectangle in it, and one note outside. */
export function boardRecords() {
  return [
    { id: 'page:page', typeName: 'page', name: 'Pagina 1', index: 'a1', meta: {} },
    shape('shape:frame', 'frame', 'page:page', 100, 100, { w: 800, h: 600, name: 'Ideeën' }),
    note('shape:moeders', 'shape:frame', 20, 40, 'Inloop voor jonge moeders'),
    note('shape:taal', 'shape:frame', 260, 40, 'Taalles op school'),
    shape('shape:group', 'group', 'shape:frame', 20, 300),
    note('shape:buurtkamer', 'shape:group', 0, 0, 'Buurtkamer\nop woensdag'),
    shape('shape:rect', 'geo', 'shape:frame', 500, 300, { w: 100, h: 100, geo: 'rectangle' }),
    note('shape:elders', 'page:page', 1200, 0, 'Niet in het kader'),
  ]
}
