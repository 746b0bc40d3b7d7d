import type { LoaderFunctionArgs } from '@remix-run/node'
import { interventionForApi } from '~/api/intervention-access.server'
import { errorJson } from '~/api/responses.server'
import { db } from '~/db.server'
import { compareVersions, parseVersionNumber } from '~/interventions/versions.server'

/** `?from=N&to=M` → `{added, removed, changed: [{shapeId, textBefore, textAfter}], targets}`. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await interventionForApi(db(), request, params.id)
  if (found instanceof Response) return found
  const url = new URL(request.url)
  const from = parseVersionNumber(url.searchParams.get('from'))
  const to = parseVersionNumber(url.searchParams.get('to'))
  if (from === null || to === null)
    return errorJson(400, {
      ...(from === null ? { from: 'interventions.error.versionNumber' } : {}),
      ...(to === null ? { to: 'interventions.error.versionNumber' } : {}),
    })
  const diff = compareVersions(db(), found.intervention.id, from, to)
  return diff ? Response.json(diff) : errorJson(404, { _form: 'interventions.error.noVersion' })
}
