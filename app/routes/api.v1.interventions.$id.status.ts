import { methodNotAllowed } from '~/api/responses.server'
import { teamCommand } from '~/api/intervention-access.server'
import { db } from '~/db.server'
import { changeStatus } from '~/interventions/interventions.server'

/** `{status, reason}` → 201 `{status}`: a status change, kept with who, when and why. */
export const action = teamCommand((user, { params }, body) => changeStatus(db(), user, params.id ?? '', body))

export const loader = () => methodNotAllowed('POST')
