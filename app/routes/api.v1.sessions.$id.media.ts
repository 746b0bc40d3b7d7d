import type { ActionFunctionArgs } from '@remix-run/node'
import { methodNotAllowed } from '~/api/responses.server'
import { stateAction } from '~/api/state-action.server'
import { db } from '~/db.server'
import { setMediaAllowed } from '~/photos/media.server'

/**
 * `{allowed}`: participants may add photos, or not (facilitators). Answers the new state; photos
 * already on the canvas stay when it goes off.
 */
export const action = (args: ActionFunctionArgs) =>
  stateAction(db(), args, ({ session, identity }, body) => setMediaAllowed(db(), session, body, identity.subject))

export const loader = () => methodNotAllowed('POST')
