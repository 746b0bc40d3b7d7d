import type { ActionFunctionArgs } from '@remix-run/node'
import { methodNotAllowed } from '~/api/responses.server'
import { stateAction } from '~/api/state-action.server'
import { db } from '~/db.server'
import { setPhase } from '~/sessions/session-state.server'

/** `{phase}`: moves the session to a step (facilitators). Answers the new state. */
export const action = (args: ActionFunctionArgs) =>
  stateAction(db(), args, ({ session, identity }, body) => setPhase(db(), session, body, identity.subject))

export const loader = () => methodNotAllowed('POST')
