/**
 * The app's room policy, plugged into the collab core's seam (server/collab/room.ts,
 * RoomPolicy): chosen per room by its kind, for every update a client sends.
 * - main canvas: facilitators may do everything; participants what permissions.ts allows;
 * - private room: only its owner writes, and only while private mode is on (others get read
 *   connections at most).
 * Who made a record is recorded here (record_owners), in the commit of the update that made it.
 */
import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { sessionLocks, workshopSessions } from '../../db/schema'
import type * as Y from 'yjs'
import { DocRecords, META_MAP, recordChanges, SCHEMA_FIELD, type DecodedUpdateLike } from '~/canvas-doc'
import { t } from '~/i18n'
import type { CollabIdentity } from '~/sessions/identity'
import { judgeParticipant, type CanvasRules } from './permissions'
import { RecordOwners } from './record-owners.server'
import { findRoom } from './rooms.server'

/**
 * The collab core's policy seam (RoomPolicy in server/collab/room.ts) in the app's own terms:
 * app/ does not import server/, and the core's Room is one of these.
 */
export interface PolicyRoom {
  id: string
  doc: Y.Doc
}
export type PolicyResult = { ok: true; alongside?: () => void } | { ok: false; reason: string }
export interface AppRoomPolicy {
  acceptUpdate(ctx: { room: PolicyRoom; identity: CollabIdentity; decoded: DecodedUpdateLike }): PolicyResult
}

interface RoomInfo {
  sessionId: string
  kind: 'main' | 'private'
  ownerSubject: string | null
}

export function createRoomPolicy(db: Db): AppRoomPolicy {
  const owners = new RecordOwners(db)
  // A room's session and kind never change, and a deleted room is never loaded again.
  const infos = new Map<string, RoomInfo | null>()
  const infoOf = (roomId: string): RoomInfo | null => {
    if (!infos.has(roomId)) {
      const found = findRoom(db, roomId)
      infos.set(
        roomId,
        found ? { sessionId: found.session.id, kind: found.room.kind, ownerSubject: found.room.ownerSubject } : null,
      )
    }
    return infos.get(roomId)!
  }
  const rulesOf = canvasRulesReader(db)
  const privateMode = db
    .select({ on: workshopSessions.privateMode })
    .from(workshopSessions)
    .where(eq(workshopSessions.id, sql.placeholder('id')))
    .prepare()
  const privateModeOn = (id: string) => privateMode.get({ id })?.on ?? false

  const accept = (room: PolicyRoom, subject: string, recordIds: string[]): PolicyResult =>
    recordIds.length === 0 ? { ok: true } : { ok: true, alongside: owners.claim(room.id, room, subject, recordIds) }

  return {
    acceptUpdate({ room, identity, decoded }) {
      const info = infoOf(room.id)
      if (!info) return { ok: false, reason: t('nl', 'permission.facilitatorOnly') }
      const trusted = info.kind === 'private' ? identity.subject === info.ownerSubject : identity.role === 'facilitator'
      if (info.kind === 'private' && !trusted) return { ok: false, reason: t('nl', 'permission.privateRoom') }
      // After "laat zien" the room's notes move to the main canvas and the room is deleted: what
      // its owner wrote meanwhile would be lost with it (private-mode.server.ts).
      if (info.kind === 'private' && !privateModeOn(info.sessionId)) {
        return { ok: false, reason: t('nl', 'permission.privateEnded') }
      }
      if (trusted) {
        // Only what it creates matters: who made it is recorded.
        const { writes } = recordChanges(decoded, room.doc, { writesOnly: true })
        return accept(room, identity.subject, [...writes.keys()])
      }
      const records = new DocRecords(room.doc)
      const changes = recordChanges(decoded, room.doc, { records })
      const verdict = judgeParticipant(
        changes,
        {
          before: (key) => records.get(key),
          countOf: (typeName) => records.countOf(typeName),
          ownerOf: (key) => owners.ownerOf(room.id, room, key),
          metaSchema: room.doc.getMap(META_MAP).get(SCHEMA_FIELD),
        },
        { subject: identity.subject, presenceId: identity.presenceId },
        rulesOf(info.sessionId),
      )
      if (!verdict.ok) {
        // The core logs the refusal with its reason; the rule's detail says which record.
        console.warn(`[rooms] room ${room.id}: ${identity.subject} may not: ${verdict.detail}`)
        return { ok: false, reason: t('nl', verdict.reason) }
      }
      return accept(room, identity.subject, verdict.created)
    },
  }
}

/**
 * The session's locks and media switch, read for each participant update (two indexed reads):
 * they change through the API at any time, and a cache would be one more thing to keep right.
 */
function canvasRulesReader(db: Db): (sessionId: string) => CanvasRules {
  const session = db
    .select({ lockedAll: workshopSessions.lockedAll, mediaAllowed: workshopSessions.mediaAllowed })
    .from(workshopSessions)
    .where(eq(workshopSessions.id, sql.placeholder('id')))
    .prepare()
  const locks = db
    .select({ frameId: sessionLocks.frameId })
    .from(sessionLocks)
    .where(eq(sessionLocks.workshopSessionId, sql.placeholder('id')))
    .prepare()
  return (id) => {
    const row = session.get({ id })
    return {
      lockedAll: row?.lockedAll ?? true,
      mediaAllowed: row?.mediaAllowed ?? false,
      lockedFrames: new Set(locks.all({ id }).map((lock) => lock.frameId)),
    }
  }
}

/** The session's locks and media switch now, for a server command that checks them as the canvas does. */
export function canvasRules(db: Db, sessionId: string): CanvasRules {
  return canvasRulesReader(db)(sessionId)
}
