import type { LoaderFunctionArgs } from '@remix-run/node'
import { interventionForApi } from '~/api/intervention-access.server'
import { errorJson } from '~/api/responses.server'
import { db } from '~/db.server'
import { exportIntervention } from '~/interventions/transfer.server'

/** The whole intervention as one JSON document, for `POST /api/v1/interventions/import` (team only). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await interventionForApi(db(), request, params.id)
  if (found instanceof Response) return found
  if (found.access !== 'edit') return errorJson(403, { _form: 'interventions.error.readOnly' })
  const doc = exportIntervention(db(), found.intervention)
  return Response.json(doc, {
    headers: { 'Content-Disposition': `attachment; filename="interventie-${found.intervention.id}.json"` },
  })
}
