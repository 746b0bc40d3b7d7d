import type { ActionFunctionArgs } from '@remix-run/node'
import { methodNotAllowed } from '~/api/responses.server'
import { stateAction } from '~/api/state-action.server'
import { db } from '~/db.server'
import { closeSession } from '~/sessions/session-state.server'

/** Closes the session: its code answers 410, participants can only look (facilitators). */
export const action = (args: ActionFunctionArgs) =>
  stateAction(db(), args, ({ session, identity }) => closeSession(db(), args.context.collab, session, identity.subject))

export const loader = () => methodNotAllowed('POST')
