import { methodNotAllowed } from '~/api/responses.server'
import { teamCommand } from '~/api/intervention-access.server'
import { db } from '~/db.server'
import { addComment } from '~/interventions/interventions.server'

/** `{text, versionNumber?, measurementId?}` → 201 `{id}`. */
export const action = teamCommand((user, { params }, body) => addComment(db(), user, params.id ?? '', body))

export const loader = () => methodNotAllowed('POST')
