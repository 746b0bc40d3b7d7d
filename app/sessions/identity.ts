/** Who is on the other end of a collaboration connection, as the server established it. */
export interface CollabIdentity {
  /** `u:<userId>` for a facilitator, `p:<participantId>` for a participant. */
  subject: string
  role: 'facilitator' | 'ouder' | 'consultatiebureau' | 'professional'
  /** What others see: the chosen name, or an anonymous label such as "Ouder 3". */
  name: string
  /** `read` connections (a projector) never have their updates applied. */
  mode: 'edit' | 'read'
}

export type AccessResult =
  | { ok: true; identity: CollabIdentity }
  | { ok: false; status: 401 | 403; reason: string }
