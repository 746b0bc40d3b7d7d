/**
 * For tests of the app's rules against the real room server: the collab server on a real HTTP
 * server with the app's authenticator (and, if asked, its room policy), over the process's
 * database, plus the facilitators and participants those tests make.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { WorkshopSession } from '../db/schema'
import { startSession } from '../app/auth/session.server'
import { createUser } from '../app/auth/users.server'
import { db } from '../app/db.server'
import type { CollabControl } from '../app/load-context'
import { createRoomPolicy } from '../app/rooms/policy.server'
import { presenceOf } from '../app/sessions/access.server'
import { joinSession } from '../app/sessions/commands.server'
import type { CollabIdentity } from '../app/sessions/identity'
import { appAuthenticator, collabControl } from './app-collab'
import { attachCollabServer, type CollabServer, type RoomPolicy } from './collab'
import { silentLogger } from './collab/test-support'

export interface AppRooms {
  collab: CollabServer<CollabIdentity>
  control: CollabControl
  /** the websocket base, `ws://127.0.0.1:<port>/collab` */
  url: string
  close(): Promise<void>
}

export async function startAppRooms(options: { policy: boolean }): Promise<AppRooms> {
  const server = http.createServer((_req, res) => res.writeHead(404).end())
  const collab = attachCollabServer<CollabIdentity>(server, {
    db: db(),
    authenticate: appAuthenticator(db(), process.env.SESSION_SECRET!),
    presence: presenceOf,
    ...(options.policy ? { policy: createRoomPolicy(db()) as unknown as RoomPolicy<CollabIdentity> } : {}),
    logger: silentLogger,
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    collab,
    control: collabControl(collab),
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/collab`,
    async close() {
      await collab.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** A facilitator account and the cookie of a login. */
export async function facilitatorLogin(email: string) {
  const user = await createUser(db(), { email, password: 'een lang wachtwoord', name: email.split('@')[0] })
  const cookie = (await startSession(db(), user.id)).split(';')[0]
  return { user, cookie }
}

/** A parent who joined the session from `address`: their participant id, subject and cookie. */
export async function joinedParent(session: WorkshopSession, address: string, displayName?: string) {
  const input = { joinCode: session.joinCode, role: 'ouder', ...(displayName ? { displayName } : {}) }
  const joined = await joinSession(db(), input, null, address)
  if (!joined.ok) throw new Error(`join refused: ${JSON.stringify(joined.errors)}`)
  const id = joined.value.participant.id
  return { id, subject: `p:${id}`, cookie: joined.setCookie!.split(';')[0] }
}
