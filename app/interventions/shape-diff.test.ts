import { describe, expect, it } from 'vitest'
import type { TargetSnapshot } from '~/interventions/types'
import { diffShapes, diffTargets, lineageKey, shapeText, type VersionContent } from './shape-diff'

/** A note's rich text as the canvas writes it: a bold role label, then a paragraph per line. */
const richText = (label: string, text: string) => ({
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: label, marks: [{ type: 'bold' }] }] },
    ...text
      .split('\n')
      .map((line) => (line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' })),
  ],
})

const frame = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  typeName: 'shape',
  type: 'frame',
  parentId: 'page:page',
  index: 'a1',
  x: 0,
  y: 0,
  rotation: 0,
  isLocked: false,
  opacity: 1,
  props: { w: 1200, h: 800, name: 'Prototype: samen sterk', color: 'black' },
  meta: {},
  ...over,
})

const note = (id: string, parentId: string, text: string, over: Record<string, unknown> = {}) => ({
  id,
  typeName: 'shape',
  type: 'note',
  parentId,
  index: 'a2',
  x: 40,
  y: 120,
  rotation: 0,
  isLocked: false,
  opacity: 1,
  props: {
    color: 'yellow',
    labelColor: 'black',
    richText: richText('Ouder', text),
    size: 'm',
    font: 'draw',
    align: 'middle',
    verticalAlign: 'middle',
    growY: 0,
    fontSizeAdjustment: 1,
    url: '',
    scale: 1,
    textLastEditedBy: null,
  },
  meta: { createdBy: 'Blauwe vos' },
  ...over,
})

const content = (...records: VersionContent['records']): VersionContent => ({
  schema: { schemaVersion: 2, sequences: {} },
  records,
})

describe('shapeText', () => {
  it('reads a note’s rich text as lines, text nodes run together', () => {
    expect(shapeText(note('shape:n', 'shape:f', 'Een oppasclub\nop woensdag'))).toBe(
      'Ouder\nEen oppasclub\nop woensdag',
    )
    const mixed = {
      type: 'text',
      props: {
        richText: {
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              content: [
                { type: 'text', text: 'Samen ' },
                { type: 'text', text: 'sterk', marks: [{ type: 'bold' }] },
              ],
            },
            {
              type: 'bulletList',
              content: [
                { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a' }] }] },
                { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'b' }] }] },
              ],
            },
          ],
        },
      },
    }
    expect(shapeText(mixed)).toBe('Samen sterk\na\nb')
  })

  it('reads plain text, a frame’s name, and nothing from a drawing', () => {
    expect(shapeText({ type: 'text', props: { text: 'oud formaat' } })).toBe('oud formaat')
    expect(shapeText(frame('shape:f'))).toBe('Prototype: samen sterk')
    expect(shapeText({ type: 'draw', props: { segments: [] } })).toBe('')
    expect(shapeText({ type: 'note' })).toBe('')
  })
})

describe('lineageKey', () => {
  it('is the original’s key after a restore, else the id', () => {
    expect(lineageKey({ id: 'shape:new', meta: { lineage: 'shape:old' } })).toBe('shape:old')
    expect(lineageKey({ id: 'shape:a', meta: {} })).toBe('shape:a')
    expect(lineageKey({ id: 'shape:a', meta: { lineage: 42 } })).toBe('shape:a')
    expect(lineageKey({ id: 'shape:a' })).toBe('shape:a')
  })
})

