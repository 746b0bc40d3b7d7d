import type { LoaderFunctionArgs } from '@remix-run/node'
import { facilitatorForApi } from '~/api/session-access.server'
import { db } from '~/db.server'
import { peopleOverview } from '~/sessions/session-settings.server'

/**
 * Who takes part (facilitators only): `{participants: [{id, label, role, organisationType,
 * connected, removed, joinedAt}], perRole: [{role, connected, joined}], facilitatorsConnected}`.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const facilitator = await facilitatorForApi(db(), request, params.id)
  if (facilitator instanceof Response) return facilitator
  return Response.json(peopleOverview(db(), context.collab, facilitator.session))
}
