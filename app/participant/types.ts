import type { SessionPhase } from '../../db/phases'

/** One of a person's own ideas, as the contributions API lists it (contributions.server.ts). */
export interface OwnContribution {
  shapeId: string
  /** the idea as written, without the role label the server puts on the note's first line */
  text: string
  phase: SessionPhase
  /** still in the writer's private room (private mode, not revealed yet) */
  private: boolean
  createdAt: string
}
