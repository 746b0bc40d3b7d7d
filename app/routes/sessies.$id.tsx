import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Editor } from 'tldraw'
import { db } from '~/db.server'
import { useT } from '~/i18n/use-t'
import { loadSessionPage } from '~/sessions/page.server'
import { SessionCanvas } from '~/sessions/SessionCanvas'
import { useLiveSessionState } from '~/sessions/live-state'
import { SessionToolbar } from '~/sessions/SessionToolbar'
import { useVote, VoteContext } from '~/votes/use-vote'
import { VoteBar } from '~/votes/VoteBar'
import { AddIdea, TemplateTools } from '~/facilitation/CanvasTools'
import { FrameInterventionTools } from '~/interventions/FrameInterventionTools'
import { PrivateBanner, PrivateModeControls, usePrivateRoom, WatchingBanner } from '~/facilitation/PrivateMode'
import { WIJK_PANEL_ID, WijkPanel } from '~/sessions/WijkPanel'
import { dataTitle } from '~/i18n/meta'
import { FollowingNotice, SummonButton, useFollowOnSummon } from '~/attention/Attention'
import attentionStylesHref from '~/styles/attention.css?url'
import { MediaToggle } from '~/photos/MediaToggle'

export const meta: MetaFunction<typeof loader> = ({ data }) => dataTitle(data?.session.title)

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: attentionStylesHref }]

export async function loader(args: LoaderFunctionArgs) {
  return loadSessionPage(db(), args, { withWijkPanel: true })
}

