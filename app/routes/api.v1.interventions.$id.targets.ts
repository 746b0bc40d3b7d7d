import { methodNotAllowed } from '~/api/responses.server'
import { teamCommand } from '~/api/intervention-access.server'
import { db } from '~/db.server'
import { addTarget } from '~/interventions/targets.server'

/** `{metric, direction, baseline?, targetValue, targetDate, wijkCode?}` → 201 `{id}`; without `baseline` it comes from the wijk data, by hand it is `{value, source, period?, date?}`. */
export const action = teamCommand((user, { params }, body) => addTarget(db(), user, params.id ?? '', body))

export const loader = () => methodNotAllowed('POST')
