import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { fromBrowser, interventionForApi, userForApi } from '~/api/intervention-access.server'
import { failed, jsonBody, methodNotAllowed } from '~/api/responses.server'
import { db } from '~/db.server'
import { versionSummaries } from '~/interventions/interventions.server'
import { saveVersion } from '~/interventions/versions.server'

/**
 * `{sessionId, frameId, reason, name?, content?, svg?, png?}` → 201 `{number}`. The server reads
 * the frame from the live room itself; `content` and the images are checked against it.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed('GET, POST')
  const user = await userForApi(db(), request)
  if (user instanceof Response) return user
  const body = await jsonBody(request)
  if (body instanceof Response) return body
  const result = await saveVersion(db(), context.collab, user, params.id ?? '', body, {
    fromBrowser: fromBrowser(request),
  })
  return result.ok ? Response.json(result.value, { status: 201 }) : failed(result)
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await interventionForApi(db(), request, params.id)
  if (found instanceof Response) return found
  return Response.json({ versions: versionSummaries(db(), found.intervention.id) })
}
