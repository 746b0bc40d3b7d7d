import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { interventionForApi, userForApi } from '~/api/intervention-access.server'
import { failed, jsonBody, methodNotAllowed } from '~/api/responses.server'
import { db } from '~/db.server'
import { interventionView, updateIntervention } from '~/interventions/interventions.server'

/** The intervention with its `targets` (each with its `status`), `versions`, `measurements`, `statusHistory`, `comments`. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await interventionForApi(db(), request, params.id)
  if (found instanceof Response) return found
  return Response.json(interventionView(db(), found.intervention, found.access === 'edit'))
}

/** `PATCH` with any of the fields of `POST /api/v1/interventions` (team only). */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'PATCH') return methodNotAllowed('GET, PATCH')
  const user = await userForApi(db(), request)
  if (user instanceof Response) return user
  const body = await jsonBody(request)
  if (body instanceof Response) return body
  const result = await updateIntervention(db(), user, params.id ?? '', body)
  if (!result.ok) return failed(result)
  const found = await interventionForApi(db(), request, params.id)
  return found instanceof Response ? found : Response.json(interventionView(db(), found.intervention, true))
}
