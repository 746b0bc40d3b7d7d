import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { endSession } from '~/auth/session.server'
import { db } from '~/db.server'

export async function action({ request, context }: ActionFunctionArgs) {
  const { setCookie, loginId } = await endSession(db(), request)
  // Its tokens stop working with the login (resolveSubject); its open canvases close now.
  if (loginId) context.collab.endLogin(loginId)
  return redirect('/inloggen', { headers: { 'Set-Cookie': setCookie } })
}

export const loader = () => redirect('/')
