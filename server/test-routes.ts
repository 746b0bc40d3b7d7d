/**
 * For tests that call the app's API route modules over a real HTTP server without the whole
 * Remix build: a request handler that matches a path to a route and calls its loader (GET) or
 * action, with the collab control the test gives. Path groups become params `id` and `voteId`,
 * or the names a route lists after it.
 */
import type http from 'node:http'
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
      const request = new Request(url, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: req.method === 'GET' || req.method === 'DELETE' ? undefined : Buffer.concat(chunks),
      })
      const handler = req.method === 'GET' ? route.loader : route.action
      const response = (await handler!({
        request,
        params,
        context: { collab: collab(), clientAddress: '127.0.0.1' },
      } as never)) as Response
      res.writeHead(response.status, { 'Content-Type': 'application/json' }).end(await response.text())
    })
  }
}
