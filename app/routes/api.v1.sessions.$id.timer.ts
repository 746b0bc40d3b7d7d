import type { ActionFunctionArgs } from '@remix-run/node'
import { methodNotAllowed } from '~/api/responses.server'
import { stateAction } from '~/api/state-action.server'
import { db } from '~/db.server'
import { commandTimer } from '~/sessions/session-state.server'

/** `{action: start|pause|resume|addMinute|stop, minutes?}` (facilitators); 409 when it does not apply. */
export const action = (args: ActionFunctionArgs) =>
  stateAction(db(), args, ({ session, identity }, body) => commandTimer(db(), session, body, identity.subject))

export const loader = () => methodNotAllowed('POST')
