import { describe, expect, it } from 'vitest'
import { labelledRichText } from './canvas-writes'
import { privateNotes, revealedShapeId, richTextLines } from './private-notes'

const shape = (id: string, type: string, y: number, richText: unknown) => ({
  id,
  typeName: 'shape',
  type,
  parentId: 'page:page',
  x: 0,
  y,
  props: { richText },
  meta: {},
})

describe('what a private room reveals', () => {
  it('takes the text of a note without the role label the server put on it', () => {
    expect(richTextLines(labelledRichText('Ouder', 'Een oppasclub\nop woensdag'), 'Ouder')).toEqual([
      'Een oppasclub',
      'op woensdag',
    ])
    // A first line that only looks like the label (not bold) is the person's own text.
    const plain = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ouder' }] }] }
    expect(richTextLines(plain, 'Ouder')).toEqual(['Ouder'])
    expect(richTextLines(undefined, 'Ouder')).toEqual([])
  })

  it('lists notes and texts in reading order and leaves drawings and empty notes out', () => {
    const records = new Map<string, unknown>([
      ['shape:b', shape('shape:b', 'note', 300, labelledRichText('Ouder', 'Tweede'))],
      ['shape:a', shape('shape:a', 'text', 0, labelledRichText('Ouder', 'Eerste'))],
      ['shape:leeg', shape('shape:leeg', 'note', 100, { type: 'doc', content: [{ type: 'paragraph' }] })],
      ['shape:tekening', shape('shape:tekening', 'draw', 50, undefined)],
      ['page:page', { id: 'page:page', typeName: 'page' }],
    ])
    expect(privateNotes(records, 'Ouder')).toEqual([
      { id: 'shape:a', text: 'Eerste' },
      { id: 'shape:b', text: 'Tweede' },
    ])
  })

  it('gives a revealed note an id of its origin, the same every time, that does not show the room', () => {
    const id = revealedShapeId('kamer-1', 'shape:a')
    expect(id).toMatch(/^shape:[A-Za-z0-9_-]{22}$/)
    expect(revealedShapeId('kamer-1', 'shape:a')).toBe(id)
    expect(revealedShapeId('kamer-2', 'shape:a')).not.toBe(id)
    expect(id).not.toContain('kamer')
  })
})
