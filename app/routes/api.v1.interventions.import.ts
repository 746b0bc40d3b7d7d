import type { ActionFunctionArgs } from '@remix-run/node'
import { userForApi } from '~/api/intervention-access.server'
import { failed, jsonBody, methodNotAllowed } from '~/api/responses.server'
import { db } from '~/db.server'
import { importIntervention } from '~/interventions/transfer.server'

/** An export of `GET /api/v1/interventions/:id/export` → 201 `{id}`: a new intervention owned by the caller. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed('POST')
  const user = await userForApi(db(), request)
  if (user instanceof Response) return user
  const body = await jsonBody(request)
  if (body instanceof Response) return body
  const result = importIntervention(db(), user, body)
  return result.ok ? Response.json(result.value, { status: 201 }) : failed(result)
}

export const loader = () => methodNotAllowed('POST')
