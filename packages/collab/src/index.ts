export { Connection } from './lib/Connection.ts'
export type { ConnectionContext, ConnectionLimits, WebSocketLike } from './lib/Connection.ts'
export { Room, REMOTE_ORIGIN, SERVER_ORIGIN, StorageUnavailableError } from './lib/Room.ts'
export type { RoomOptions, ServerService, ServerStatusState } from './lib/Room.ts'
export { RoomRegistry } from './lib/RoomRegistry.ts'
export type { RoomRegistryOptions } from './lib/RoomRegistry.ts'
export type {
  RoomExtension,
  BeforeApplyUpdatePayload,
  AfterStoreUpdatePayload,
  ConnectionPayload,
} from './lib/RoomExtension.ts'
export { UpdateRejectedError } from './lib/UpdateRejectedError.ts'
