import { sql } from 'drizzle-orm'
import { blob, check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { sessionPhases } from './phases'
import { organisationTypes, participantRoles } from './roles'

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
    facilitatorId: text('facilitator_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Set while the session is closed: its join code no longer works. */
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
    /** Last join or facilitator visit; a code idle for longer than JOIN_CODE_IDLE_DAYS stops working. */
    lastActivityAt: integer('last_activity_at', { mode: 'timestamp_ms' }),
    /** The design-thinking step the session is in (app/sessions/phases.ts). */
    phase: text('phase', { enum: sessionPhases }).notNull().default('inleven'),
    /**
     * The shared timer, counted from server time: `running` ends at timerEndsAt; `paused` keeps
     * timerRemainingMs; `idle` has neither. timerDurationMs is what it was set to (+ added minutes).
     */
    timerStatus: text('timer_status', { enum: ['idle', 'running', 'paused'] })
      .notNull()
      .default('idle'),
    timerEndsAt: integer('timer_ends_at', { mode: 'timestamp_ms' }),
    timerRemainingMs: integer('timer_remaining_ms'),
    timerDurationMs: integer('timer_duration_ms'),
    /** Private ideation: new notes go to each person's private room until revealed. */
    privateMode: integer('private_mode', { mode: 'boolean' }).notNull().default(false),
    /** In private mode, facilitators may open everyone's private room. */
    privateFacilitatorSees: integer('private_facilitator_sees', { mode: 'boolean' }).notNull().default(false),
    /** The whole canvas is locked against participants. */
    lockedAll: integer('locked_all', { mode: 'boolean' }).notNull().default(false),
    /** Participants may add photos (off by default: photos of children have no place here). */
    mediaAllowed: integer('media_allowed', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('workshop_sessions_join_code_idx').on(t.joinCode),
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
    /** For professionals: the kind of organisation, never its name (app/sessions/organisations.ts). */
    organisationType: text('organisation_type', { enum: organisationTypes }),
    /** Set when a facilitator removed the participant: the cookie no longer gives access. */
    removedAt: integer('removed_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('participants_session_idx').on(t.workshopSessionId)],
)

/** Co-facilitators a session's facilitator invited (other accounts): they may do everything on the canvas. */
export const sessionFacilitators = sqliteTable(
  'session_facilitators',
  {
    workshopSessionId: text('workshop_session_id')
      .notNull()
      .references(() => workshopSessions.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workshopSessionId, t.userId] }),
    index('session_facilitators_user_idx').on(t.userId),
  ],
)

/**
 * The collaboration rooms of a werksessie: one `main` canvas, and in private mode one `private`
 * room per person (owner = that person's collab subject). Rooms are created, found and deleted
 * by app/rooms/ only; their Yjs rows live in room_updates / room_snapshots / room_history.
 */
export const rooms = sqliteTable(
  'rooms',
  {
    id: text('id').primaryKey(),
    workshopSessionId: text('workshop_session_id')
      .notNull()
      .references(() => workshopSessions.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['main', 'private'] }).notNull(),
    /** For a private room: the collab subject (`u:<id>` / `p:<id>`) it belongs to; null for main. */
    ownerSubject: text('owner_subject'),
    createdAt: createdAt(),
  },
  (t) => [
    index('rooms_session_idx').on(t.workshopSessionId),
    uniqueIndex('rooms_session_kind_owner_idx').on(t.workshopSessionId, t.kind, t.ownerSubject),
  ],
)

/**
 * Who made which tldraw record in a room, as the server saw it (never what a client claims):
 * the permission rules let participants change only what they made.
 */
export const recordOwners = sqliteTable(
  'record_owners',
  {
    roomId: text('room_id').notNull(),
    recordId: text('record_id').notNull(),
    subject: text('subject').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.recordId] })],
)

