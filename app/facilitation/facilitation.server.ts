/**
 * Templates and contributions of a werksessie (issue 8, section 3): placing a step's template
 * as a frame, a person's note in the step's frame, and a facilitator's frames kept as templates.
 * The API routes call these; who may call them is the route's check (session-access.server.ts).
 * Every canvas write is one `collab.transact` (committed, then relayed to everyone in the room).
 */
import crypto from 'node:crypto'
import { and, desc, eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import type * as Y from 'yjs'
import { isSessionPhase, type SessionPhase } from '../../db/phases'
import { contributions, templates, type User, type WorkshopSession } from '../../db/schema'
import type { CommandResult } from '~/auth/commands.server'
import { t, type Locale } from '~/i18n'
import type { CollabControl } from '~/load-context'
import { claimRecords } from '~/rooms/record-owners.server'
import { mainRoomId, privateRoomFor } from '~/rooms/rooms.server'
import { presenceIdFor } from '~/sessions/access.server'
import type { CollabIdentity } from '~/sessions/identity'
import { getParticipant } from '~/sessions/sessions.server'
import { fieldErrors } from '~/validation'
import {
  frameAsTemplate,
  indicesFor,
  placeFrame,
  placeNote,
  readRecords,
  stepFrame,
  type ShapeRecord,
} from './canvas-writes'
import { roleNoteColor, roleNoteLabel } from './note-style'
import { builtInTemplateRecords, builtInTemplates, isBuiltInTemplateId, templatesOfPhase } from './templates'
import { contributionSchema, placeFrameSchema, saveTemplateSchema } from './validation'

/**
 * The language texts are placed on the canvas in. A werksessie has no language of its own yet,
 * and its participants read Dutch first, so templates and role labels are Dutch.
 */
export const SESSION_LOCALE: Locale = 'nl'

/** A saved template's records, as JSON, at most this big (a frame with a few hundred notes). */
const MAX_TEMPLATE_BYTES = 512 * 1024

const newId = () => crypto.randomBytes(12).toString('base64url')

interface Caller {
  session: WorkshopSession
  identity: CollabIdentity
}

/** The built-in template's records in the session's language, or a saved template of this facilitator. */
function templateRecords(db: Db, user: User, template: string) {
  if (isBuiltInTemplateId(template)) {
    return builtInTemplateRecords(builtInTemplates[template], (key) => t(SESSION_LOCALE, key), indicesFor)
  }
  const saved = db
    .select({ records: templates.records })
    .from(templates)
    .where(and(eq(templates.id, template), eq(templates.userId, user.id)))
    .get()
  return saved ? (JSON.parse(saved.records) as { id: string; typeName: string }[]) : undefined
}

/**
 * Places a template as the current step's frame, right of everything on the main canvas. The
 * frame and its contents are the facilitator's (record_owners), so participants cannot move or
 * delete them.
 */
export async function placeTemplate(
  db: Db,
  collab: CollabControl,
  { session, identity, user }: Caller & { user: User },
  input: unknown,
): Promise<CommandResult<{ frameId: string }>> {
  const parsed = placeFrameSchema.safeParse(input)
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) }
  const records = templateRecords(db, user, parsed.data.template)
  if (!records) return { ok: false, status: 400, errors: { template: 'templates.error.unknown' } }
  const roomId = mainRoomId(db, session.id)
  const [frameId] = await collab.transact(roomId, (doc) => {
    const ids = placeFrame(doc, readRecords(doc), {
      records,
      phase: session.phase,
      template: parsed.data.template,
      now: new Date(),
      newId,
    })
    claimRecords(db, roomId, identity.subject, ids)
    return ids
  })
  return { ok: true, value: { frameId } }
}

/**
 * The frame a step's new notes go into (canvas-writes.ts, stepFrame); without one yet, the step's
 * first template is placed for it. Runs inside a `collab.transact` of the main room.
 */
export function stepFrameOrPlace(doc: Y.Doc, records: Map<string, unknown>, phase: SessionPhase): ShapeRecord {
  const found = stepFrame(records, phase)
  if (found) return found
  const [first] = templatesOfPhase(phase)
  placeFrame(doc, records, {
    records: builtInTemplateRecords(first, (key) => t(SESSION_LOCALE, key), indicesFor),
    phase,
    template: first.id,
    now: new Date(),
    newId,
  })
  return stepFrame(records, phase)!
}

/**
 * A person's note in the current step's frame, at its next free spot, coloured and labelled by
 * role. Without a frame for the step yet, the step's first template is placed for it. While
 * private mode is on, a participant's note goes into their own private room instead (only its
 * owner, and the facilitators when allowed, can open it); facilitators' notes stay on the main
 * canvas, since they run the session in the open. `again` says the sender's `clientKey` found a
 * note made before: nothing new was placed.
 */
