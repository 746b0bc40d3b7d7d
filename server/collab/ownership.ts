/**
 * Who introduced which Yjs client id in a room, and how many bytes each subject has stored there.
 * Loaded with the room (room_clients), kept in memory, and written by the storage in the same
 * transaction as the update that introduced an id or added bytes (see RoomStorage.append).
 */

/** A room_clients row as the storage loads it. */
export interface ClientOwnership {
  clientId: number
  subject: string
  bytes: number
}

/** What an update adds to the ownership table, stored with it in one transaction. */
export interface UpdateOwner {
  subject: string
  /** client ids the update introduces: new rows owned by `subject` */
  introduced: number[]
  /** the client id whose row counts the update's stored bytes, or null if the subject has none yet */
  accountTo: number | null
  /** bytes stored for this update */
  bytes: number
}

export class RoomOwnership {
  private readonly owners = new Map<number, string>()
  private readonly bytesBySubject = new Map<string, number>()
  /** the first client id each subject introduced: the row bytes are counted on when no other fits */
  private readonly firstClient = new Map<string, number>()

  constructor(rows: ClientOwnership[] = []) {
    for (const row of rows) {
      this.own(row.clientId, row.subject)
      this.bytesBySubject.set(row.subject, (this.bytesBySubject.get(row.subject) ?? 0) + row.bytes)
    }
  }

  ownerOf(clientId: number): string | undefined {
    return this.owners.get(clientId)
  }

  bytesOf(subject: string): number {
    return this.bytesBySubject.get(subject) ?? 0
  }

  /**
   * The ownership change an update from `subject` makes once stored: the ids it introduces, and
   * the row its bytes are counted on (its first new-content client, else the subject's first).
   */
  ownerFor(subject: string, clients: number[], introduced: number[], bytes: number): UpdateOwner {
    return { subject, introduced, accountTo: clients[0] ?? this.firstClient.get(subject) ?? null, bytes }
  }

  /** Called once the update carrying `owner` is committed. */
  stored(owner: UpdateOwner): void {
    for (const clientId of owner.introduced) this.own(clientId, owner.subject)
    // A subject without any row (it only deleted so far) is counted in memory only; what it can
    // delete is bounded by what exists, and a no-op delete is not stored at all.
    this.bytesBySubject.set(owner.subject, this.bytesOf(owner.subject) + owner.bytes)
  }

  private own(clientId: number, subject: string): void {
    this.owners.set(clientId, subject)
    if (!this.firstClient.has(subject)) this.firstClient.set(subject, clientId)
  }
}
