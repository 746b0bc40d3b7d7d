import { useEffect, useRef, useState } from 'react'
import type { SessionState } from './session-state'

export type LiveConnection = 'connecting' | 'live' | 'reconnecting'

/** No event (state or heartbeat ping, every 15 s) for this long: the stream is dead, open a new one. */
const SILENCE_MS = 40_000

/**
 * The session's shared state in the browser, kept current by its live channel (server-sent
 * events). `offsetMs` is the server's clock minus this browser's, measured on every event, so the
 * timer is rendered from the server's `endsAt` and every screen shows the same second.
 */
export function useLiveSessionState(
  sessionId: string,
  initial: SessionState,
  options: {
    /** A facilitator's "Iedereen naar mij": the presence id whose viewport to follow. */
    onSummon?: (presenceId: string) => void
  } = {},
) {
  const [state, setState] = useState(initial)
  // Read when an event arrives, so a new callback does not reopen the stream.
  const onSummon = useRef(options.onSummon)
  onSummon.current = options.onSummon
  // The loader's state may be seconds old by the time the page runs: the offset is taken from
  // the live channel's first event, not from it.
  const [offsetMs, setOffsetMs] = useState(0)
  const [connection, setConnection] = useState<LiveConnection>('connecting')
  const [removed, setRemoved] = useState(false)
  const lastEvent = useRef(0)
  /**
   * Each event's serverNow minus its arrival is the offset less that event's travel time, so the
   * largest sample is the closest (as NTP keeps the sample with the least delay). Reset when a new
   * stream opens, in case this computer's clock was changed meanwhile.
   */
  const best = useRef(-Infinity)
  const sample = (offset: number) => {
    best.current = Math.max(best.current, offset)
    setOffsetMs(best.current)
  }

  useEffect(() => {
    let source: EventSource | null = null
    let stopped = false
    const heard = (serverNow: string) => {
      lastEvent.current = Date.now()
      sample(Date.parse(serverNow) - Date.now())
      setConnection('live')
    }
    const open = () => {
      source?.close()
      best.current = -Infinity
      source = new EventSource(`/api/v1/sessions/${encodeURIComponent(sessionId)}/events`)
      lastEvent.current = Date.now()
      source.addEventListener('state', (event) => {
        const next = JSON.parse((event as MessageEvent<string>).data) as SessionState
        heard(next.serverNow)
        setState(next)
      })
      source.addEventListener('ping', (event) => {
        heard((JSON.parse((event as MessageEvent<string>).data) as { serverNow: string }).serverNow)
      })
      source.addEventListener('summon', (event) => {
        const { presenceId } = JSON.parse((event as MessageEvent<string>).data) as { presenceId?: unknown }
        if (typeof presenceId === 'string') onSummon.current?.(presenceId)
      })
      source.addEventListener('removed', () => {
        stopped = true
        source?.close()
        setRemoved(true)
      })
      // EventSource retries by itself after an error; until it hears again, say so.
      source.onerror = () => {
        if (!stopped) setConnection('reconnecting')
      }
    }
    open()
    // The browser knows at once when the network is gone; an open stream may take minutes to notice.
    const offline = () => {
      source?.close()
      if (!stopped) setConnection('reconnecting')
    }
    const online = () => {
      if (!stopped) open()
    }
    window.addEventListener('offline', offline)
    window.addEventListener('online', online)
    const watchdog = setInterval(() => {
      if (stopped) return
      // A refused stream (403 after removal, 404 after deletion) is not retried by the browser.
      if (source?.readyState === EventSource.CLOSED || Date.now() - lastEvent.current > SILENCE_MS) open()
    }, 5_000)
    return () => {
      stopped = true
      clearInterval(watchdog)
      window.removeEventListener('offline', offline)
      window.removeEventListener('online', online)
      source?.close()
    }
  }, [sessionId])

  return {
    state,
    offsetMs,
    connection,
    removed,
    /**
     * A command's answer is the new state: show it at once, the live channel confirms it. The
     * server's clock read falls between sending and receiving, so the midpoint estimates it best.
     */
    applyState: (next: SessionState, sentAt: number) => {
      sample(Date.parse(next.serverNow) - (sentAt + Date.now()) / 2)
      setState(next)
    },
  }
}