export default function SessionPage() {
  const page = useLoaderData<typeof loader>()
  const { session, invite, user, licenseKey, wijkProfile, isFacilitator } = page
  const { t } = useT()
  const [editor, setEditor] = useState<Editor | null>(null)
  const onSummon = useFollowOnSummon(editor, user.id)
  const live = useLiveSessionState(session.id, page.state, { onSummon })
  // A closed session is read-only for participants (the server gives them read connections too).
  const readOnly = page.readOnly || (!isFacilitator && live.state.closed)
  // The canvas keeps its store and connection when the session closes or reopens: the server
  // moves a participant's connection to read mode (4012, then a read identity) and the editor
  // follows here. A new store would send what its read-only copy held locally as edits.
  // In private mode a participant's canvas is their own room; a facilitator may look at one.
  const privateRoom = usePrivateRoom(session.id, live.state, isFacilitator)
  const canvasReadOnly = readOnly || !!privateRoom.room?.readOnly
  useEffect(() => {
    editor?.updateInstanceState({ isReadonly: canvasReadOnly })
  }, [editor, canvasReadOnly])
  const vote = useVote(session.id, live.state.vote)
  const [panelOpen, setPanelOpen] = useState(false)
  const panelButton = useRef<HTMLButtonElement>(null)
  const closePanel = useCallback(() => {
    setPanelOpen(false)
    panelButton.current?.focus()
  }, [])
  const showPanelButton = !!invite && !!session.wijkCode && wijkProfile !== undefined
  return (
    <div className="session-shell">
      <header className="session-bar">
        <h1>{session.title}</h1>
        {invite ? (
          <>
            <span>
              {t('session.code')}:{' '}
              <span className="code" data-testid="join-code">
                {invite.joinCode}
              </span>
            </span>
            <CopyLink url={invite.joinUrl} />
            {showPanelButton ? (
              <button
                ref={panelButton}
                type="button"
                className="link-button"
                aria-expanded={panelOpen}
                aria-controls={panelOpen ? WIJK_PANEL_ID : undefined}
                onClick={() => setPanelOpen((open) => !open)}
              >
                {t('cards.panel.open')}
              </button>
            ) : null}
            <Link to={`/sessies/${session.id}/scherm`} target="_blank" rel="noopener">
              {t('session.projector')}
            </Link>
            <Link to={`/sessies/${session.id}/geschiedenis`}>{t('history.link')}</Link>
            <Link to={`/sessies/${session.id}/instellingen`}>{t('settings.link')}</Link>
            <Link to={`/sessies/${session.id}/samenvatting`}>{t('summary.link')}</Link>
          </>
        ) : (
          <>
            <span>{t('session.you', { name: user.name })}</span>
            <Link to={`/doe-mee/${session.id}`}>{t('participant.phonePage')}</Link>
          </>
        )}
        <span className="spacer" />
        {invite ? <Link to="/sessies">{t('session.back')}</Link> : null}
      </header>
      <SessionToolbar
        sessionId={session.id}
        state={live.state}
        offsetMs={live.offsetMs}
        connection={live.connection}
        isFacilitator={isFacilitator}
        onState={live.applyState}
      >
        <VoteBar
          controls={vote}
          vote={live.state.vote}
          isFacilitator={isFacilitator}
          readOnly={readOnly}
          editor={editor}
        />
        {isFacilitator && !readOnly ? (
          <>
            <TemplateTools sessionId={session.id} phase={live.state.phase} editor={editor} />
            {/* A private room on screen is not where the server reads frames from. */}
            <FrameInterventionTools
              sessionId={session.id}
              wijkCode={session.wijkCode}
              editor={privateRoom.room ? null : editor}
            />
          </>
        ) : null}
        {!readOnly && !live.removed ? <AddIdea sessionId={session.id} editor={editor} /> : null}
        {isFacilitator ? <SummonButton sessionId={session.id} /> : null}
        {isFacilitator && !readOnly ? (
          <MediaToggle sessionId={session.id} state={live.state} onState={live.applyState} />
        ) : null}
        {isFacilitator && !readOnly ? (
          <PrivateModeControls
            sessionId={session.id}
            state={live.state}
            onState={live.applyState}
            watching={privateRoom.watched?.roomId ?? null}
            onWatch={(room) => void privateRoom.watch(room)}
          />
        ) : null}
      </SessionToolbar>
      <div className="session-body">
        <main id="inhoud" className="session-canvas">
          {live.removed ? (
            <p className="canvas-placeholder" role="alert">
              {t('error.session.removed')}
            </p>
          ) : (
            <VoteContext.Provider value={vote}>
              {privateRoom.pending ? (
                <p className="canvas-placeholder">{t('private.loading')}</p>
              ) : (
                <div className="private-canvas">
                  {privateRoom.room && !privateRoom.room.readOnly ? (
                    <PrivateBanner facilitatorSees={live.state.privateFacilitatorSees} />
                  ) : null}
                  {privateRoom.watched ? <WatchingBanner label={privateRoom.watched.label} /> : null}
                  <div className="private-canvas-body">
                    {/* A room of its own is a canvas of its own (key): its bytes never meet the main room's. */}
                    <SessionCanvas
                      key={privateRoom.room?.roomId ?? session.roomId}
                      roomId={privateRoom.room?.roomId ?? session.roomId}
                      user={privateRoom.room ? { ...user, id: privateRoom.room.presenceId } : user}
                      readOnly={!!privateRoom.room?.readOnly}
                      licenseKey={licenseKey}
                      onEditor={setEditor}
                      sessionId={session.id}
                      locks={privateRoom.room ? undefined : live.state.locked}
                      mediaAllowed={live.state.mediaAllowed}
                    />
                  </div>
                </div>
              )}
            </VoteContext.Provider>
          )}
          <FollowingNotice editor={editor} />
        </main>
        {showPanelButton && panelOpen && session.wijkCode ? (
          <WijkPanel wijkCode={session.wijkCode} profile={wijkProfile ?? null} editor={editor} onClose={closePanel} />
        ) : null}
      </div>
    </div>
  )
}

function CopyLink({ url }: { url: string }) {
  const { t } = useT()
  const [copied, setCopied] = useState(false)
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => {
        void navigator.clipboard?.writeText(url).then(() => setCopied(true))
      }}
      title={url}
    >
      {copied ? t('session.copied') : t('session.copy')}
    </button>
  )
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
