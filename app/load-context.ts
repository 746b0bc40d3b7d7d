import type * as Y from 'yjs'
import type { RoomHistoryEntry } from '../db/schema'

/**
 * What routes may ask of the collaboration server, which lives in server/ and is handed to
 * Remix as load context (server/app-server.ts). Routes depend on this interface, not on server/.
 */
export interface CollabControl {
  /**
   * Deletes a room for good (docs/decisions/005-deleting-a-werksessie.md): `alongside` (the
   * app's rows that let people in, e.g. the werksessie) and the room's stored content in one
   * transaction, all or nothing; then, in the same tick, closes the live room with 4410 and
   * drops it from memory without saving.
   */
  deleteRoom(roomId: string, alongside: () => void): void
  /** Closes the collab connections opened with this login (logout), with 4401. */
  endLogin(loginId: string): void
  /** The subjects (`u:<id>`, `p:<id>`) with an open connection to a room now, each once. */
  connectedSubjects(roomId: string): string[]
  /** Closes a subject's connections to a room with an application close code (e.g. a removed participant). */
  closeSubject(roomId: string, subject: string, code: number, reason: string): number
  /** The moments kept of each room (docs/collab-protocol.md, "History"). */
  history: {
    /** newest first, without their state */
    list(roomId: string): { id: number; takenAt: Date; reason: RoomHistoryEntry['reason'] }[]
    /** the whole room at that moment (a Yjs update), or undefined if the room has no such moment */
    get(roomId: string, id: number): Uint8Array | undefined
  }
  /**
   * Changes a room as the server, loading it if it is not in memory: committed, then relayed to
   * everyone in it, like a client's change. With `remember`, a moment of the room as it was is
   * kept first, in the same tick.
   */
  transact<T>(roomId: string, fn: (doc: Y.Doc) => T, options?: { remember?: 'restore' }): Promise<T>
}

declare module '@remix-run/node' {
  interface AppLoadContext {
    collab: CollabControl
    /** The client's network address, to count failed logins and wrong join codes per client. */
    clientAddress: string
  }
}
