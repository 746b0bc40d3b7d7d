import type { Editor, TLUserId } from 'tldraw'

/**
 * Following a person's viewport with tldraw's own following (editor.startFollowingUser), which
 * reads the `instance_presence` records app/canvas/presence.ts makes from awareness. Type-only
 * imports: the session page must not pull tldraw into its server render.
 */

/**
 * The user record id tldraw gives a presence id (presence.ts: `createUserId(user.id)`); a record
 * id is `<typeName>:<id>` (follow.test.ts checks this against tldraw's createUserId).
 */
export const userRecordId = (presenceId: string) => `user:${presenceId}` as TLUserId

/**
 * Starts following `presenceId` as soon as their presence is in the store: right after a
 * summon, or when someone joins, it may arrive on awareness a moment after the summon itself.
 * Gives up after `waitMs` (never with Infinity, as a projector waits for its facilitator).
 * Returns a function that stops waiting; it does not stop a following that began.
 */
export function followPresence(editor: Editor, presenceId: string, waitMs = 10_000): () => void {
  const userId = userRecordId(presenceId)
  if (userId === editor.user.getRecordId()) return () => {}
  const tryFollow = () => {
    if (!editor.getCollaborators().some((c) => c.userId === userId)) return false
    editor.startFollowingUser(userId)
    return true
  }
  if (tryFollow()) return () => {}
  const stopListening = editor.store.listen(
    () => {
      if (tryFollow()) stop()
    },
    { scope: 'presence' },
  )
  const timer = Number.isFinite(waitMs) ? setTimeout(() => stop(), waitMs) : null
  function stop() {
    stopListening()
    if (timer) clearTimeout(timer)
  }
  return stop
}

/** The presence id of who this canvas follows now, or null. */
export function followedPresenceId(editor: Editor): string | null {
  const userId = editor.getInstanceState().followingUserId
  return userId ? userId.slice('user:'.length) : null
}
