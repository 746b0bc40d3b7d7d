import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { interventionForApi, userForApi } from '~/api/intervention-access.server'
import { failed, jsonBody, methodNotAllowed } from '~/api/responses.server'
import { db } from '~/db.server'
import { interventionView, updateIntervention } from '~/interventions/interventions.server'
import { offeredMeasurements } from '~/interventions/targets.server'

/**
 * The intervention with its `targets` (each with its `status`), `versions`, `measurements`,
 * `statusHistory`, `comments`, and for the team `offeredMeasurements`.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await interventionForApi(db(), request, params.id)
  if (found instanceof Response) return found
  const view = interventionView(db(), found.intervention, found.access === 'edit')
  // For the team: newer CBS figures of the same cells as a data baseline, to add as measurements.
  return Response.json({ ...view, offeredMeasurements: view.canEdit ? offeredMeasurements(db(), view) : [] })
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
