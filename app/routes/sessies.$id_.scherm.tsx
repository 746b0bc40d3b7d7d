import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import type { Editor } from 'tldraw'
import { sessionPhases } from '../../db/phases'
import { db } from '~/db.server'
import { invariantResponse } from '~/http/invariant.server'
import { loadSessionPage } from '~/sessions/page.server'
import { joinQrSvg } from '~/sessions/join-qr.server'
import { useLiveSessionState } from '~/sessions/live-state'
import { SessionCanvas } from '~/sessions/SessionCanvas'
import { TimerDisplay } from '~/sessions/TimerDisplay'
import { useTimerSound } from '~/sessions/timer-sound'
import { t } from '~/i18n'
import { dataTitle, metaLocale } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import attentionStylesHref from '~/styles/attention.css?url'
import { useProjectorCamera, type ProjectorView } from '~/attention/projector-camera'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  dataTitle(data?.session.title, t(metaLocale(matches), 'session.projector'))

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: attentionStylesHref }]

/**
 * The projector view: the same canvas, read-only, with the current step and the timer large, and
 * a full-screen join screen with the code and a QR code of the join link (made on our server).
 */
export async function loader(args: LoaderFunctionArgs) {
  const page = await loadSessionPage(db(), args, { withWijkPanel: false })
  invariantResponse(page.isFacilitator && page.invite, 'error.session.projectorFacilitatorOnly', { status: 403 })
  return { ...page, invite: page.invite, qrSvg: await joinQrSvg(page.invite.joinUrl) }
}

export default function ProjectorPage() {
  const { session, invite, user, licenseKey, state: initial, qrSvg } = useLoaderData<typeof loader>()
  const { t } = useT()
  // Follows the facilitator who opened it, or whoever called everyone to them last.
  const [leader, setLeader] = useState(user.id)
  const live = useLiveSessionState(session.id, initial, { onSummon: setLeader })
  const [view, setView] = useState<ProjectorView>('follow')
  const [editor, setEditor] = useState<Editor | null>(null)
  useProjectorCamera(editor, view, live.state.phase, leader)
  const sound = useTimerSound()
  const [joinOpen, setJoinOpen] = useState(false)
  const step = sessionPhases.indexOf(live.state.phase) + 1
  const address = invite.joinUrl.replace(/^https?:\/\//, '').replace(/\/meedoen\/.*$/, '/meedoen')
  return (
    <div className="session-shell">
      <header className="session-bar">
        <h1>{session.title}</h1>
        <span className="spacer" />
        <span>
          {invite.joinUrl.replace(/^https?:\/\//, '')} · <span className="code">{invite.joinCode}</span>
        </span>
        <fieldset className="projector-view">
          <legend>{t('projector.view.label')}</legend>
          {(['follow', 'step'] as const).map((option) => (
            <label key={option}>
              <input
                type="radio"
                name="projector-view"
                value={option}
                checked={view === option}
                onChange={() => setView(option)}
              />{' '}
              {t(`projector.view.${option}`)}
            </label>
          ))}
        </fieldset>
        <button type="button" className="tool-button" onClick={() => setJoinOpen(true)} data-testid="show-join">
          {t('projector.showJoin')}
        </button>
      </header>
      <section className="projector-state" aria-label={t('toolbar.label')}>
        <div className="step-info">
          <p className="step-name">
            <span className="step-count">{t('phase.step', { n: step, count: sessionPhases.length })}</span>{' '}
            <strong data-testid="phase-label">{t(`phase.${live.state.phase}`)}</strong>
          </p>
          <p className="step-instruction">{t(`phase.${live.state.phase}.instruction`)}</p>
        </div>
        <TimerDisplay timer={live.state.timer} offsetMs={live.offsetMs} muted={sound.muted} />
        {live.state.timer.status === 'idle' ? null : (
          <button type="button" className="tool-button quiet" aria-pressed={sound.muted} onClick={sound.toggle}>
            {sound.muted ? t('timer.unmute') : t('timer.mute')}
          </button>
        )}
      </section>
      <main id="inhoud" className="session-canvas">
        {/* Its own tldraw user id: with the facilitator's, tldraw would not count her as someone to follow. */}
        <SessionCanvas
          roomId={session.roomId}
          user={{ ...user, id: `${user.id}.scherm` }}
          readOnly
          licenseKey={licenseKey}
          onEditor={setEditor}
        />
      </main>
      {joinOpen ? (
        <JoinScreen
          address={address}
          joinCode={invite.joinCode}
          qrSvg={qrSvg}
          closed={live.state.closed}
          onClose={() => setJoinOpen(false)}
        />
      ) : null}
    </div>
  )
}

function JoinScreen(props: { address: string; joinCode: string; qrSvg: string; closed: boolean; onClose: () => void }) {
  const { t } = useT()
  const closeButton = useRef<HTMLButtonElement>(null)
  const { onClose } = props
  useEffect(() => {
    closeButton.current?.focus()
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
  return (
    <div className="join-screen" role="dialog" aria-modal="true" aria-labelledby="join-title" data-testid="join-screen">
      <button ref={closeButton} type="button" className="tool-button quiet join-close" onClick={onClose}>
        {t('projector.hideJoin')}
      </button>
      <div>
        <h1 id="join-title">{t('projector.joinTitle')}</h1>
        {props.closed ? (
          <p className="projector-closed">{t('projector.closed')}</p>
        ) : (
          <>
            <p className="join-address">{t('projector.goTo', { address: props.address })}</p>
            <span className="join-code" data-testid="join-screen-code">
              {props.joinCode}
            </span>
            <p className="join-scan">{t('projector.scan')}</p>
          </>
        )}
      </div>
      {props.closed ? null : (
        <div
          className="join-qr"
          role="img"
          aria-label={t('projector.qr')}
          data-testid="join-qr"
          // SVG made by our own server from the join link (join-qr.server.ts), no user input in it.
          dangerouslySetInnerHTML={{ __html: props.qrSvg }}
        />
      )}
    </div>
  )
}

export { ErrorPage as ErrorBoundary } from '~/components/ErrorPage'
