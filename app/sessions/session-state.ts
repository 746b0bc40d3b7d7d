import type { SessionPhase } from '../../db/phases'
import type { TimerView } from './timer'

/**
 * The shared state of a werksessie, made once on the server (session-state.server.ts) for every
 * screen (canvas, projector, phone) and for `GET /api/v1/sessions/:id/state`. `serverNow` lets
 * each browser correct its clock, so the timer shows the same second everywhere.
 */
export interface SessionState {
  phase: SessionPhase
  timer: TimerView
  /** the running dot vote, or null (votes are started and ended by the voting routes) */
  vote: {
    id: string
    frameId: string | null
    votesPerPerson: number
    startedAt: string
    /** dots placed so far by everyone together (never whose or where: ballots stay anonymous) */
    ballots: number
  } | null
  privateMode: boolean
  /** in private mode: whether facilitators see everyone's private notes */
  privateFacilitatorSees: boolean
  locked: { all: boolean; frames: string[] }
  /** participants may add photos (the facilitator's switch, POST .../media); photos already placed stay when it goes off */
  mediaAllowed: boolean
  /** closed: the join code does not work and participants can only look */
  closed: boolean
  serverNow: string
}