/** Frames the facilitator locked against participants (with everything inside them). */
export const sessionLocks = sqliteTable(
  'session_locks',
  {
    workshopSessionId: text('workshop_session_id')
      .notNull()
      .references(() => workshopSessions.id, { onDelete: 'cascade' }),
    frameId: text('frame_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workshopSessionId, t.frameId] })],
)

/** The timeline of a session: steps, closing and reopening, votes, reveals (for the summary). */
export const sessionEvents = sqliteTable(
  'session_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    workshopSessionId: text('workshop_session_id')
      .notNull()
      .references(() => workshopSessions.id, { onDelete: 'cascade' }),
    kind: text('kind', {
      // SQLite keeps kind as plain text (no CHECK): adding a kind needs no migration.
      enum: [
        'phase',
        'timer',
        'close',
        'reopen',
        'settings',
        'participant-removed',
        'facilitator-invited',
        'facilitator-removed',
        'vote-start',
        'vote-end',
        'private-on',
        'private-off',
        'reveal',
      ],
    }).notNull(),
    /** JSON with the event's details, e.g. {"phase":"ideeen"} or {"voteId":"…"} */
    data: text('data').notNull().default('{}'),
    /** the collab subject of who did it */
    bySubject: text('by_subject'),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('session_events_session_idx').on(t.workshopSessionId, t.at)],
)

/** Notes people contributed (canvas, phone or API), with the step and role, for the summary. */
export const contributions = sqliteTable(
  'contributions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    workshopSessionId: text('workshop_session_id')
      .notNull()
      .references(() => workshopSessions.id, { onDelete: 'cascade' }),
    roomId: text('room_id').notNull(),
    shapeId: text('shape_id').notNull(),
    subject: text('subject').notNull(),
    role: text('role').notNull(),
    phase: text('phase', { enum: sessionPhases }).notNull(),
    source: text('source', { enum: ['canvas', 'phone', 'api'] }).notNull(),
    /** Made in private mode: in the owner's private room until revealed. */
    private: integer('private', { mode: 'boolean' }).notNull().default(false),
    revealedAt: integer('revealed_at', { mode: 'timestamp_ms' }),
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
    /**
     * The sender's own key for this idea (the phone page makes one per idea): sending it again,
     * after a lost answer or from the offline outbox, finds this row instead of adding a second note.
     */
    clientKey: text('client_key'),
    createdAt: createdAt(),
  },
  (t) => [
    index('contributions_session_idx').on(t.workshopSessionId, t.phase),
    uniqueIndex('contributions_room_shape_idx').on(t.roomId, t.shapeId),
    uniqueIndex('contributions_client_key_idx').on(t.workshopSessionId, t.subject, t.clientKey),
  ],
)

/**
 * Photos participants added to a werksessie (only while the facilitator allows photos): the
 * re-encoded JPEG itself, served only to people in the session, deleted with it.
 */
export const assets = sqliteTable(
  'assets',
  {
    /** also the tldraw asset record's id, `asset:<id>` */
    id: text('id').primaryKey(),
    workshopSessionId: text('workshop_session_id')
      .notNull()
      .references(() => workshopSessions.id, { onDelete: 'cascade' }),
    /** the room whose canvas shows it */
    roomId: text('room_id').notNull(),
    /** who uploaded it: the identity's subject (`p:<participantId>`, `u:<userId>`) */
    subject: text('subject').notNull(),
    mimeType: text('mime_type').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('assets_session_idx').on(t.workshopSessionId)],
)

/** A dot vote on a frame (or the whole canvas) with N votes per person. */
export const votes = sqliteTable(
  'votes',
  {
    id: text('id').primaryKey(),
    workshopSessionId: text('workshop_session_id')
      .notNull()
      .references(() => workshopSessions.id, { onDelete: 'cascade' }),
    /** null: every note on the canvas */
    frameId: text('frame_id'),
    votesPerPerson: integer('votes_per_person').notNull(),
    startedBy: text('started_by'),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
    /** JSON [{shapeId, count}] ranked, written when the vote ends */
    results: text('results'),
  },
  (t) => [index('votes_session_idx').on(t.workshopSessionId)],
)

/**
 * One dot: anonymous to everyone but the server (voter is a collab subject, never shown), kept
 * out of the shared document. A person may put several dots on one note, up to the vote's N.
 */
export const ballots = sqliteTable(
  'ballots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    voteId: text('vote_id')
      .notNull()
      .references(() => votes.id, { onDelete: 'cascade' }),
    voter: text('voter').notNull(),
    shapeId: text('shape_id').notNull(),
    castAt: createdAt(),
  },
  (t) => [
    index('ballots_vote_voter_idx').on(t.voteId, t.voter),
    index('ballots_vote_shape_idx').on(t.voteId, t.shapeId),
  ],
)

/** A facilitator's saved frame, reusable as a template: the frame and its contents as tldraw records. */
export const templates = sqliteTable(
  'templates',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    phase: text('phase', { enum: sessionPhases }),
    /** JSON: the frame record first, then its descendants, positions relative to the frame */
    records: text('records').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('templates_user_idx').on(t.userId)],
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
    /**
     * The generation that made it visible (ADR 013): listed once cbs_data_state.generation has
     * reached it, so the row of an import still being written is not.
     */
    generation: integer('generation').notNull().default(0),
    /** Set by the one small transaction that removes it: no reader sees it or its values after that. */
    removedAt: integer('removed_at', { mode: 'timestamp_ms' }),
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
    /**
     * The generation that wrote it (ADR 013). Readers see rows up to cbs_data_state.generation and,
     * of a cell's rows, the newest; an import writes the next generation in short transactions.
     */
    generation: integer('generation').notNull().default(0),
  },
  (t) => [
    // Region first: profiles read by region, and an import writes region by region, so a short
    // transaction touches few pages of it (ADR 013). It also serves the lookups by region.
    uniqueIndex('indicator_values_cell_idx').on(t.regionCode, t.tableId, t.column, t.category, t.period, t.generation),
    index('indicator_values_generation_idx').on(t.generation),
    index('indicator_values_import_idx').on(t.importId, t.generation),
  ],
)

