import type { ActionFunctionArgs } from '@remix-run/node'
import { failed, jsonBody, methodNotAllowed } from '~/api/responses.server'
import { login } from '~/auth/commands.server'
import { db } from '~/db.server'

export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed('POST')
  const body = await jsonBody(request)
  if (body instanceof Response) return body
  const result = await login(db(), body, context.clientAddress, request.headers.get('Cookie'))
  if (!result.ok) return failed(result)
  const { id, email, name } = result.value
  const headers = new Headers()
  headers.append('Set-Cookie', result.setCookie!)
  headers.append('Set-Cookie', result.deviceCookie!)
  return Response.json({ user: { id, email, name } }, { headers })
}

export const loader = () => methodNotAllowed('POST')
