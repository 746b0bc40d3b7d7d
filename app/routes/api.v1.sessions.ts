import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { errorJson, failed, jsonBody, methodNotAllowed } from '~/api/responses.server'
import { getUser } from '~/auth/session.server'
import { db } from '~/db.server'
import { createSession } from '~/sessions/commands.server'
import { sessionSummaries } from '~/sessions/sessions.server'

const notLoggedIn = () => errorJson(401, { _form: 'error.api.loginFirst' })

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed('GET, POST')
  const user = await getUser(db(), request)
  if (!user) return notLoggedIn()
  const body = await jsonBody(request)
  if (body instanceof Response) return body
  const result = createSession(db(), user, body)
  if (!result.ok) return failed(result)
  const { id, joinCode, roomId, title, wijkCode, place } = result.value
  return Response.json({ id, joinCode, roomId, title, wijkCode, place }, { status: 201 })
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(db(), request)
  if (!user) return notLoggedIn()
  const sessions = sessionSummaries(db(), user.id)
  return Response.json({ sessions })
}
