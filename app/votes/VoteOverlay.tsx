import { useEditor, useValue, type TLShape } from 'tldraw'
import { useT } from '~/i18n/use-t'
import { useVoteControls } from './use-vote'
import { notesInScope, noteVoteMeta } from './vote-notes'
import './votes.css'

interface NoteBox {
  shapeId: string
  text: string
  left: number
  top: number
  width: number
  height: number
}

/**
 * Drawn in front of the canvas (tldraw's InFrontOfTheCanvas, in screen pixels so dots and counts
 * stay readable at any zoom): while a vote runs, each note in it is a button that puts a dot and
 * this person's own dots (from the server, never from the shared document) are buttons that take
 * one back; after the end, every note with a count written by the server shows it as a badge.
 */
export function VoteOverlay() {
  const editor = useEditor()
  const controls = useVoteControls()
  const { t } = useT()
  const running = controls?.view && !controls.view.vote.endedAt ? controls.view : null
  const frameId = running?.vote.frameId ?? null
  const boxes = useValue(
    'vote boxes',
    () => {
      // Read the camera so the boxes follow panning and zooming.
      editor.getCamera()
      const shapes = editor.getCurrentPageShapes()
      const box = (shape: TLShape | undefined) => {
        const bounds = shape && editor.getShapePageBounds(shape)
        if (!bounds) return null
        const topLeft = editor.pageToViewport({ x: bounds.minX, y: bounds.minY })
        const bottomRight = editor.pageToViewport({ x: bounds.maxX, y: bounds.maxY })
        return { left: topLeft.x, top: topLeft.y, width: bottomRight.x - topLeft.x, height: bottomRight.y - topLeft.y }
      }
      const voting = running
        ? notesInScope(shapes, frameId).flatMap((n) => {
            const b = box(editor.getShape(n.shapeId as TLShape['id']))
            return b ? [{ shapeId: n.shapeId, text: n.text, ...b }] : []
          })
        : []
      const badges = shapes.flatMap((shape) => {
        const meta = shape.type === 'note' ? noteVoteMeta(shape.meta) : null
        const b = meta ? box(shape) : null
        return meta && b ? [{ ...b, count: meta.count, shapeId: shape.id }] : []
      })
      return { voting: voting as NoteBox[], badges }
    },
    [editor, running, frameId],
  )

  const mine = new Map((running?.myBallots ?? []).map((b) => [b.shapeId, b.count]))
  const label = (text: string) => text.replace(/\s+/g, ' ').trim() || t('vote.note.empty')
  return (
    <div className="vote-overlay">
      {boxes.badges.map((b) => (
        <span
          key={`badge-${b.shapeId}`}
          className="vote-badge"
          style={{ left: b.left + b.width, top: b.top }}
          data-testid="vote-badge"
          data-shape-id={b.shapeId}
        >
          {b.count === 1 ? t('vote.note.badgeOne') : t('vote.note.badge', { count: b.count })}
        </span>
      ))}
      {running
        ? boxes.voting.map((n) => {
            const dots = mine.get(n.shapeId) ?? 0
            return (
              <div
                key={n.shapeId}
                className="vote-target"
                style={{ left: n.left, top: n.top, width: n.width, height: n.height }}
              >
                <button
                  type="button"
                  className="vote-target-button"
                  aria-label={t('vote.note.add', { text: label(n.text) })}
                  data-testid="vote-note"
                  data-shape-id={n.shapeId}
                  // not `disabled`: a disabled button lets the press through to the canvas below
                  aria-disabled={controls?.busy}
                  onClick={() => !controls?.busy && controls?.cast(n.shapeId)}
                />
                {dots > 0 ? (
                  <span className="vote-dots">
                    {Array.from({ length: dots }, (_, i) => (
                      <button
                        key={i}
                        type="button"
                        className="vote-dot"
                        aria-label={t('vote.note.remove', { text: label(n.text) })}
                        data-testid="vote-dot"
                        data-shape-id={n.shapeId}
                        aria-disabled={controls?.busy}
                        onClick={() => !controls?.busy && controls?.takeBack(n.shapeId)}
                      />
                    ))}
                  </span>
                ) : null}
              </div>
            )
          })
        : null}
    </div>
  )
}
