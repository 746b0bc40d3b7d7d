import { sql } from 'drizzle-orm'
import { blob, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
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
  /**
   * Administrators may change what every profile shows (import or remove CBS data) and appoint
   * other administrators. The first account is one (migration 0002 and createAccount).
   */
  isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false),
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
    /** Set while the session is closed: its join code no longer works. */
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
    /** Last join or facilitator visit; a code idle for longer than JOIN_CODE_IDLE_DAYS stops working. */
    lastActivityAt: integer('last_activity_at', { mode: 'timestamp_ms' }),
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

/**
 * Which identity introduced which Yjs client id in a room (docs/collab-protocol.md, "Client-id
 * ownership"): an update may only carry structs for client ids its sender owns or introduces.
 * `bytes` counts the update bytes stored for that client id, for the per-identity quota.
 */
export const roomClients = sqliteTable(
  'room_clients',
  {
    roomId: text('room_id').notNull(),
    clientId: integer('client_id').notNull(),
    /** the collab identity's subject, e.g. `u:<userId>` or `p:<participantId>` */
    subject: text('subject').notNull(),
    bytes: integer('bytes').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.clientId] }), index('room_clients_subject_idx').on(t.roomId, t.subject)],
)

/**
 * Moments a facilitator can go back to: the room's whole state at that time
 * (Y.encodeStateAsUpdate), kept by a retention policy (docs/collab-protocol.md, "History").
 */
export const roomHistory = sqliteTable(
  'room_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roomId: text('room_id').notNull(),
    state: blob('state', { mode: 'buffer' }).notNull(),
    /** why it was taken: 'interval' (while edited), 'compaction', 'restore' (just before a restore) */
    reason: text('reason', { enum: ['interval', 'compaction', 'restore'] }).notNull(),
    takenAt: integer('taken_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('room_history_room_idx').on(t.roomId, t.takenAt)],
)

/* ---- Wijk data (CBS open data). See docs/wijk-data.md and docs/decisions/004-cbs-import.md. ---- */

export const regionLevels = ['land', 'gemeente', 'wijk', 'buurt'] as const

/** A CBS region: NL00 (Nederland), GM0796, WK079601 or BU07960101. */
export const regions = sqliteTable(
  'regions',
  {
    code: text('code').primaryKey(),
    level: text('level', { enum: regionLevels }).notNull(),
    name: text('name').notNull(),
    /** The gemeente a wijk or buurt belongs to (the gemeente itself for a gemeente; null for NL). */
    gemeenteCode: text('gemeente_code'),
  },
  (t) => [index('regions_gemeente_idx').on(t.gemeenteCode, t.level)],
)

/** One row per imported CBS table, period and file: what is in the database and where it came from. */
export const cbsImports = sqliteTable(
  'cbs_imports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tableId: text('table_id').notNull(),
    /** CBS period key, e.g. 2024JJ00, 2024HJ01, 2024MM09. */
    period: text('period').notNull(),
    fileName: text('file_name').notNull(),
    rowCount: integer('row_count').notNull(),
    valueCount: integer('value_count').notNull(),
    importedAt: integer('imported_at', { mode: 'timestamp_ms' }).notNull(),
    /** The administrator who imported it; null for the bundled data loaded on first start and for the CLI. */
    importedBy: text('imported_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('cbs_imports_table_period_file_idx').on(t.tableId, t.period, t.fileName)],
)

/**
 * One CBS cell: table, column (the key without its edition suffix), category (e.g. the jeugdzorg
 * "Vorm"; '' when the table has none), region and period. A missing cell is stored as NULL with
 * the reason; it is never turned into 0.
 */
export const indicatorValues = sqliteTable(
  'indicator_values',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tableId: text('table_id').notNull(),
    column: text('column').notNull(),
    /** The column key as it appeared in the file, e.g. AantalInwoners_5. */
    sourceColumn: text('source_column').notNull(),
    category: text('category').notNull().default(''),
    regionCode: text('region_code').notNull(),
    period: text('period').notNull(),
    value: real('value'),
    /** Why value is NULL: 'suppressed-by-cbs' (empty, '.', 'x') or 'not-published' (whole column empty). */
    missingReason: text('missing_reason', { enum: ['suppressed-by-cbs', 'not-published'] }),
    /** The import this value came from (the latest one that wrote the cell). */
    importId: integer('import_id').references(() => cbsImports.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('indicator_values_cell_idx').on(t.tableId, t.column, t.category, t.regionCode, t.period),
    index('indicator_values_region_idx').on(t.regionCode),
  ],
)

/** The indicator catalogue, seeded from app/wijken/indicators.ts so it can be read in the database too. */
export const indicators = sqliteTable('indicators', {
  code: text('code').primaryKey(),
  labelNl: text('label_nl').notNull(),
  labelEn: text('label_en').notNull(),
  definitionNl: text('definition_nl').notNull(),
  unit: text('unit').notNull(),
  /** JSON: [{ table, column, category? }] */
  sources: text('sources').notNull(),
  computation: text('computation').notNull(),
  riskDirection: text('risk_direction', { enum: ['higher', 'lower'] }),
  inCocktail: integer('in_cocktail', { mode: 'boolean' }).notNull(),
  reference: text('reference').notNull(),
  thresholdRule: text('threshold_rule').notNull(),
  minBase: integer('min_base').notNull(),
  level: text('level', { enum: ['wijk', 'gemeente'] }).notNull(),
  sortOrder: integer('sort_order').notNull(),
})

export type Region = typeof regions.$inferSelect
export type CbsImport = typeof cbsImports.$inferSelect
export type IndicatorValue = typeof indicatorValues.$inferSelect
export type IndicatorRow = typeof indicators.$inferSelect

export type RoomClient = typeof roomClients.$inferSelect
export type RoomHistoryEntry = typeof roomHistory.$inferSelect

export type User = typeof users.$inferSelect
export type WorkshopSession = typeof workshopSessions.$inferSelect
export type Participant = typeof participants.$inferSelect
export { participantRoles, type ParticipantRole } from './roles'
