import type { WorkshopSession } from '../../db/schema'
import type { CollabIdentity } from '~/sessions/identity'
import { sessionBus } from '~/sessions/session-bus.server'

/**
 * "Iedereen naar mij": every open page of the session hears, on its live channel, whose viewport
 * to follow. The presence id is the facilitator's pseudonym in the main room (access.server.ts),
 * which every canvas already knows from awareness; it names no account. Nothing is stored: a
 * summon is for the people there now, and whoever moves their own view stops following.
 */
export function summonEveryone(session: WorkshopSession, identity: CollabIdentity): { presenceId: string } {
  sessionBus().publish(session.id, { type: 'summon', presenceId: identity.presenceId })
  return { presenceId: identity.presenceId }
}