/**
 * One row (id 1): which generation of CBS figures readers see, how far the rows it replaced have
 * been deleted, and who is writing the next one (one writer at a time: an import or a removal).
 * See app/wijken/import/generations.server.ts and ADR 013.
 */
export const cbsDataState = sqliteTable(
  'cbs_data_state',
  {
    id: integer('id').primaryKey(),
    /** The newest generation readers see. */
    generation: integer('generation').notNull().default(0),
    /** Every row replaced by a generation up to this one has been deleted. */
    cleanedGeneration: integer('cleaned_generation').notNull().default(0),
    /** The writer holding the slot (a random token), its process and when it last wrote. */
    writer: text('writer'),
    writerPid: integer('writer_pid'),
    writerHeartbeatAt: integer('writer_heartbeat_at'),
  },
  () => [check('cbs_data_state_one_row', sql`id = 1`)],
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

/**
 * A regional table that is not in the catalogue ("eigen cijfers", issue 11): a CBS table outside
 * it, or a gemeente's, woningcorporatie's, police's, welfare organisation's or GGD's own aggregate
 * figures. Its values are CBS-style cells in indicator_values under `id` as table_id, in the
 * generations of ADR 013; this row and its indicators are written in the import's switch. See
 * docs/decisions/016-own-figures.md.
 */
export const ownTables = sqliteTable('own_tables', {
  /** `eigen-<organisation>-<table>`, the table_id of its values and imports. */
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  organisation: text('organisation').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
})

/**
 * One numeric column of an own table as an indicator: made from the header on its first import,
 * then the administrator's (a later import keeps these). Whether a figure may be shown is
 * app/wijken/privacy.ts's rule: a count falls under the minimum base, a rate (%, per …, an
 * average) needs `baseColumn` or the region's inhabitants.
 */
export const ownIndicators = sqliteTable(
  'own_indicators',
  {
    /** `<table id>.<column>`: in URLs and the API like a catalogue code. */
    code: text('code').primaryKey(),
    tableId: text('table_id')
      .notNull()
      .references(() => ownTables.id, { onDelete: 'cascade' }),
    /** The stored column (indicator_values.column): the header made into a key. */
    column: text('column').notNull(),
    /** The header as written in the file. */
    sourceColumn: text('source_column').notNull(),
    label: text('label').notNull(),
    /** The name in English; null: the Dutch `label` is shown in English too. */
    labelEn: text('label_en'),
    unit: text('unit').notNull(),
    definition: text('definition').notNull().default(''),
    kind: text('kind', { enum: ['count', 'rate'] }).notNull(),
    /** A column of the same table holding the count a rate is a share of. */
    baseColumn: text('base_column'),
    /** Which direction is unfavourable; null: neither (a context figure). */
    riskDirection: text('risk_direction', { enum: ['higher', 'lower'] }),
    inCocktail: integer('in_cocktail', { mode: 'boolean' }).notNull().default(false),
    /** A risk when the wijk's value is beyond this (in its unit); null: the catalogue's rule. */
    threshold: real('threshold'),
    decimals: integer('decimals').notNull().default(0),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('own_indicators_table_column_idx').on(t.tableId, t.column)],
)

export type OwnTable = typeof ownTables.$inferSelect
export type OwnIndicator = typeof ownIndicators.$inferSelect

export type Region = typeof regions.$inferSelect
export type CbsImport = typeof cbsImports.$inferSelect
export type IndicatorValue = typeof indicatorValues.$inferSelect
export type IndicatorRow = typeof indicators.$inferSelect

export type RoomRecord = typeof rooms.$inferSelect
export type SessionEvent = typeof sessionEvents.$inferSelect
export type Contribution = typeof contributions.$inferSelect
export type Asset = typeof assets.$inferSelect
export type Vote = typeof votes.$inferSelect
export type Ballot = typeof ballots.$inferSelect
export type Template = typeof templates.$inferSelect
export type RoomClient = typeof roomClients.$inferSelect
export type RoomHistoryEntry = typeof roomHistory.$inferSelect

export type User = typeof users.$inferSelect
export type WorkshopSession = typeof workshopSessions.$inferSelect
export type Participant = typeof participants.$inferSelect
export { participantRoles, type ParticipantRole } from './roles'

export * from './intervention-schema'
