/**
 * What a note looks like in the document: a tldraw 5 `note` shape record, as a raw Yjs client (or
 * a server write) puts it into `tl_records` (docs/collab-protocol.md, "The canvas document").
 * Kept free of tldraw imports; a test checks it against tldraw's own schema.
 */

/** tldraw's note colours. */
export const NOTE_COLORS = [
  'black',
  'grey',
  'light-violet',
  'violet',
  'blue',
  'light-blue',
  'yellow',
  'orange',
  'green',
  'light-green',
  'light-red',
  'red',
  'white',
] as const
export type NoteColor = (typeof NOTE_COLORS)[number]

/** The rich text tldraw keeps a note's text in (a ProseMirror doc, a paragraph per line). */
export function richText(text: string) {
  return {
    type: 'doc',
    content: text
      .split('\n')
      .map((line) => (line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' })),
  }
}

export interface NoteInput {
  /** `shape:` followed by a random id */
  id: string
  /** the page (`page:page`) or a frame the note sits in; x and y are relative to it */
  parentId: string
  x: number
  y: number
  text: string
  color?: NoteColor
  /** fractional index among its siblings (tldraw's `IndexKey`, e.g. `a1`) */
  index?: string
  /** the presence id of who made it; a client's own notes carry its own (the server checks) */
  createdBy?: string
  meta?: Record<string, unknown>
}

export function noteRecord(input: NoteInput) {
  return {
    id: input.id,
    typeName: 'shape' as const,
    type: 'note' as const,
    parentId: input.parentId,
    index: input.index ?? 'a1',
    x: input.x,
    y: input.y,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    props: {
      color: input.color ?? 'yellow',
      richText: richText(input.text),
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      labelColor: 'black',
      growY: 0,
      fontSizeAdjustment: 1,
      url: '',
      scale: 1,
      textLastEditedBy: null,
    },
    meta: { ...input.meta, ...(input.createdBy ? { createdBy: input.createdBy } : {}) },
  }
}
