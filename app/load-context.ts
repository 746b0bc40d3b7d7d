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
}

declare module '@remix-run/node' {
  interface AppLoadContext {
    collab: CollabControl
    /** The client's network address, to count failed logins and wrong join codes per client. */
    clientAddress: string
  }
}
