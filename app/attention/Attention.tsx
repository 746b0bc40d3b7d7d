import { useCallback, useEffect, useRef, useState } from 'react'
import type { Editor } from 'tldraw'
import { useT } from '~/i18n/use-t'
import { followedPresenceId, followPresence, userRecordId } from './follow'

/**
 * The session page's side of "Iedereen naar mij": returns the live channel's `onSummon`, and
 * follows the summoner with tldraw's following once the canvas is there. Following stops by
 * itself when this person pans or zooms (tldraw does that).
 */
export function useFollowOnSummon(editor: Editor | null, ownPresenceId: string) {
  const [summon, setSummon] = useState<{ presenceId: string; n: number } | null>(null)
  useEffect(() => {
    if (!editor || !summon || summon.presenceId === ownPresenceId) return
    return followPresence(editor, summon.presenceId)
  }, [editor, summon, ownPresenceId])
  return useCallback((presenceId: string) => setSummon((s) => ({ presenceId, n: (s?.n ?? 0) + 1 })), [])
}

/** A facilitator's "Iedereen naar mij" button for the session toolbar. */
export function SummonButton({ sessionId }: { sessionId: string }) {
  const { t } = useT()
  const [status, setStatus] = useState<'idle' | 'busy' | 'sent' | 'failed'>('idle')
  const summon = async () => {
    setStatus('busy')
    try {
      const response = await fetch(`/api/v1/sessions/${encodeURIComponent(sessionId)}/summon`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      })
      setStatus(response.ok ? 'sent' : 'failed')
    } catch {
      setStatus('failed')
    }
  }
  return (
    <span className="summon">
      <button
        type="button"
        className="tool-button"
        disabled={status === 'busy'}
        onClick={() => void summon()}
        data-testid="summon"
      >
        {t('attention.summon')}
      </button>
      <span role="status" className="summon-status">
        {status === 'sent' ? t('attention.summon.sent') : status === 'failed' ? t('attention.summon.failed') : ''}
      </span>
    </span>
  )
}

/**
 * While this canvas follows someone: whom, and how to stop, in plain words (tldraw's coloured
 * frame alone does not say it). Read from the editor's instance state, which tldraw keeps.
 */
export function FollowingNotice({ editor }: { editor: Editor | null }) {
  const { t } = useT()
  const [following, setFollowing] = useState<string | null>(null)
  const editorRef = useRef(editor)
  editorRef.current = editor
  useEffect(() => {
    if (!editor) return
    const update = () => setFollowing(followedPresenceId(editor))
    update()
    return editor.store.listen(update, { scope: 'session' })
  }, [editor])
  if (!editor || !following) return null
  const presence = editor.getCollaborators().find((c) => c.userId === userRecordId(following))
  return (
    <div className="following-notice" role="status" data-testid="following-notice" data-following={following}>
      <span>
        {t('attention.following', { name: presence?.userName || t('attention.someone') })}{' '}
        {t('attention.following.hint')}
      </span>
      <button type="button" className="tool-button quiet" onClick={() => editorRef.current?.stopFollowingUser()}>
        {t('attention.following.stop')}
      </button>
    </div>
  )
}
