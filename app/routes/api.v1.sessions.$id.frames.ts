import type { ActionFunctionArgs } from '@remix-run/node'
import { failed, jsonBody, methodNotAllowed } from '~/api/responses.server'
import { facilitatorForApi } from '~/api/session-access.server'
import { db } from '~/db.server'
import { placeTemplate } from '~/facilitation/facilitation.server'

/** `{template}` → 201 `{frameId}`: places a template as the current step's frame (facilitators). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed('POST')
  const facilitator = await facilitatorForApi(db(), request, params.id)
  if (facilitator instanceof Response) return facilitator
  const body = await jsonBody(request)
  if (body instanceof Response) return body
  const result = await placeTemplate(db(), context.collab, facilitator, body)
  return result.ok ? Response.json(result.value, { status: 201 }) : failed(result)
}

export const loader = () => methodNotAllowed('POST')
