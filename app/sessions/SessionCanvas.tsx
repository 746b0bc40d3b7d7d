import { lazy, Suspense, useEffect, useState } from 'react'
import type { Editor } from 'tldraw'
import type { Role } from '../../db/roles'
import { useT } from '~/i18n/use-t'

const CollabCanvas = lazy(() => import('~/canvas/CollabCanvas.client').then((m) => ({ default: m.CollabCanvas })))

interface SessionCanvasProps {
  roomId: string
  user: { id: string; name: string; role: Role }
  readOnly: boolean
  licenseKey: string | null
  /** Gets the canvas editor once it is mounted (e.g. for the Wijkprofiel panel). */
  onEditor?: (editor: Editor) => void
  /** The session (facilitators lock frames from the canvas). */
  sessionId?: string
  /** What is locked now (the live session state). */
  locks?: { all: boolean; frames: string[] }
  /** Participants may add pictures now (the live session state). */
  mediaAllowed?: boolean
}

/** The live canvas, rendered in the browser only (tldraw needs the DOM). */
export function SessionCanvas({
  roomId,
  user,
  readOnly,
  licenseKey,
  onEditor,
  sessionId,
  locks,
  mediaAllowed,
}: SessionCanvasProps) {
  const { t, locale } = useT()
  const [serverUrl, setServerUrl] = useState<string | null>(null)
  useEffect(() => {
    setServerUrl(`${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/collab`)
  }, [])
  const placeholder = <div className="canvas-placeholder">{t('canvas.loading')}</div>
  if (!serverUrl) return placeholder
  return (
    <Suspense fallback={placeholder}>
      <CollabCanvas
        roomId={roomId}
        serverUrl={serverUrl}
        user={user}
        readOnly={readOnly}
        locale={locale}
        licenseKey={licenseKey ?? undefined}
        onEditor={onEditor}
        sessionId={sessionId}
        locks={locks}
        mediaAllowed={mediaAllowed}
      />
    </Suspense>
  )
}
