/** What the voting API answers, shared by the server (votes.server.ts) and the browser (use-vote.ts). */

export interface RankedResult {
  shapeId: string
  count: number
}

export interface VoteSummary {
  id: string
  frameId: string | null
  votesPerPerson: number
  startedAt: string
  endedAt: string | null
}

/** What `GET /api/v1/sessions/:id/votes/:voteId` answers one person. */
export interface VoteView {
  vote: VoteSummary
  /** this person's own dots, per note; nobody else's are ever shown while it runs */
  myBallots: RankedResult[]
  votesLeft: number
  /** the notes one can vote on, in reading order (for the phone's large tappable list) */
  notes: { shapeId: string; text: string }[]
  /** after the end: ranked, highest first */
  results: RankedResult[] | null
}
