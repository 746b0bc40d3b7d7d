import { useId, useState } from 'react'
import { translate } from '~/i18n'
import { useT } from '~/i18n/use-t'
import type { SessionState } from '~/sessions/session-state'
import { postSessionCommand } from '~/sessions/SessionToolbar'

interface MediaToggleProps {
  sessionId: string
  state: SessionState
  /** the state the command answered, with when it was sent (for the clock offset) */
  onState: (state: SessionState, sentAt: number) => void
}

/**
 * The facilitator's compact photo switch in the session bar (the settings page has it with its
 * full explanation). Every screen hears the change on the live channel; the participants'
 * canvases and phone pages offer photos only while it is on.
 */
export function MediaToggle({ sessionId, state, onState }: MediaToggleProps) {
  const { t, locale } = useT()
  const id = useId()
  const hintId = useId()
  // What was just asked for, shown until the answer (the new state) arrives.
  const [pending, setPending] = useState<boolean | null>(null)
  const [error, setError] = useState<string | null>(null)
  return (
    <div className="tool-group media-tools">
      <label className="check" htmlFor={id} title={t('photos.toolbar.hint')}>
        <input
          id={id}
          type="checkbox"
          checked={pending ?? state.mediaAllowed}
          disabled={pending !== null}
          aria-describedby={hintId}
          onChange={async (event) => {
            const allowed = event.target.checked
            setPending(allowed)
            const result = await postSessionCommand(sessionId, 'media', { allowed })
            setPending(null)
            if (result.ok) {
              setError(null)
              onState(result.state, result.sentAt)
            } else setError(t('photos.toolbar.failed', { reason: translate(locale, result.message) }))
          }}
        />
        {t('photos.toolbar')}
      </label>
      <span id={hintId} className="visually-hidden">
        {t('photos.toolbar.hint')}
      </span>
      {error ? (
        <span className="tool-status" role="status">
          {error}
        </span>
      ) : null}
    </div>
  )
}
