import type { Db } from '../../db/client'
import type { User } from '../../db/schema'
import { getUser } from '~/auth/session.server'
import { findIntervention, interventionViewer, refusalMessage, type Found } from '~/interventions/access.server'
import { errorJson } from './responses.server'

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
