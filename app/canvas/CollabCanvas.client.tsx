import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { useEffect, useMemo, useRef, useState } from 'react'
import { Tldraw, useTldrawCurrentUser, type Editor, type TLComponents, type TLUserPreferences } from 'tldraw'
import 'tldraw/tldraw.css'
import { customShapeUtils } from './cards'
import { CardContext } from './cards/card-context'
import { ConnectionBadge, ConnectionContext, ConnectionTopPanel, LicenseNotice, SchemaNotice } from './canvas-notices'
import { licenseProblem } from './license'
import { t, type Locale } from '~/i18n'
import type { Role } from '../../db/roles'
import { presenceColor } from './presence'
import { useCollabStore } from './use-collab-store'
import { VoteOverlay } from '~/votes/VoteOverlay'
import { guardCanvas } from './canvas-guards'
import { LockBadges, LockContext, PadlockIcon, ParticipantToolbar, participantOverrides } from './CanvasLocks'
import { FacilitatorSharePanel } from '~/attention/FacilitatorSharePanel'
import { MediaContext, ParticipantFiles, PictureSize } from './canvas-media'
import { photoAssetStore } from './photo-assets'

export interface CollabCanvasProps {
  roomId: string
  /** e.g. `wss://host/collab`; the room is at `<serverUrl>/<roomId>`. */
  serverUrl: string
  user: { id: string; name: string; role: Role }
  /** Projector: sees everything live, writes nothing. */
  readOnly: boolean
  locale: Locale
  licenseKey: string | undefined
  /** For clients that cannot send the session cookie; sent as `?token=`. */
  token?: string
  /** Called with the editor once it is mounted, e.g. for a panel outside the canvas that places cards. */
  onEditor?: (editor: Editor) => void
  /** The session (facilitators lock and unlock frames from the canvas). */
  sessionId?: string
  /** What is locked now (the live session state): participants cannot change it. */
  locks?: { all: boolean; frames: string[] }
  /** Participants may add pictures now (the session's photo switch, live). */
  mediaAllowed?: boolean
}

// Fonts, icons and translations are bundled by Vite from @tldraw/assets: no CDN requests.
const assetUrls = getAssetUrlsByImport()
// The vote overlay reads the session page's VoteContext and draws nothing outside a vote.
const components: TLComponents = { TopPanel: ConnectionTopPanel, InFrontOfTheCanvas: VoteOverlay }
// Roles are enforced by the server (app/rooms/permissions.ts); the interface offers a participant
// only what the server will accept: no page menu, no main menu (export all, insert media or
// embeds), no frames or media upload in the toolbar.
// Participants keep tldraw's people list (follow anyone); facilitators have it beside the lock controls.
const facilitatorComponents: TLComponents = {
  ...components,
  OnTheCanvas: LockBadges,
  SharePanel: FacilitatorSharePanel,
}
const participantComponents: TLComponents = {
  ...components,
  OnTheCanvas: LockBadges,
  PageMenu: null,
  MainMenu: null,
  Toolbar: ParticipantToolbar,
}
const NO_LOCKS = { all: false, frames: [] as string[] }

/** The live canvas of a werksessie. Client-only (tldraw needs the DOM). */
export function CollabCanvas(props: CollabCanvasProps) {
  const [license] = useState(() =>
    licenseProblem({
      licenseKey: props.licenseKey,
      protocol: window.location.protocol,
      hostname: window.location.hostname,
      isProduction: import.meta.env.PROD,
    }),
  )
  if (license) return <LicenseNotice isFacilitator={props.user.role === 'facilitator'} locale={props.locale} />
  return <LiveCanvas {...props} />
}

export default CollabCanvas

