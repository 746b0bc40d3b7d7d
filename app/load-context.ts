/**
 * What routes may ask of the collaboration server, which lives in server/ and is handed to
 * Remix as load context (server/app-server.ts). Routes depend on this interface, not on server/.
 */
export interface CollabControl {
  /** Closes the live room of a deleted werksessie and drops it from memory, without saving. */
  removeRoom(roomId: string): void
}

declare module '@remix-run/node' {
  interface AppLoadContext {
    collab: CollabControl
    /** The client's network address, to count failed logins and wrong join codes per client. */
    clientAddress: string
  }
}