describe('diffShapes', () => {
  const v1 = content(
    frame('shape:f'),
    note('shape:n1', 'shape:f', 'Steun tijdens de zwangerschap'),
    note('shape:n2', 'shape:f', 'Koffieochtend', { x: 300 }),
    { id: 'binding:b1', typeName: 'binding', type: 'arrow', fromId: 'shape:a', toId: 'shape:n1', props: {}, meta: {} },
  )

  it('finds nothing between a version and itself', () => {
    expect(diffShapes(v1, v1)).toEqual({ added: [], removed: [], changed: [] })
  })

  it('finds a note whose text changed, with the text before and after', () => {
    const v2 = content(
      frame('shape:f'),
      note('shape:n1', 'shape:f', 'Steun vanaf de zwangerschap tot 2 jaar'),
      note('shape:n2', 'shape:f', 'Koffieochtend', { x: 300 }),
    )
    expect(diffShapes(v1, v2)).toEqual({
      added: [],
      removed: [],
      changed: [
        {
          shapeId: 'shape:n1',
          type: 'note',
          textBefore: 'Ouder\nSteun tijdens de zwangerschap',
          textAfter: 'Ouder\nSteun vanaf de zwangerschap tot 2 jaar',
          moved: false,
        },
      ],
    })
  })

  it('finds notes added and removed, and only shapes (not bindings)', () => {
    const v2 = content(
      frame('shape:f'),
      note('shape:n1', 'shape:f', 'Steun tijdens de zwangerschap'),
      note('shape:n3', 'shape:f', 'Taalles op school'),
    )
    expect(diffShapes(v1, v2)).toEqual({
      added: [{ shapeId: 'shape:n3', type: 'note', text: 'Ouder\nTaalles op school' }],
      removed: [{ shapeId: 'shape:n2', type: 'note', text: 'Ouder\nKoffieochtend' }],
      changed: [],
    })
  })

  it('marks a note moved inside the frame, and a changed colour as a change that is not a move', () => {
    const v2 = content(
      frame('shape:f'),
      note('shape:n1', 'shape:f', 'Steun tijdens de zwangerschap', { y: 400 }),
      note('shape:n2', 'shape:f', 'Koffieochtend', {
        x: 300,
        props: { ...note('', '', 'Koffieochtend').props, color: 'green' },
      }),
    )
    expect(diffShapes(v1, v2).changed).toEqual([
      {
        shapeId: 'shape:n1',
        type: 'note',
        textBefore: 'Ouder\nSteun tijdens de zwangerschap',
        textAfter: 'Ouder\nSteun tijdens de zwangerschap',
        moved: true,
      },
      {
        shapeId: 'shape:n2',
        type: 'note',
        textBefore: 'Ouder\nKoffieochtend',
        textAfter: 'Ouder\nKoffieochtend',
        moved: false,
      },
    ])
  })

  it('pairs the shapes of a restored frame with the originals through their lineage', () => {
    // Restored beside the current frame: new ids, the frame elsewhere on the page, the notes
    // at the same spots inside it; one note's text edited after the restore.
    const restored = content(
      frame('shape:r', { x: 1400, meta: { lineage: 'shape:f' } }),
      note('shape:rn1', 'shape:r', 'Steun tijdens de zwangerschap', { meta: { lineage: 'shape:n1' } }),
      note('shape:rn2', 'shape:r', 'Koffieochtend op maandag', { x: 300, meta: { lineage: 'shape:n2' } }),
    )
    expect(diffShapes(v1, restored)).toEqual({
      added: [],
      removed: [],
      changed: [
        {
          shapeId: 'shape:n2',
          type: 'note',
          textBefore: 'Ouder\nKoffieochtend',
          textAfter: 'Ouder\nKoffieochtend op maandag',
          moved: false,
        },
      ],
    })
  })

  it('sees a frame renamed, and a note taken out of the frame as moved', () => {
    const v2 = content(
      frame('shape:f', { props: { ...frame('').props, name: 'Prototype 2' } }),
      note('shape:n1', 'page:page', 'Steun tijdens de zwangerschap'),
      note('shape:n2', 'shape:f', 'Koffieochtend', { x: 300 }),
    )
    const { changed } = diffShapes(v1, v2)
    expect(changed.map((c) => [c.shapeId, c.textBefore, c.textAfter, c.moved])).toEqual([
      ['shape:f', 'Prototype: samen sterk', 'Prototype 2', false],
      ['shape:n1', 'Ouder\nSteun tijdens de zwangerschap', 'Ouder\nSteun tijdens de zwangerschap', true],
    ])
  })
})

describe('diffTargets', () => {
  const t = (id: string, over: Partial<TargetSnapshot> = {}): TargetSnapshot => ({
    id,
    metric: 'uithuisplaatsing',
    direction: 'lower',
    baselineValue: 10.6,
    targetValue: 8,
    targetDate: '2027-12-31',
    ...over,
  })

  it('finds targets added, removed and changed', () => {
    const from = [t('a'), t('b', { metric: 'jeugdzorg' })]
    const to = [t('a', { targetValue: 7 }), t('c', { metric: 'bereik-gezinnen', direction: 'higher' })]
    expect(diffTargets(from, to)).toEqual({
      added: [to[1]],
      removed: [from[1]],
      changed: [{ id: 'a', metric: 'uithuisplaatsing', before: from[0], after: to[0] }],
    })
    expect(diffTargets(from, from)).toEqual({ added: [], removed: [], changed: [] })
  })
})
