import type { LoaderFunctionArgs } from '@remix-run/node'
import type { Db } from '../../db/client'
import { getUser } from '~/auth/session.server'
import { getEnv } from '~/env.server'
import { invariantResponse } from '~/http/invariant.server'
import { mainRoomId } from '~/rooms/rooms.server'
import { getWijkProfile } from '~/wijken/profile.server'
import { identityFromCookies } from './access.server'
import { codeShownAt } from './commands.server'
import { isSessionOwner } from './facilitators.server'
import { requireSession } from './own-session.server'
import { sessionState } from './session-state.server'
import { sessionViewer } from './session-viewer.server'
import { markSessionActive } from './sessions.server'

/**
 * What a werksessie page needs: the session and who is looking; 404/403 otherwise. The wijk
 * profile is only loaded for a page with the Wijkprofiel panel (not the projector).
 */
export async function loadSessionPage(
  db: Db,
  { request, params, context }: Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>,
  options: { withWijkPanel: boolean },
) {
  const session = requireSession(db, params.id)
  const identity = await identityFromCookies(db, request.headers.get('Cookie'), session)
  if (!identity) {
    const viewer = await sessionViewer(db, request.headers.get('Cookie'), session.id)
    const loggedIn = !!(await getUser(db, request))
    const why = !viewer.ok && viewer.error === 'error.session.removed' ? viewer.error : null
    invariantResponse(identity, why ?? (loggedIn ? 'error.session.otherFacilitator' : 'error.session.joinFirst'), {
      status: 403,
    })
  }
  const origin = new URL(request.url).origin
  const isFacilitator = identity.role === 'facilitator'
  // The facilitator is using the session, so its code keeps working (JOIN_CODE_IDLE_DAYS).
  if (isFacilitator) {
    markSessionActive(db, session.id)
    // The room on the facilitator's network gets in whatever others there guessed (join-guard.server.ts).
    codeShownAt(context.clientAddress, session.joinCode)
  }
  return {
    session: {
      id: session.id,
      title: session.title,
      wijkCode: session.wijkCode,
      place: session.place,
      roomId: mainRoomId(db, session.id),
    },
    isFacilitator,
    /** the owner may delete the session and invite co-facilitators (facilitators.server.ts) */
    isOwner: isFacilitator && isSessionOwner((await getUser(db, request)) ?? null, session),
    /** a participant of a closed session can only look (their collab connection is read-only) */
    readOnly: identity.mode === 'read',
    /** the first state; the live channel (GET /api/v1/sessions/:id/events) keeps it current */
    state: sessionState(db, session),
    /**
     * The wijk's figures for the facilitator's Wijkprofiel panel: undefined without a wijk code,
     * null when the code is not a known wijk.
     */
    wijkProfile:
      options.withWijkPanel && isFacilitator && session.wijkCode ? getWijkProfile(db, session.wijkCode) : undefined,
    /** Only the facilitator sees the code and link to hand out. */
    invite:
      identity.role === 'facilitator'
        ? { joinCode: session.joinCode, joinUrl: `${origin}/meedoen/${session.joinCode}` }
        : null,
    user: { id: identity.presenceId, name: identity.name, role: identity.role },
    // tldraw licence keys are public by design: they are checked in the browser.
    licenseKey: getEnv().TLDRAW_LICENSE_KEY ?? null,
  }
}
