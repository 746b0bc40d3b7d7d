/**
 * What of a private room is revealed (issue 8, section 6): its notes, as plain text lines, so
 * the server can place them in the main room's step frame as new notes with the free-place
 * layout (canvas-writes.ts, placeNote) and the role label. Framework-free and pure.
 */
import crypto from 'node:crypto'
import { isRecordLike } from '~/canvas-doc'

/** Shapes whose text is revealed as a note; drawings, arrows and pictures stay private. */
const TEXT_SHAPES = new Set(['note', 'text', 'geo'])

interface RichNode {
  type?: unknown
  text?: unknown
  marks?: unknown
  content?: unknown
}

const textOf = (node: RichNode): string =>
  typeof node.text === 'string' ? node.text : Array.isArray(node.content) ? node.content.map(textOf).join('') : ''

/** Every text node of a paragraph is bold: the role label the server puts on a note's first line. */
function isBoldLine(paragraph: RichNode): boolean {
  const texts = Array.isArray(paragraph.content) ? (paragraph.content as RichNode[]) : []
  return (
    texts.length > 0 &&
    texts.every(
      (node) => Array.isArray(node.marks) && (node.marks as { type?: unknown }[]).some((m) => m.type === 'bold'),
    )
  )
}

/**
 * A rich text's lines, one per top-level block. The first line is dropped when it is the bold
 * `label` the server wrote (labelledRichText), so a revealed note is not labelled twice.
 */
export function richTextLines(richText: unknown, label?: string): string[] {
  if (!richText || typeof richText !== 'object') return []
  const blocks = Array.isArray((richText as RichNode).content) ? ((richText as RichNode).content as RichNode[]) : []
  const lines = blocks.map(textOf)
  if (label !== undefined && blocks.length > 0 && isBoldLine(blocks[0]) && lines[0].trim() === label) lines.shift()
  while (lines.length > 0 && lines[0].trim() === '') lines.shift()
  while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop()
  return lines
}

export interface PrivateNote {
  /** the shape's id in the private room */
  id: string
  text: string
}

/**
 * The notes of a private room in reading order (top to bottom, left to right), each with its
 * text without the server's label; shapes without text are left out.
 */
export function privateNotes(records: Map<string, unknown>, roleLabel: string): PrivateNote[] {
  const shapes: { id: string; x: number; y: number; text: string }[] = []
  for (const value of records.values()) {
    if (!isRecordLike(value) || value.typeName !== 'shape') continue
    const shape = value as { id: string; type?: unknown; x?: unknown; y?: unknown; props?: { richText?: unknown } }
    if (typeof shape.type !== 'string' || !TEXT_SHAPES.has(shape.type)) continue
    const text = richTextLines(shape.props?.richText, roleLabel).join('\n')
    if (text.trim() === '') continue
    shapes.push({ id: shape.id, x: Number(shape.x) || 0, y: Number(shape.y) || 0, text })
  }
  shapes.sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1))
  return shapes.map(({ id, text }) => ({ id, text }))
}

/**
 * The id a private note gets on the main canvas: derived from where it came from, so revealing
 * twice (two facilitators at once, or again after an interrupted reveal) finds it already there
 * and never places it a second time. One-way, so it says nothing about the private room's id.
 */
export function revealedShapeId(privateRoomId: string, shapeId: string): string {
  return `shape:${crypto.createHash('sha256').update(`reveal|${privateRoomId}|${shapeId}`).digest('base64url').slice(0, 22)}`
}
