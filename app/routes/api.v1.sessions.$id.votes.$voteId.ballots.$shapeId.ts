import type { ActionFunctionArgs } from '@remix-run/node'
import { methodNotAllowed } from '~/api/responses.server'
import { db } from '~/db.server'
import { voterAction } from '~/votes/vote-api.server'
import { takeBackBallot } from '~/votes/votes.server'

/** Takes back one of the voter's dots on the note (404 if they have none there). */
export const action = (args: ActionFunctionArgs) =>
  voterAction(db(), args, 'DELETE', ({ session, identity }) =>
    takeBackBallot(db(), args.context.collab, session, args.params.voteId, identity.subject, args.params.shapeId),
  )

export const loader = () => methodNotAllowed('DELETE')
