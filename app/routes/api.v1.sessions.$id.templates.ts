import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { failed, jsonBody, methodNotAllowed } from '~/api/responses.server'
import { facilitatorForApi } from '~/api/session-access.server'
import { db } from '~/db.server'
import { saveTemplate, savedTemplates } from '~/facilitation/facilitation.server'
import { templatesOfPhase } from '~/facilitation/templates'

/** The template picker's list (facilitators): the current step's built-in templates and the facilitator's saved ones. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const facilitator = await facilitatorForApi(db(), request, params.id)
  if (facilitator instanceof Response) return facilitator
  const { phase } = facilitator.session
  return Response.json(
    {
      phase,
      builtIn: templatesOfPhase(phase).map(({ id }) => ({ id, phase })),
      saved: savedTemplates(db(), facilitator.user),
    },
    { headers: { 'Cache-Control': 'no-store' } },
  )
}

/** `{frameId, name}` → 201 `{templateId, name, phase}`: keeps a frame of the canvas as a template. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed('GET, POST')
  const facilitator = await facilitatorForApi(db(), request, params.id)
  if (facilitator instanceof Response) return facilitator
  const body = await jsonBody(request)
  if (body instanceof Response) return body
  const result = await saveTemplate(db(), context.collab, facilitator, body)
  return result.ok ? Response.json(result.value, { status: 201 }) : failed(result)
}
