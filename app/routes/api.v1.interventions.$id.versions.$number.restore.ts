import { methodNotAllowed } from '~/api/responses.server'
import { teamCommand } from '~/api/intervention-access.server'
import { db } from '~/db.server'
import { parseVersionNumber, restoreVersion } from '~/interventions/versions.server'

/** `{sessionId}` → 201 `{frameId}`: the version placed back on that werksessie's canvas as a new frame. */
export const action = teamCommand((user, { params, context }, body) =>
  restoreVersion(db(), context.collab, user, params.id ?? '', parseVersionNumber(params.number) ?? 0, body),
)

export const loader = () => methodNotAllowed('POST')
