import type { ActionFunctionArgs } from '@remix-run/node'
import { failed, jsonBody, methodNotAllowed } from '~/api/responses.server'
import { signCollabToken } from '~/auth/collab-token.server'
import { db } from '~/db.server'
import { getEnv } from '~/env.server'
import { participantLabel } from '~/i18n/roles'
import { joinSession } from '~/sessions/commands.server'
import { mainRoomId } from '~/rooms/rooms.server'
import { participantPagePath } from '~/sessions/landing'
import { t } from '~/i18n'

/**
 * `POST /api/v1/join`: a participant joins with the code, or a device that joined before (its
 * participant cookie) gets its own participant back (`returning`; a different role or name it
 * sends is not applied: `kept` names them and `notice` says so in Dutch). 403 for a participant
 * the facilitator removed.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed('POST')
  const body = await jsonBody(request)
  if (body instanceof Response) return body
  const result = await joinSession(db(), body, request.headers.get('Cookie'), context.clientAddress)
  if (!result.ok) return failed(result)
  const { session, participant, returning, kept } = result.value
  const roomId = mainRoomId(db(), session.id)
  const token = signCollabToken(getEnv().SESSION_SECRET, {
    roomId,
    subject: `p:${participant.id}`,
    mode: 'edit',
  })
  return Response.json(
    {
      sessionId: session.id,
      roomId,
      token,
      participant: { id: participant.id, role: participant.role, label: participantLabel('nl', participant) },
      /** this device had joined before: its own participant, whatever role or name it sent */
      returning,
      // What a participant on a phone opens; a laptop opens the canvas, /sessies/<sessionId>.
      participantPage: participantPagePath(session.id),
      ...(kept.length
        ? { notice: t('nl', 'join.returning.kept', { name: participantLabel('nl', participant) }), kept }
        : {}),
    },
    { headers: { 'Set-Cookie': result.setCookie! } },
  )
}

export const loader = () => methodNotAllowed('POST')
