import { describe, expect, it } from 'vitest'
import { boardRecords, note } from './test-fixtures'
import { hasFrame, notesInScope, noteText } from './vote-notes'
import { rank } from './votes.server'

describe('the notes a vote is about', () => {
  it('are the notes inside the frame at any depth, in reading order, without other shapes', () => {
    expect(notesInScope(boardRecords(), 'shape:frame')).toEqual([
      { shapeId: 'shape:moeders', text: 'Inloop voor jonge moeders', x: 120, y: 140 },
      { shapeId: 'shape:taal', text: 'Taalles op school', x: 360, y: 140 },
      { shapeId: 'shape:buurtkamer', text: 'Buurtkamer\nop woensdag', x: 120, y: 400 },
    ])
  })

  it('are every note on the page for a vote on the whole canvas', () => {
    expect(notesInScope(boardRecords(), null).map((n) => n.shapeId)).toEqual([
      'shape:elders',
      'shape:moeders',
      'shape:taal',
      'shape:buurtkamer',
    ])
  })

  it('survive a crafted parent cycle without looping', () => {
    const records = [note('shape:a', 'shape:b', 0, 0, 'a'), note('shape:b', 'shape:a', 0, 0, 'b')]
    expect(notesInScope(records, 'shape:frame')).toEqual([])
    expect(notesInScope(records, null)).toHaveLength(2)
  })

  it('knows a frame from another shape', () => {
    expect(hasFrame(boardRecords(), 'shape:frame')).toBe(true)
    expect(hasFrame(boardRecords(), 'shape:rect')).toBe(false)
    expect(hasFrame(boardRecords(), 'shape:none')).toBe(false)
  })

  it('reads the plain text of rich-text and older plain-text notes', () => {
    expect(noteText({ text: ' oud ' })).toBe('oud')
    expect(noteText({ richText: { type: 'doc', content: [] } })).toBe('')
    expect(noteText(undefined)).toBe('')
  })

  it('ranks the highest count first, ties in reading order, without notes nobody chose', () => {
    const notes = notesInScope(boardRecords(), 'shape:frame')
    const counts = new Map([
      ['shape:buurtkamer', 3],
      ['shape:taal', 3],
      ['shape:elders', 9],
    ])
    expect(rank(notes, counts)).toEqual([
      { shapeId: 'shape:taal', count: 3 },
      { shapeId: 'shape:buurtkamer', count: 3 },
    ])
  })
})
