import { methodNotAllowed } from '~/api/responses.server'
import { teamCommand } from '~/api/intervention-access.server'
import { db } from '~/db.server'
import { addMeasurement } from '~/interventions/targets.server'

/** `{targetId, value, date, period?, source, provisional?}` → 201 `{id}`. */
export const action = teamCommand((user, { params }, body) => addMeasurement(db(), user, params.id ?? '', body))

export const loader = () => methodNotAllowed('POST')
