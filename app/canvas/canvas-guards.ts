import type { Editor, TLRecord, TLShape, TLShapeId } from 'tldraw'

/**
 * What the canvas itself prevents, so an honest participant is never refused by the server
 * (app/rooms/permissions.ts holds the same rules, enforced there for every update):
 * - every shape made here carries who made it (`meta.createdBy`, this person's presence id);
 * - a participant cannot change or delete shapes others made, pages or the document, nor
 *   anything in a locked frame; a shape made inside a locked frame lands on the page instead.
 * Only changes made in this browser (`source === 'user'`) are looked at; remote ones pass.
 */
export interface GuardOptions {
  presenceId: string
  isFacilitator: boolean
  /** what is locked now (the live session state) */
  locks: () => { all: boolean; frames: ReadonlySet<string> }
}

export function guardCanvas(editor: Editor, opts: GuardOptions): () => void {
  const { presenceId } = opts
  const mine = (shape: TLShape) => (shape.meta as { createdBy?: unknown }).createdBy === presenceId
  const locked = (shape: TLShape): boolean => {
    const { all, frames } = opts.locks()
    if (all) return true
    let current: TLShape | undefined = shape
    for (let depth = 0; current && depth < 64; depth++) {
      if (frames.has(current.id)) return true
      current = editor.getShape(current.parentId as TLShapeId)
    }
    return false
  }
  const participant = !opts.isFacilitator
  const offs = [
    editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
      if (source !== 'user') return shape
      let next: TLShape = { ...shape, meta: { ...shape.meta, createdBy: presenceId } }
      if (participant && locked(next)) {
        // Not into a locked frame: onto the page, where it was meant to appear.
        const point = editor.getShapePageTransform(next.parentId as TLShapeId)?.applyToPoint({ x: next.x, y: next.y })
        next = { ...next, parentId: editor.getCurrentPageId(), x: point?.x ?? next.x, y: point?.y ?? next.y }
      }
      return next
    }),
    editor.sideEffects.registerBeforeCreateHandler('binding', (binding, source) =>
      source === 'user' ? { ...binding, meta: { ...binding.meta, createdBy: presenceId } } : binding,
    ),
  ]
  if (participant) {
    offs.push(
      editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) => {
        if (source !== 'user') return next
        if (!mine(prev) || locked(prev) || locked(next)) return prev
        return next
      }),
      editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) => {
        if (source !== 'user') return
        if (!mine(shape) || locked(shape)) return false
      }),
      editor.sideEffects.registerBeforeChangeHandler('page', (prev, next, source) => (source === 'user' ? prev : next)),
      editor.sideEffects.registerBeforeDeleteHandler('page', (_page, source) =>
        source === 'user' ? false : undefined,
      ),
      editor.sideEffects.registerBeforeChangeHandler('document', (prev, next, source) =>
        source === 'user' ? prev : next,
      ),
    )
  }
  return () => offs.forEach((off) => off())
}

/** Whether a record is a frame (the only shapes that can be locked). */
export const isFrame = (record: TLRecord | undefined): boolean =>
  !!record && record.typeName === 'shape' && record.type === 'frame'
