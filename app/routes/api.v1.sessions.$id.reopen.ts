import type { ActionFunctionArgs } from '@remix-run/node'
import { methodNotAllowed } from '~/api/responses.server'
import { stateAction } from '~/api/state-action.server'
import { db } from '~/db.server'
import { reopenSession } from '~/sessions/session-state.server'

/** Reopens a closed session: its code works again and participants may edit (facilitators). */
export const action = (args: ActionFunctionArgs) =>
  stateAction(db(), args, ({ session, identity }) =>
    reopenSession(db(), args.context.collab, session, identity.subject),
  )

export const loader = () => methodNotAllowed('POST')
