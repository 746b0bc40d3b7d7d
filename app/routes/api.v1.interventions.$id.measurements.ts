import type { ActionFunctionArgs } from '@remix-run/node'
import { userForApi } from '~/api/intervention-access.server'
import { failed, jsonBody, methodNotAllowed } from '~/api/responses.server'
import { db } from '~/db.server'
import { addMeasurement } from '~/interventions/targets.server'

/** `{targetId, value, date, period?, source, provisional?}` → 201 `{id}`. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed('POST')
  const user = await userForApi(db(), request)
  if (user instanceof Response) return user
  const body = await jsonBody(request)
  if (body instanceof Response) return body
  const result = addMeasurement(db(), user, params.id ?? '', body)
  return result.ok ? Response.json(result.value, { status: 201 }) : failed(result)
}

export const loader = () => methodNotAllowed('POST')
