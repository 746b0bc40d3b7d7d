/**
 * Who made which record in a room, as the server saw it (record_owners): never taken from what a
 * client claims. The policy writes a row for each record a client update creates, in that
 * update's own commit (PolicyResult.alongside). Kept in memory per loaded room.
 */
import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { recordOwners } from '../../db/schema'

/** Rows per insert statement (3 columns each, well below SQLite's variable limit). */
const ROWS_PER_INSERT = 300

export class RecordOwners {
  /**
   * Per room id: the owners, loaded for one in-memory room object. A room that failed and was
   * loaded again is a new object, so owners claimed for updates that were never stored go too.
   */
  private readonly rooms = new Map<string, { room: object; owners: Map<string, string> }>()

  private readonly selectOne

  constructor(private readonly db: Db) {
    this.selectOne = db
      .select({ subject: recordOwners.subject })
      .from(recordOwners)
      .where(
        and(eq(recordOwners.roomId, sql.placeholder('roomId')), eq(recordOwners.recordId, sql.placeholder('recordId'))),
      )
      .prepare()
  }

  /** The owners of a loaded room's records (read from the database on first use). */
  of(roomId: string, room: object): Map<string, string> {
    const cached = this.rooms.get(roomId)
    if (cached && cached.room === room) return cached.owners
    const rows = this.db
      .select({ recordId: recordOwners.recordId, subject: recordOwners.subject })
      .from(recordOwners)
      .where(eq(recordOwners.roomId, roomId))
      .all()
    const owners = new Map(rows.map((row) => [row.recordId, row.subject]))
    this.rooms.set(roomId, { room, owners })
    return owners
  }

  /**
   * Claims records for a subject: in memory now, and returns the write to run in the update's
   * commit, or undefined if they all have an owner already. The first owner stays (a record is
   * made once; a drag writes the same record again and again).
   */
  claim(roomId: string, room: object, subject: string, recordIds: string[]): (() => void) | undefined {
    const owners = this.of(roomId, room)
    const fresh = recordIds.filter((id) => this.ownerOf(roomId, room, id) === undefined)
    if (fresh.length === 0) return undefined
    for (const id of fresh) owners.set(id, subject)
    return () => writeOwners(this.db, roomId, subject, fresh)
  }

  /**
   * Who made a record: from memory, else from the database (a server write may have claimed it
   * for someone since the room was loaded, claimRecords).
   */
  ownerOf(roomId: string, room: object, recordId: string): string | undefined {
    const owners = this.of(roomId, room)
    const known = owners.get(recordId)
    if (known !== undefined) return known
    const row = this.selectOne.get({ roomId, recordId })
    if (row) owners.set(recordId, row.subject)
    return row?.subject
  }
}

function writeOwners(db: Db, roomId: string, subject: string, recordIds: string[]): void {
  for (let i = 0; i < recordIds.length; i += ROWS_PER_INSERT) {
    const rows = recordIds.slice(i, i + ROWS_PER_INSERT).map((recordId) => ({ roomId, recordId, subject }))
    db.insert(recordOwners).values(rows).onConflictDoNothing().run()
  }
}

/**
 * For server writes that make records on someone's behalf (e.g. a note sent from a phone): they
 * become that person's, so they can change and delete them on the canvas. Call it inside the
 * `collab.transact` that writes them (the policy looks a record it does not know up here).
 */
export function claimRecords(db: Db, roomId: string, subject: string, recordIds: string[]): void {
  writeOwners(db, roomId, subject, recordIds)
}
