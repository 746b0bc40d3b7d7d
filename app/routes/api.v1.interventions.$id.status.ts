import type { ActionFunctionArgs } from '@remix-run/node'
import { userForApi } from '~/api/intervention-access.server'
import { failed, jsonBody, methodNotAllowed } from '~/api/responses.server'
import { db } from '~/db.server'
import { changeStatus } from '~/interventions/interventions.server'

/** `{status, reason}` → 201 `{status}`: a status change, kept with who, when and why. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed('POST')
  const user = await userForApi(db(), request)
  if (user instanceof Response) return user
  const body = await jsonBody(request)
  if (body instanceof Response) return body
  const result = changeStatus(db(), user, params.id ?? '', body)
  return result.ok ? Response.json(result.value, { status: 201 }) : failed(result)
}

export const loader = () => methodNotAllowed('POST')
