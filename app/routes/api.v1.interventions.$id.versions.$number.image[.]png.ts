import type { LoaderFunctionArgs } from '@remix-run/node'
import { interventionForApi } from '~/api/intervention-access.server'
import { errorJson } from '~/api/responses.server'
import { db } from '~/db.server'
import { imageHeaders } from '~/interventions/image-response.server'
import { parseVersionNumber, versionImage } from '~/interventions/versions.server'

/** A version's PNG as the browser rendered it when it was saved (checked then), for whoever may read the intervention. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await interventionForApi(db(), request, params.id)
  if (found instanceof Response) return found
  const image = versionImage(db(), found.intervention.id, parseVersionNumber(params.number) ?? 0, 'png')
  if (image === undefined) return errorJson(404, { _form: 'interventions.error.noImage' })
  return new Response(image, { headers: imageHeaders('png') })
}
