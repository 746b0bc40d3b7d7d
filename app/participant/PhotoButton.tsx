import { useId, useRef, useState } from 'react'
import { translate, type MessageKey } from '~/i18n'
import { useT } from '~/i18n/use-t'
import { downscaleToJpeg, sendPhoto } from './photo'

export interface PhotoButtonProps {
  sessionId: string
  /** the sender's own idea the photo belongs to: it is placed right of it */
  noteShapeId?: string
  onSent?: (result: { assetId: string; shapeId: string }) => void
}

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; key: Extract<MessageKey, 'photos.status.preparing' | 'photos.status.sending'> }
  | { kind: 'sent' }
  | { kind: 'failed'; text: string }

function CameraIcon() {
  return (
    <svg
      aria-hidden="true"
      width="22"
      height="22"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <path d="M4 7h3l2-3h6l2 3h3a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1z" />
      <circle cx="12" cy="13" r="4" />
    </svg>
  )
}

/**
 * "Foto toevoegen" on the phone page (issue 9): opens the camera (or the photo library), makes
 * the photo small and clean in the browser (photo.ts) and sends it to the session, beside the
 * sender's idea when there is one. The warning not to photograph people stands right under the
 * button; what happened is said in a live region. Only shown while the facilitator allows photos
 * (the server refuses otherwise). Imports neither tldraw nor Yjs.
 */
export function PhotoButton({ sessionId, noteShapeId, onSent }: PhotoButtonProps) {
  const { t, locale } = useT()
  const input = useRef<HTMLInputElement>(null)
  const warningId = useId()
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const busy = status.kind === 'busy'

  async function send(file: File) {
    setStatus({ kind: 'busy', key: 'photos.status.preparing' })
    let ready
    try {
      ready = await downscaleToJpeg(file)
    } catch {
      setStatus({ kind: 'failed', text: t('photos.status.unreadable') })
      return
    }
    setStatus({ kind: 'busy', key: 'photos.status.sending' })
    const result = await sendPhoto(sessionId, ready.blob, { note: noteShapeId })
    if (result.ok) {
      setStatus({ kind: 'sent' })
      if (result.shapeId) onSent?.({ assetId: result.assetId, shapeId: result.shapeId })
    } else {
      // The server's own words (Dutch, as the API answers); without an answer, ours.
      const text =
        result.status === 0 || !result.message ? t('photos.status.offline') : translate(locale, result.message)
      setStatus({ kind: 'failed', text })
    }
  }

  const statusText =
    status.kind === 'busy'
      ? t(status.key)
      : status.kind === 'sent'
        ? t('photos.status.sent')
        : status.kind === 'failed'
          ? status.text
          : ''
  return (
    <div className="photo-button" data-testid="photo-button">
      <button
        type="button"
        className="button photo-button-main"
        disabled={busy}
        aria-describedby={warningId}
        onClick={() => input.current?.click()}
      >
        <CameraIcon /> {t('photos.button')}
      </button>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        onChange={(event) => {
          const file = event.currentTarget.files?.[0]
          // The same photo may be chosen again after a failure.
          event.currentTarget.value = ''
          if (file) void send(file)
        }}
      />
      <p id={warningId} className="photo-warning">
        {t('photos.warning')}
      </p>
      <p role="status" className={`photo-status ${status.kind}`} data-testid="photo-status">
        {statusText}
      </p>
    </div>
  )
}
