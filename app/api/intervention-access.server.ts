import type { ActionFunctionArgs } from '@remix-run/node'
import type { Db } from '../../db/client'
import type { User } from '../../db/schema'
import { getUser } from '~/auth/session.server'
import { findIntervention, interventionViewer, refusalMessage, type Found } from '~/interventions/access.server'
import type { CommandResult } from '~/auth/commands.server'
import { db } from '~/db.server'
import { errorJson, failed, jsonBody, methodNotAllowed } from './responses.server'

/** For the intervention API's reads: the intervention and the caller's access, or the JSON error. */
export async function interventionForApi(
  db: Db,
  request: Request,
  id: string | undefined,
): Promise<Extract<Found, { ok: true }> | Response> {
  const found = findIntervention(db, await interventionViewer(db, request), id)
  return found.ok ? found : errorJson(found.status, { _form: refusalMessage(found.status) })
}

/** For the intervention API's writes: the logged-in facilitator (the command checks the team), or 401. */
export async function userForApi(db: Db, request: Request): Promise<User | Response> {
  const user = await getUser(db, request)
  return user ?? errorJson(401, { _form: 'error.api.loginFirst' })
}

/**
 * A request a browser made: every current browser sends Sec-Fetch-Site, which a page's script
 * cannot remove; curl and Node's fetch do not (Node's fetch sends Sec-Fetch-Mode only). Saving a
 * version from a browser must include its images.
 */
export const fromBrowser = (request: Request) => request.headers.has('Sec-Fetch-Site')

/**
 * The action of a `POST /api/v1/interventions/:id/…` route that runs one team command with the
 * JSON body: 401 without a login, 400 for a body that is not JSON, the command's refusal, else
 * 201 with its value.
 */
export function teamCommand<T>(
  command: (
    user: User,
    args: ActionFunctionArgs,
    body: Record<string, unknown>,
  ) => CommandResult<T> | Promise<CommandResult<T>>,
) {
  return async (args: ActionFunctionArgs) => {
    if (args.request.method !== 'POST') return methodNotAllowed('POST')
    const user = await userForApi(db(), args.request)
    if (user instanceof Response) return user
    const body = await jsonBody(args.request)
    if (body instanceof Response) return body
    const result = await command(user, args, body)
    return result.ok ? Response.json(result.value, { status: 201 }) : failed(result)
  }
}
