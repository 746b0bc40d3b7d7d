import { useEffect } from 'react'
import type { Editor, TLShapeId } from 'tldraw'
import type { SessionPhase } from '../../db/phases'
import { stepFrame } from '~/facilitation/canvas-writes'
import { userRecordId } from './follow'

export type ProjectorView = 'follow' | 'step'

/**
 * What the projector's camera shows: the facilitator's viewport (tldraw's following; taken up
 * again whenever it stopped, since nobody works the projector's own view), or the current step's
 * frame (the one new notes go into, canvas-writes.ts stepFrame), zoomed to fit and moved along
 * when the step changes or the frame grows.
 */
export function useProjectorCamera(editor: Editor | null, view: ProjectorView, phase: SessionPhase, leader: string) {
  useEffect(() => {
    if (!editor) return
    if (view === 'follow') {
      const userId = userRecordId(leader)
      const follow = () => {
        if (editor.getInstanceState().followingUserId === userId) return
        if (editor.getCollaborators().some((c) => c.userId === userId)) editor.startFollowingUser(userId)
      }
      follow()
      const stop = editor.store.listen(follow, { scope: 'presence' })
      return () => {
        stop()
        editor.stopFollowingUser()
      }
    }
    let shown = ''
    const show = () => {
      const shapes = new Map<string, unknown>(editor.getCurrentPageShapes().map((s) => [s.id, s]))
      const frame = stepFrame(shapes, phase)
      const bounds = frame ? editor.getShapePageBounds(frame.id as TLShapeId) : undefined
      if (!frame || !bounds) return
      const key = `${frame.id}:${bounds.x}:${bounds.y}:${bounds.w}:${bounds.h}`
      if (key === shown) return
      shown = key
      editor.zoomToBounds(bounds, { inset: 48, animation: { duration: 300 } })
    }
    show()
    return editor.store.listen(show, { scope: 'document' })
  }, [editor, view, phase, leader])
}
