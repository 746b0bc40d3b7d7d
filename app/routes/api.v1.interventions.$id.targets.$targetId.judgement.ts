import { methodNotAllowed } from '~/api/responses.server'
import { teamCommand } from '~/api/intervention-access.server'
import { db } from '~/db.server'
import { judgeTarget } from '~/interventions/targets.server'

/** `{judgement, note?}` → 201: the team's own reading of a target, beside the computed status. */
export const action = teamCommand((user, { params }, body) =>
  judgeTarget(db(), user, params.id ?? '', params.targetId ?? '', body),
)

export const loader = () => methodNotAllowed('POST')
