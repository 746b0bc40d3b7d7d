import type { ActionFunctionArgs } from '@remix-run/node'
import { userForApi } from '~/api/intervention-access.server'
import { failed, jsonBody, methodNotAllowed } from '~/api/responses.server'
import { db } from '~/db.server'
import { judgeTarget } from '~/interventions/targets.server'

/** `{judgement, note?}` → 201: the team's own reading of a target, beside the computed status. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed('POST')
  const user = await userForApi(db(), request)
  if (user instanceof Response) return user
  const body = await jsonBody(request)
  if (body instanceof Response) return body
  const result = judgeTarget(db(), user, params.id ?? '', params.targetId ?? '', body)
  return result.ok ? Response.json(result.value, { status: 201 }) : failed(result)
}

export const loader = () => methodNotAllowed('POST')
