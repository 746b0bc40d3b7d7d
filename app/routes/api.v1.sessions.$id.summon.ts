import type { ActionFunctionArgs } from '@remix-run/node'
import { jsonBody, methodNotAllowed } from '~/api/responses.server'
import { facilitatorForApi } from '~/api/session-access.server'
import { summonEveryone } from '~/attention/summon.server'
import { db } from '~/db.server'

/** `{}`: everyone's canvas follows this facilitator's viewport (facilitators). Answers `{presenceId}`. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed('POST')
  const facilitator = await facilitatorForApi(db(), request, params.id)
  if (facilitator instanceof Response) return facilitator
  const body = await jsonBody(request)
  if (body instanceof Response) return body
  return Response.json(summonEveryone(facilitator.session, facilitator.identity))
}

export const loader = () => methodNotAllowed('POST')
