import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { userForApi } from '~/api/intervention-access.server'
import { errorJson, failed, jsonBody, methodNotAllowed } from '~/api/responses.server'
import { db } from '~/db.server'
import { interventionViewer } from '~/interventions/access.server'
import { createIntervention, listInterventions } from '~/interventions/interventions.server'

/** `POST {title, question, wijkCodes, place?, targetGroup?, sessionId?, frameId?, riskFactors?, reference?}` → 201 `{id}`. */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed('GET, POST')
  const user = await userForApi(db(), request)
  if (user instanceof Response) return user
  const body = await jsonBody(request)
  if (body instanceof Response) return body
  const result = await createIntervention(db(), context.collab, user, body)
  return result.ok ? Response.json(result.value, { status: 201 }) : failed(result)
}

/** The interventions the caller may see: their team's, and those of werksessies they are in. */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await interventionViewer(db(), request)
  if (!viewer.user && viewer.participantSessionIds.length === 0)
    return errorJson(401, { _form: 'error.api.joinOrLogin' })
  return Response.json({ interventions: listInterventions(db(), viewer) })
}
