import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { failed, jsonBody, methodNotAllowed } from '~/api/responses.server'
import { facilitatorForApi } from '~/api/session-access.server'
import { db } from '~/db.server'
import { privateRoomsToWatch, setPrivateMode } from '~/facilitation/private-mode.server'

/**
 * `POST {on, facilitatorSees?}` (facilitators): private writing on, who may look, or off, which
 * reveals every private note (as `POST .../reveal`). Answers the session state.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed('POST')
  const facilitator = await facilitatorForApi(db(), request, params.id)
  if (facilitator instanceof Response) return facilitator
  const body = await jsonBody(request)
  if (body instanceof Response) return body
  const result = await setPrivateMode(db(), context.collab, facilitator.session, body, facilitator.identity.subject)
  return result.ok ? Response.json(result.value) : failed(result)
}

/**
 * `GET` (facilitators): `{privateMode, facilitatorSees, rooms: [{roomId, role, number,
 * displayName}]}`, the private rooms they may look at (none unless the session lets them).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const facilitator = await facilitatorForApi(db(), request, params.id)
  if (facilitator instanceof Response) return facilitator
  const { session } = facilitator
  return Response.json(
    {
      privateMode: session.privateMode,
      facilitatorSees: session.privateFacilitatorSees,
      rooms: privateRoomsToWatch(db(), session),
    },
    { headers: { 'Cache-Control': 'no-store' } },
  )
}
