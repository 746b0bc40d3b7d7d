import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { useMemo, useState } from 'react'
import { Tldraw, useTldrawCurrentUser, type Editor, type TLUiComponents, type TLUserPreferences } from 'tldraw'
import 'tldraw/tldraw.css'
import { customShapeUtils } from './cards'
import { CardContext } from './cards/card-context'
import { ConnectionBadge, ConnectionContext, ConnectionTopPanel, LicenseNotice, SchemaNotice } from './canvas-notices'
import { licenseProblem } from './license'
import { t, type Locale } from '~/i18n'
import type { Role } from '../../db/roles'
import { presenceColor } from './presence'
import { useCollabStore } from './use-collab-store'

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
}

// Fonts, icons and translations are bundled by Vite from @tldraw/assets: no CDN requests.
const assetUrls = getAssetUrlsByImport()
const components: TLUiComponents = { TopPanel: ConnectionTopPanel }

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

function LiveCanvas({ roomId, serverUrl, user, readOnly, locale, licenseKey, token, onEditor }: CollabCanvasProps) {
  const { storeWithStatus, connection, problem, refusal } = useCollabStore({
    roomId,
    serverUrl,
    token,
    user,
    readOnly,
    locale,
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
            <Tldraw
              store={storeWithStatus}
              shapeUtils={customShapeUtils}
              assetUrls={assetUrls}
              licenseKey={licenseKey}
              user={tlUser}
              components={components}
              onMount={(editor) => {
                if (readOnly) editor.updateInstanceState({ isReadonly: true })
                onEditor?.(editor)
              }}
            />
          </CardContext.Provider>
        </ConnectionContext.Provider>
      )}
      {refusal ? (
        <SchemaNotice problem={`refusal-${refusal}`} locale={locale} />
      ) : (
        problem && <SchemaNotice problem={problem} locale={locale} />
      )}
    </div>
  )
}
