import { sql } from 'drizzle-orm'
import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { participantRoles } from './roles'

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`)

/** Facilitator accounts. Participants never have an account. */
export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: createdAt(),
})

/** Login sessions of facilitators; the cookie carries `id`, the table keeps only its hash. */
export const authSessions = sqliteTable(
  'auth_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('auth_sessions_user_idx').on(t.userId)],
)

/** A werksessie: one co-design session with its canvas room. */
export const workshopSessions = sqliteTable(
  'workshop_sessions',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    wijkCode: text('wijk_code'),
    place: text('place'),
    joinCode: text('join_code').notNull(),
    roomId: text('room_id').notNull(),
    facilitatorId: text('facilitator_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('workshop_sessions_join_code_idx').on(t.joinCode),
    uniqueIndex('workshop_sessions_room_idx').on(t.roomId),
    index('workshop_sessions_facilitator_idx').on(t.facilitatorId),
  ],
)

/** Someone who joined a werksessie with its code. Anonymous unless they chose a name. */
export const participants = sqliteTable(
  'participants',
  {
    id: text('id').primaryKey(),
    workshopSessionId: text('workshop_session_id')
      .notNull()
      .references(() => workshopSessions.id, { onDelete: 'cascade' }),
    role: text('role', { enum: participantRoles }).notNull(),
    /** Per session and role: "Ouder 3" is the third parent who joined. */
    number: integer('number').notNull(),
    displayName: text('display_name'),
    createdAt: createdAt(),
  },
  (t) => [index('participants_session_idx').on(t.workshopSessionId)],
)

/**
 * Yjs updates of a collaboration room, appended before they are relayed.
 * Rows with id <= room_snapshots.last_update_id are folded into the snapshot.
 */
export const roomUpdates = sqliteTable(
  'room_updates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roomId: text('room_id').notNull(),
    update: blob('update', { mode: 'buffer' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('room_updates_room_idx').on(t.roomId, t.id)],
)

/** The compacted state of a room: Y.encodeStateAsUpdate of everything up to last_update_id. */
export const roomSnapshots = sqliteTable('room_snapshots', {
  roomId: text('room_id').primaryKey(),
  state: blob('state', { mode: 'buffer' }).notNull(),
  lastUpdateId: integer('last_update_id').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
})

export type User = typeof users.$inferSelect
export type WorkshopSession = typeof workshopSessions.$inferSelect
export type Participant = typeof participants.$inferSelect
export { participantRoles, type ParticipantRole } from './roles'
