import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { endSession } from '~/auth/session.server'
import { db } from '~/db.server'

export async function action({ request }: ActionFunctionArgs) {
  return redirect('/inloggen', { headers: { 'Set-Cookie': await endSession(db(), request) } })
}

export const loader = () => redirect('/')
