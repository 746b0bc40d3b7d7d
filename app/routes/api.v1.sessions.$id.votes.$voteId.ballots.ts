import type { ActionFunctionArgs } from '@remix-run/node'
import { methodNotAllowed } from '~/api/responses.server'
import { db } from '~/db.server'
import { voterAction } from '~/votes/vote-api.server'
import { castBallot } from '~/votes/votes.server'

/**
 * `{shapeId}` → 201 with the voter's own view: one dot on a note. 409 when the person has no
 * votes left or the vote ended; 400 when the shape is not a note in the vote's frame.
 */
export const action = (args: ActionFunctionArgs) =>
  voterAction(
    db(),
    args,
    'POST',
    ({ session, identity }, body) =>
      castBallot(db(), args.context.collab, session, args.params.voteId, identity.subject, body),
    201,
  )

export const loader = () => methodNotAllowed('POST')
