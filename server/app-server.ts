import { createRequestHandler } from '@remix-run/express'
import type { AppLoadContext, ServerBuild } from '@remix-run/node'
import '../app/load-context'
import compression from 'compression'
import express from 'express'
import http from 'node:http'
import path from 'node:path'
import { db } from '../app/db.server'
import type { Env } from '../app/env.server'
import { t } from '../app/i18n'
import { createRoomPolicy } from '../app/rooms/policy.server'
import { presenceOf } from '../app/sessions/access.server'
import type { CollabIdentity } from '../app/sessions/identity'
import { importBundledData } from '../app/wijken/import/import.server'
import { finishPendingBesideRooms } from '../app/wijken/import/run-import.server'
import { appAuthenticator, collabControl } from './app-collab'
import { attachCollabServer } from './collab'
import { serverBuildFile } from './build'
import { bodyLimits } from './body-limits'
import { keepIdleConnections } from './keep-alive'
import { clientAddress, limitKey, TrustedProxies } from './client-address'
import { sameOrigin } from './same-origin'
import { securityHeaders } from './security-headers'
import { startBackgroundCheckpoints } from '../db/checkpoints'

export interface AppServer {
  server: http.Server
  url: string
  close(): Promise<void>
}

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')

/**
 * One Node server: the Remix app (production build, or Vite middleware in dev) and the
 * collaboration websocket on the same port.
 */
export async function startAppServer(env: Env, options: { dev: boolean }): Promise<AppServer> {
  const database = db() // opens the database and applies migrations before anything is served
  // Checkpoints off the event loop: SQLite's own would stall every room for their fsyncs.
  const checkpoints = startBackgroundCheckpoints(database, env.DATABASE_PATH)
  // The bundled CBS figures are imported once, on the first start (a no-op afterwards).
  const bundled = importBundledData(database)
  if (bundled.imported.length) console.log(`CBS-gegevens geïmporteerd: ${bundled.imported.length} bestanden`)
  // Rows that an import or removal killed half-way left behind (no reader sees them) are deleted
  // in a worker, in short transactions, while the server runs (ADR 013).
  const cleanup = finishPendingBesideRooms(database)
  const proxies = new TrustedProxies(env.TRUST_PROXY)
  const app = express()
  app.disable('x-powered-by')
  app.use(compression())
  app.use(securityHeaders())
  app.use((req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next()
    // Forms and the API change things only when asked from this site (SameSite=Lax is the
    // first line; this is the second, and it covers logins and joins without a cookie).
    if (!sameOrigin(req.headers.origin, req.headers.host)) {
      res.status(403).json({ message: t('nl', 'error.api.crossSite') })
      return
    }
    next()
  })
  // Before anything reads a body: every route has a size limit (the API, forms, the CBS upload).
  app.use(bodyLimits())
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true })
  })

  let build: ServerBuild | (() => Promise<ServerBuild>)
  let closeVite = async () => {}
  if (options.dev) {
    const vite = await import('vite')
    const devServer = await vite.createServer({ root, server: { middlewareMode: true } })
    app.use(devServer.middlewares)
    build = () => devServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>
    closeVite = () => devServer.close()
  } else {
    app.use('/assets', express.static(path.join(root, 'build/client/assets'), { immutable: true, maxAge: '1y' }))
    app.use(express.static(path.join(root, 'build/client'), { maxAge: '1h' }))
    build = (await import(serverBuildFile)) as ServerBuild
  }
  const server = http.createServer(app)
  keepIdleConnections(server)
  // The collab core knows peers, not our users and participants: the app's identity is its
  // peer type, and the app answers who someone is, what others see of them and what a token says.
  const collab = attachCollabServer<CollabIdentity>(server, {
    db: database,
    maxPayload: env.COLLAB_MAX_MESSAGE_BYTES,
    maxConnectionsPerRoom: env.COLLAB_MAX_CONNECTIONS_PER_ROOM,
    rateLimit: { perSecond: env.COLLAB_MESSAGES_PER_SECOND, burst: env.COLLAB_MESSAGE_BURST },
    history: { intervalMs: env.COLLAB_HISTORY_INTERVAL_MS },
    budgets: {
      connectionsPerIdentity: env.COLLAB_MAX_CONNECTIONS_PER_PERSON,
      bytesPerIdentity: env.COLLAB_MAX_MB_PER_PERSON * 1024 * 1024,
      roomBytes: env.COLLAB_MAX_ROOM_MB * 1024 * 1024,
    },
    authenticate: appAuthenticator(database, env.SESSION_SECRET),
    presence: presenceOf,
    // One policy, dispatching on the room's kind (app/rooms/policy.server.ts).
    policy: createRoomPolicy(database),
  })

  const control = collabControl(collab)
  app.all(
    '*',
    createRequestHandler({
      build,
      mode: options.dev ? 'development' : 'production',
      getLoadContext: (req): AppLoadContext => ({
        collab: control,
        clientAddress: limitKey(clientAddress(req.headers['x-forwarded-for'], req.socket.remoteAddress, proxies)),
      }),
    }),
  )

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(env.PORT, env.HOST, () => resolve())
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : env.PORT
  return {
    server,
    url: `http://localhost:${port}`,
    async close() {
      cleanup.stop()
      await cleanup.done
      await collab.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await closeVite()
      await checkpoints.stop()
    },
  }
}
