import { methodNotAllowed } from '~/api/responses.server'
import { teamCommand } from '~/api/intervention-access.server'
import { db } from '~/db.server'
import { importIntervention } from '~/interventions/transfer.server'

/** An export of `GET /api/v1/interventions/:id/export` → 201 `{id}`: a new intervention owned by the caller. */
export const action = teamCommand((user, _args, body) => importIntervention(db(), user, body))

export const loader = () => methodNotAllowed('POST')
