import type { LoaderFunctionArgs } from '@remix-run/node'
import { viewerForApi } from '~/api/session-access.server'
import { db } from '~/db.server'
import { sessionBus } from '~/sessions/session-bus.server'
import type { SessionState } from '~/sessions/session-state'
import { sessionState } from '~/sessions/session-state.server'

/** Often enough that proxies keep the stream open and a browser notices a dead one (live-state.ts). */
export const HEARTBEAT_MS = 15_000

/**
 * The session's live channel (server-sent events) for its facilitators and participants: the
 * state at once and whenever it changes (`event: state`), a `ping` with the server's clock as
 * heartbeat, `summon` when a facilitator asks everyone to follow her viewport, and `removed` when a
 * facilitator removed this participant (the stream then ends).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await viewerForApi(db(), request, params.id)
  if (viewer instanceof Response) return viewer
  const { session, identity } = viewer
  const encoder = new TextEncoder()
  let end = () => {}
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let ended = false
      const send = (event: string, data: unknown) => {
        if (ended) return
        try {
          controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`))
        } catch {
          end()
        }
      }
      const unsubscribe = sessionBus().subscribe(session.id, (message) => {
        if (message.type === 'state') return send('state', message.state satisfies SessionState)
        // Only a presence pseudonym of the main room: the same one everyone's canvas already shows.
        if (message.type === 'summon') return send('summon', { presenceId: message.presenceId })
        if (message.subject !== identity.subject) return
        send('removed', {})
        end()
        controller.close()
      })
      const heartbeat = setInterval(() => send('ping', { serverNow: new Date().toISOString() }), HEARTBEAT_MS)
      // Who is connected now (the settings page) counts this stream until it ends.
      const release = sessionBus().openStream(session.id, identity.subject)
      end = () => {
        if (ended) return
        ended = true
        clearInterval(heartbeat)
        unsubscribe()
        release()
      }
      // The HTTP layer aborts the request when its connection closes: a closed tab or a reload at
      // once, a phone gone out of reach once the operating system gives up on the connection
      // (docs/decisions/012-joining-from-one-room.md). Aborted before the stream started: done.
      // Closing the stream also lets whoever reads it (the HTTP layer) stop waiting for more.
      const closed = () => {
        end()
        try {
          controller.close()
        } catch {
          // already closed or cancelled
        }
      }
      request.signal.addEventListener('abort', closed)
      if (request.signal.aborted) return closed()
      // How long a browser waits before it reconnects by itself.
      controller.enqueue(encoder.encode('retry: 2000\n\n'))
      send('state', sessionState(db(), session))
    },
    cancel() {
      end()
    },
  })
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // no-transform: the compression middleware would otherwise hold events back in its buffer.
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
    },
  })
}
