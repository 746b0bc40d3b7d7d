/**
 * For tests that call the app's API route modules over a real HTTP server without the whole
 * Remix build: a request handler that matches a path to a route and calls its loader (GET) or
 * action, with the collab control the test gives. Path groups become params `id` and `voteId`,
 * or the names a route lists after it.
 */
import type http from 'node:http'
import { clientAddress as clientAddressOf, limitKey, TrustedProxies } from './client-address'
import type { TestServer } from './collab/test-support'

export type Route = { action?: (args: never) => unknown; loader?: (args: never) => unknown }

/** The collab control routes get as context.collab, over a test's room server. */
export const testCollabControl = (rooms: TestServer) => ({
  deleteRoom: () => {},
  endLogin: () => {},
  connectedSubjects: () => [],
  closeSubject: () => 0,
  history: rooms.collab.history,
  transact: rooms.collab.transact,
})

// As behind a proxy at 127.0.0.1: tests choose a client's address with X-Forwarded-For.
const testProxy = new TrustedProxies(['127.0.0.1'])

/**
 * Also as the production server does: the client's address from the real client-address code
 * (tests set X-Forwarded-For), every header of the answer, a server-sent event stream passed on
 * as it comes, and the request aborted when its connection closes before the answer is done
 * (what @remix-run/express does, and what ends a live channel).
 */
export function routeHandler(
  routes: ([RegExp, Route] | [RegExp, Route, string[]])[],
  base: () => string,
  collab: () => unknown,
) {
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', base())
      const match = routes
        .map(([re, route, names]) => [re.exec(url.pathname), route, names ?? ['id', 'voteId']] as const)
        .find(([m]) => m)
      if (!match) return res.writeHead(404).end()
      const [m, route, names] = match
      const params = Object.fromEntries(names.map((name, i) => [name, m![i + 1] && decodeURIComponent(m![i + 1])]))
      const abort = new AbortController()
      res.on('close', () => {
        if (!res.writableFinished) abort.abort()
      })
      const request = new Request(url, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: req.method === 'GET' || req.method === 'DELETE' ? undefined : Buffer.concat(chunks),
        signal: abort.signal,
      })
      const handler = req.method === 'GET' ? route.loader : route.action
      const clientAddress = limitKey(
        clientAddressOf(req.headers['x-forwarded-for'], req.socket.remoteAddress, testProxy),
      )
      const response = (await handler!({
        request,
        params,
        context: { collab: collab(), clientAddress },
      } as never)) as Response
      res.writeHead(response.status, Object.fromEntries(response.headers))
      if (!response.headers.get('Content-Type')?.startsWith('text/event-stream') || !response.body) {
        return res.end(Buffer.from(await response.arrayBuffer()))
      }
      res.flushHeaders()
      const reader = response.body.getReader()
      for (;;) {
        const { value, done } = await reader.read()
        if (done || res.destroyed) break
        res.write(value)
      }
      res.end()
    })
  }
}
