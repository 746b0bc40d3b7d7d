import type { LoaderFunctionArgs } from '@remix-run/node'
import { errorJson } from '~/api/responses.server'
import { signCollabToken } from '~/auth/collab-token.server'
import { getUser } from '~/auth/session.server'
import { db } from '~/db.server'
import { getEnv } from '~/env.server'
import { mayFacilitate } from '~/sessions/access.server'
import { getWorkshopSession } from '~/sessions/sessions.server'

/** A short-lived room credential; `?mode=read` gives one for a projector that cannot edit. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(db(), request)
  if (!user) return errorJson(401, { _form: 'Log eerst in als begeleider.' })
  const session = getWorkshopSession(db(), params.id ?? '')
  if (!session) return errorJson(404, { _form: 'Deze werksessie bestaat niet.' })
  if (!mayFacilitate(user, session)) return errorJson(403, { _form: 'Dit is niet jouw werksessie.' })
  const modeParam = new URL(request.url).searchParams.get('mode') ?? 'edit'
  if (modeParam !== 'edit' && modeParam !== 'read') return errorJson(400, { mode: 'Kies mode=edit of mode=read.' })
  const token = signCollabToken(getEnv().SESSION_SECRET, {
    roomId: session.roomId,
    subject: `u:${user.id}`,
    mode: modeParam,
  })
  return Response.json({ roomId: session.roomId, token, mode: modeParam })
}
