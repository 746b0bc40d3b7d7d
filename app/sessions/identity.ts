import type { Role } from '../../db/roles'

/**
 * Who is on the other end of a collaboration connection, as the server established it. It is
 * the collaboration server's peer type (server/app-server.ts): the core reads `subject`,
 * `mode` and `presenceId` (its own CollabPeer), and hands the whole identity to the app's hooks
 * (presenceOf, a room policy).
 */
export interface CollabIdentity {
  /** `u:<userId>` for a facilitator, `p:<participantId>` for a participant (whatever the credential). */
  subject: string
  role: Role
  /** What others see: the chosen name, or an anonymous label such as "Ouder 3". */
  name: string
  /** `read` connections (a projector) never have their updates applied. */
  mode: 'edit' | 'read'
  /**
   * How others' browsers tell this person apart in presence: a pseudonym per room, so the
   * account or participant id itself is never broadcast and cannot be claimed by someone else.
   */
  presenceId: string
  /**
   * A facilitator's login (the stored hash of its session id) the connection was opened with:
   * logging out closes the connections of that login, and its tokens stop working.
   */
  login?: string
}

export type AccessResult = { ok: true; identity: CollabIdentity } | { ok: false; status: 401 | 403; reason: string }
