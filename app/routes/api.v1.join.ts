import type { ActionFunctionArgs } from '@remix-run/node'
import { failed, jsonBody, methodNotAllowed } from '~/api/responses.server'
import { signCollabToken } from '~/auth/collab-token.server'
import { db } from '~/db.server'
import { getEnv } from '~/env.server'
import { participantLabel } from '~/i18n/roles'
import { joinSession } from '~/sessions/commands.server'
import { mainRoomId } from '~/rooms/rooms.server'

export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed('POST')
  const body = await jsonBody(request)
  if (body instanceof Response) return body
  const result = await joinSession(db(), body, request.headers.get('Cookie'), context.clientAddress)
  if (!result.ok) return failed(result)
  const { session, participant } = result.value
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
    },
    { headers: { 'Set-Cookie': result.setCookie! } },
  )
}

export const loader = () => methodNotAllowed('POST')
