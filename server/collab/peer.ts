/**
 * Who is on the other end of a connection, in the collaboration core's own terms. The app's
 * identity (its roles, names, accounts) extends this and travels through the core as the type
 * parameter `P`, so the app's hooks (policy, presence) get it back as the app made it, the way
 * tldraw's sync-core carries its `SessionMeta`. The core itself reads only these fields.
 */
export interface CollabPeer {
  /** Who it is, stable per person or device; used in logs, never shown to others. */
  subject: string
  /** `read` connections (a projector) never have their updates applied. */
  mode: 'edit' | 'read'
  /**
   * How others' browsers tell this peer apart in presence: a pseudonym, so the account behind
   * it is never broadcast and cannot be claimed by someone else.
   */
  presenceId: string
}

/** The answer to "may this request open this room?", decided before the websocket exists. */
export type AccessResult<P extends CollabPeer = CollabPeer> =
  { ok: true; identity: P } | { ok: false; status: 401 | 403; reason: string }
