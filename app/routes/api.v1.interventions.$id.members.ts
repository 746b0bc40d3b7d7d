import { methodNotAllowed } from '~/api/responses.server'
import { teamCommand } from '~/api/intervention-access.server'
import { db } from '~/db.server'
import { addMember } from '~/interventions/interventions.server'

/** `{email}` → 201 `{userId}`: the owner adds a facilitator account to the team. */
export const action = teamCommand((user, { params }, body) => addMember(db(), user, params.id ?? '', body))

export const loader = () => methodNotAllowed('POST')
