/** The collaboration server's public surface; see docs/collab-protocol.md. */
export { attachCollabServer, DEFAULT_HISTORY_INTERVAL_MS, type CollabServer, type CollabServerOptions } from './server'
export {
  createAuthenticator,
  parseRoomPath,
  ROOM_ID_PATTERN,
  type Authenticate,
  type AuthenticatorDeps,
  type TokenCheck,
  type TokenClaims,
} from './auth'
export type { AccessResult, CollabPeer } from './peer'
export { acceptAllPolicy, SERVER_ORIGIN, type Logger, type PolicyResult, type Room, type RoomPolicy } from './room'
export { RoomRegistry } from './registry'
export {
  SqliteRoomStorage,
  type CompactResult,
  type HistoryMoment,
  type HistoryReason,
  type RoomStorage,
  type StoredRoom,
} from './storage'
export { DEFAULT_RETENTION, momentsToPrune, type RetentionPolicy } from './history'
export { CloseCode } from './protocol'
export { DEFAULT_RATE_LIMIT, type RateLimit } from './connection'