function LiveCanvas(props: CollabCanvasProps) {
  const { roomId, serverUrl, user, readOnly, locale, licenseKey, token, onEditor, sessionId } = props
  const locks = props.locks ?? NO_LOCKS
  const isFacilitator = user.role === 'facilitator'
  // Pictures go to the session's photo API, never into the document (photo-assets.ts).
  const assets = useMemo(() => photoAssetStore(sessionId), [sessionId])
  const { storeWithStatus, connection, problem, refusal, reset, dismissReset } = useCollabStore({
    roomId,
    serverUrl,
    token,
    user,
    readOnly,
    locale,
    assets,
  })

  // Our own preferences instead of tldraw's localStorage ones: the id must be the person's (two
  // tabs of one browser would otherwise share an id and hide each other's cursors) and the locale
  // is the page's.
  const [prefs, setPrefs] = useState<TLUserPreferences>({ id: user.id })
  const tlUser = useTldrawCurrentUser({
    userPreferences: {
      ...prefs,
      id: user.id,
      name: user.name,
      color: presenceColor(user.id, user.role),
      locale,
    },
    setUserPreferences: setPrefs,
  })
  const connectionValue = useMemo(() => ({ state: connection, locale }), [connection, locale])
  const lockValue = useMemo(
    () => ({
      locale,
      all: locks.all,
      frames: new Set(locks.frames),
      sessionId: isFacilitator && !readOnly ? sessionId : undefined,
    }),
    [locale, locks.all, locks.frames, isFacilitator, readOnly, sessionId],
  )
  // The guards read the locks when a change is made, not when they were registered.
  const lockRef = useRef(lockValue)
  lockRef.current = lockValue
  const [editor, setEditor] = useState<Editor | null>(null)
  const lockedAllForMe = locks.all && !isFacilitator
  useEffect(() => {
    if (editor && !readOnly) editor.updateInstanceState({ isReadonly: lockedAllForMe })
  }, [editor, readOnly, lockedAllForMe])
  const cardValue = useMemo(
    () => ({ locale, canRefresh: user.role === 'facilitator' && !readOnly }),
    [locale, user.role, readOnly],
  )

  return (
    <div style={{ position: 'relative', width: '100%', height: '100%' }} data-canvas-room={roomId}>
      {refusal === 'gone' ? null : storeWithStatus.status === 'loading' ? (
        <div style={{ padding: '1rem', font: '16px system-ui, sans-serif' }}>
          <p>{t(locale, 'canvas.loading')}</p>
          <ConnectionBadge state={connection} locale={locale} />
        </div>
      ) : (
        <ConnectionContext.Provider value={connectionValue}>
          <CardContext.Provider value={cardValue}>
            <LockContext.Provider value={lockValue}>
              <MediaContext.Provider value={!isFacilitator && !!props.mediaAllowed}>
                <Tldraw
                  store={storeWithStatus}
                  shapeUtils={customShapeUtils}
                  assetUrls={assetUrls}
                  licenseKey={licenseKey}
                  user={tlUser}
                  components={isFacilitator ? facilitatorComponents : participantComponents}
                  overrides={isFacilitator ? undefined : participantOverrides}
                  onMount={(editor) => {
                    if (readOnly) editor.updateInstanceState({ isReadonly: true })
                    const unguard = guardCanvas(editor, {
                      presenceId: user.id,
                      isFacilitator,
                      locks: () => lockRef.current,
                    })
                    if (!isFacilitator) {
                      // Pasted or dropped links would become embeds or bookmarks: not for participants.
                      // Their files are ParticipantFiles' (pictures only, while photos are allowed).
                      editor.registerExternalContentHandler('url', async () => {})
                    }
                    setEditor(editor)
                    onEditor?.(editor)
                    return unguard
                  }}
                >
                  <PictureSize />
                  {isFacilitator ? null : <ParticipantFiles />}
                </Tldraw>
              </MediaContext.Provider>
            </LockContext.Provider>
          </CardContext.Provider>
        </ConnectionContext.Provider>
      )}
      {lockedAllForMe ? (
        <p className="lock-banner" role="status" data-testid="lock-banner">
          <PadlockIcon /> {t(locale, 'lock.banner')}
        </p>
      ) : null}
      {reset !== null ? (
        <div className="canvas-reset" role="alert">
          <p>{t(locale, 'canvas.reset', { reason: reset })}</p>
          <button type="button" onClick={dismissReset}>
            {t(locale, 'canvas.reset.close')}
          </button>
        </div>
      ) : null}
      {refusal ? (
        <SchemaNotice problem={`refusal-${refusal}`} locale={locale} />
      ) : (
        problem && <SchemaNotice problem={problem} locale={locale} />
      )}
    </div>
  )
}
