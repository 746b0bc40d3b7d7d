import { useCallback, useEffect, useId, useState } from 'react'
import type { Role } from '../../db/roles'
import { participantLabel } from '~/i18n/roles'
import { useT } from '~/i18n/use-t'
import type { SessionState } from '~/sessions/session-state'
import './private-mode.css'

/**
 * Private ideation on the session page (docs/collab-protocol.md, "Private ideation"): which room
 * the canvas shows, the participant's banner and the facilitator's controls. The server decides
 * who may open which room; this only asks for the room it wants.
 */

/** The room the canvas is bound to instead of the main canvas, and who one is in it. */
export interface CanvasRoom {
  roomId: string
  presenceId: string
  readOnly: boolean
}

interface Watchable {
  roomId: string
  role: Role
  number: number
  displayName: string | null
}

async function call(path: string, body?: unknown) {
  const init: RequestInit =
    body === undefined
      ? { headers: { Accept: 'application/json' } }
      : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }
  const res = await fetch(path, { ...init, credentials: 'same-origin' })
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>
  return { ok: res.ok, json }
}

const tokenPath = (sessionId: string, room: string, mode: 'edit' | 'read') =>
  `/api/v1/sessions/${sessionId}/collab-token?room=${encodeURIComponent(room)}&mode=${mode}`

/**
 * The canvas room for this page: a participant's own private room while private mode is on
 * (`pending` until the server named it, so the main canvas is not opened meanwhile), the private
 * room a facilitator chose to look at, or null for the main canvas.
 */
export function usePrivateRoom(sessionId: string, state: SessionState, isFacilitator: boolean) {
  const [own, setOwn] = useState<CanvasRoom | null>(null)
  const [watched, setWatched] = useState<(CanvasRoom & { label: string }) | null>(null)
  const wantOwn = state.privateMode && !isFacilitator
  const mayWatch = state.privateMode && state.privateFacilitatorSees && isFacilitator

  useEffect(() => {
    if (!wantOwn) return setOwn(null)
    let gone = false
    void call(tokenPath(sessionId, 'private', 'edit')).then(({ ok, json }) => {
      if (gone || !ok) return
      setOwn({ roomId: String(json.roomId), presenceId: String(json.presenceId), readOnly: false })
    })
    return () => {
      gone = true
    }
  }, [sessionId, wantOwn])

  useEffect(() => {
    if (!mayWatch) setWatched(null)
  }, [mayWatch])

  const watch = useCallback(
    async (room: { roomId: string; label: string } | null) => {
      if (!room) return setWatched(null)
      const { ok, json } = await call(tokenPath(sessionId, room.roomId, 'read'))
      if (ok)
        setWatched({ roomId: room.roomId, presenceId: String(json.presenceId), readOnly: true, label: room.label })
    },
    [sessionId],
  )

  return {
    room: wantOwn ? own : mayWatch ? watched : null,
    pending: wantOwn && !own,
    watched: mayWatch ? watched : null,
    watch,
    mayWatch,
  }
}

/** Above a participant's private canvas: who sees it, and until when. */
export function PrivateBanner({ facilitatorSees }: { facilitatorSees: boolean }) {
  const { t } = useT()
  return (
    <p className="private-banner" role="status" data-testid="private-banner">
      {t(facilitatorSees ? 'private.bannerFacilitatorSees' : 'private.banner')}
    </p>
  )
}

/** Above a private canvas a facilitator looks at. */
export function WatchingBanner({ label }: { label: string }) {
  const { t } = useT()
  return (
    <p className="private-banner" role="status" data-testid="watching-banner">
      {t('private.watching', { name: label })}
    </p>
  )
}

interface ControlsProps {
  sessionId: string
  state: SessionState
  /** the state a command answered, with when it was sent (for the clock offset) */
  onState: (state: SessionState, sentAt: number) => void
  watching: string | null
  onWatch: (room: { roomId: string; label: string } | null) => void
}

/** The facilitator's part of the session bar: turn private writing on, look, and "laat zien". */
export function PrivateModeControls({ sessionId, state, onState, watching, onWatch }: ControlsProps) {
  const { t, locale } = useT()
  const seesId = useId()
  const watchId = useId()
  const [sees, setSees] = useState(false)
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState<string | null>(null)
  const [rooms, setRooms] = useState<Watchable[]>([])
  const mayWatch = state.privateMode && state.privateFacilitatorSees

  // Rooms are made when their owners open them, so the list is asked for again when opened.
  const loadRooms = useCallback(async () => {
    const { ok, json } = await call(`/api/v1/sessions/${sessionId}/private`)
    if (ok) setRooms((json.rooms as Watchable[]) ?? [])
  }, [sessionId])
  useEffect(() => {
    if (mayWatch) void loadRooms()
    else setRooms([])
  }, [mayWatch, loadRooms])

  async function post(path: string, body: unknown) {
    const sentAt = Date.now()
    setBusy(true)
    setStatus(null)
    const { ok, json } = await call(`/api/v1/sessions/${sessionId}/${path}`, body)
    setBusy(false)
    if (!ok) {
      setStatus(typeof json.message === 'string' ? json.message : t('private.failed'))
      return null
    }
    return { json, sentAt }
  }

  const label = (room: Watchable) => participantLabel(locale, room)

  if (!state.privateMode) {
    return (
      <div className="tool-group private-tools" role="group" aria-label={t('private.group')}>
        <label className="check" htmlFor={seesId}>
          <input id={seesId} type="checkbox" checked={sees} onChange={(e) => setSees(e.target.checked)} />
          {t('private.facilitatorSees')}
        </label>
        <button
          type="button"
          className="tool-button"
          disabled={busy}
          onClick={async () => {
            const done = await post('private', { on: true, facilitatorSees: sees })
            if (done) onState(done.json as unknown as SessionState, done.sentAt)
          }}
        >
          {t('private.turnOn')}
        </button>
        {status ? (
          <span className="tool-status" role="status">
            {status}
          </span>
        ) : null}
      </div>
    )
  }

  return (
    <div className="tool-group private-tools" role="group" aria-label={t('private.group')}>
      <span className="private-on">{t('private.isOn')}</span>
      {mayWatch ? (
        <>
          <label htmlFor={watchId}>{t('private.watch')}</label>
          <select
            id={watchId}
            value={watching ?? ''}
            onFocus={() => void loadRooms()}
            onChange={(e) => {
              const room = rooms.find((r) => r.roomId === e.target.value)
              onWatch(room ? { roomId: room.roomId, label: label(room) } : null)
            }}
          >
            <option value="">{t('private.watch.main')}</option>
            {rooms.map((room) => (
              <option key={room.roomId} value={room.roomId}>
                {label(room)}
              </option>
            ))}
          </select>
        </>
      ) : null}
      <button
        type="button"
        className="tool-button"
        disabled={busy}
        onClick={async () => {
          const done = await post('reveal', {})
          if (!done) return
          onWatch(null)
          onState(done.json.state as SessionState, done.sentAt)
          setStatus(t('private.revealed', { count: Number(done.json.revealed ?? 0) }))
        }}
      >
        {t('private.reveal')}
      </button>
      {status ? (
        <span className="tool-status" role="status">
          {status}
        </span>
      ) : null}
    </div>
  )
}
