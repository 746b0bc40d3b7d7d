import type { ActionFunctionArgs } from '@remix-run/node'
import { userForApi } from '~/api/intervention-access.server'
import { failed, jsonBody, methodNotAllowed } from '~/api/responses.server'
import { db } from '~/db.server'
import { parseVersionNumber, restoreVersion } from '~/interventions/versions.server'

/** `{sessionId}` → 201 `{frameId}`: the version placed back on that werksessie's canvas as a new frame. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed('POST')
  const user = await userForApi(db(), request)
  if (user instanceof Response) return user
  const body = await jsonBody(request)
  if (body instanceof Response) return body
  const result = await restoreVersion(
    db(),
    context.collab,
    user,
    params.id ?? '',
    parseVersionNumber(params.number) ?? 0,
    body,
  )
  return result.ok ? Response.json(result.value, { status: 201 }) : failed(result)
}

export const loader = () => methodNotAllowed('POST')
