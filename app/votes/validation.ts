import { z } from 'zod'

/** At most this many dots per person: more turns a choice into spreading dots everywhere. */
export const MAX_VOTES_PER_PERSON = 20

/** A tldraw shape id as the canvas makes them (`shape:` and a nanoid); anything else is refused. */
const shapeId = (error: string) => z.string({ error }).regex(/^shape:[A-Za-z0-9_-]{1,100}$/, { error })

/** `POST /api/v1/sessions/:id/votes`: no frameId (or null) is a vote on every note on the canvas. */
export const startVoteSchema = z.object({
  votesPerPerson: z
    .number({ error: 'v.vote.votesPerPerson' })
    .int({ error: 'v.vote.votesPerPerson' })
    .min(1, { error: 'v.vote.votesPerPerson' })
    .max(MAX_VOTES_PER_PERSON, { error: 'v.vote.votesPerPerson' }),
  frameId: shapeId('v.vote.frameId').nullable().optional(),
})

/** `POST /api/v1/sessions/:id/votes/:voteId/ballots` and the shape id of a take-back. */
export const ballotSchema = z.object({ shapeId: shapeId('v.vote.shapeId') })