export async function addContribution(
  db: Db,
  collab: CollabControl,
  { session, identity }: Caller,
  input: unknown,
): Promise<CommandResult<{ shapeId: string; private: boolean; again: boolean }>> {
  const parsed = contributionSchema.safeParse(input)
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) }
  // A closed session gives participants read-only access (access.server.ts).
  if (identity.mode === 'read') return { ok: false, status: 403, errors: { _form: 'contribution.error.closed' } }
  const { text, source, clientKey } = parsed.data
  const isPrivate = session.privateMode && identity.role !== 'facilitator'
  const roomId = isPrivate ? privateRoomFor(db, session.id, identity.subject).id : mainRoomId(db, session.id)
  const participant = identity.subject.startsWith('p:') ? getParticipant(db, identity.subject.slice(2)) : undefined
  const phase = session.phase
  const shapeId = `shape:${newId()}`
  // The row first, with the sender's key: the same idea sent twice (a retry while the first is
  // still on its way included) finds it here and is answered with the note already made.
  const row = { workshopSessionId: session.id, roomId, shapeId, subject: identity.subject, role: identity.role }
  const inserted = db
    .insert(contributions)
    .values({ ...row, phase, source, private: isPrivate, clientKey: clientKey ?? null })
    .onConflictDoNothing({ target: [contributions.workshopSessionId, contributions.subject, contributions.clientKey] })
    .run().changes
  if (inserted === 0) {
    const earlier = db
      .select({ shapeId: contributions.shapeId, private: contributions.private, revealedAt: contributions.revealedAt })
      .from(contributions)
      .where(
        and(
          eq(contributions.workshopSessionId, session.id),
          eq(contributions.subject, identity.subject),
          eq(contributions.clientKey, clientKey!),
        ),
      )
      .get()!
    return {
      ok: true,
      value: { shapeId: earlier.shapeId, private: earlier.private && !earlier.revealedAt, again: true },
    }
  }
  try {
    await collab.transact(roomId, (doc) => {
      const records = readRecords(doc)
      const frame = isPrivate ? undefined : stepFrameOrPlace(doc, records, phase)
      placeNote(doc, records, frame, {
        label: roleNoteLabel(SESSION_LOCALE, identity.role, participant?.organisationType),
        text,
        color: roleNoteColor[identity.role],
        createdBy:
          roomId === mainRoomId(db, session.id) ? identity.presenceId : presenceIdFor(roomId, identity.subject),
        meta: { role: identity.role, phase, source },
        newId: () => shapeId.slice('shape:'.length),
      })
      // The note is the sender's: they may change and delete it on the canvas, as their own.
      claimRecords(db, roomId, identity.subject, [shapeId])
    })
  } catch (error) {
    // Not placed: the key may be sent again.
    db.delete(contributions)
      .where(and(eq(contributions.roomId, roomId), eq(contributions.shapeId, shapeId)))
      .run()
    throw error
  }
  return { ok: true, value: { shapeId, private: isPrivate, again: false } }
}

/** Keeps a frame of the main canvas, with everything in it, as one of the facilitator's templates. */
export async function saveTemplate(
  db: Db,
  collab: CollabControl,
  { session, user }: Caller & { user: User },
  input: unknown,
): Promise<CommandResult<{ templateId: string; name: string; phase: WorkshopSession['phase'] }>> {
  const parsed = saveTemplateSchema.safeParse(input)
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) }
  const { frameId, name } = parsed.data
  // A read: the function changes nothing, so nothing is stored or relayed.
  const found = await collab.transact(mainRoomId(db, session.id), (doc) => {
    const records = readRecords(doc)
    const frame = records.get(frameId) as { meta?: { phase?: unknown } } | undefined
    return { records: frameAsTemplate(records, frameId), phase: frame?.meta?.phase }
  })
  if (!found.records) return { ok: false, status: 400, errors: { frameId: 'templates.error.noFrame' } }
  const json = JSON.stringify(found.records)
  if (json.length > MAX_TEMPLATE_BYTES) return { ok: false, status: 400, errors: { frameId: 'templates.error.tooBig' } }
  const phase = isSessionPhase(found.phase) ? found.phase : session.phase
  const templateId = newId()
  db.insert(templates).values({ id: templateId, userId: user.id, name, phase, records: json }).run()
  return { ok: true, value: { templateId, name, phase } }
}

/** A facilitator's saved templates for the picker, newest first. */
export function savedTemplates(db: Db, user: User) {
  return db
    .select({ id: templates.id, name: templates.name, phase: templates.phase, createdAt: templates.createdAt })
    .from(templates)
    .where(eq(templates.userId, user.id))
    .orderBy(desc(templates.createdAt))
    .all()
    .map((row) => ({ id: row.id, name: row.name, phase: row.phase, createdAt: row.createdAt.toISOString() }))
}
