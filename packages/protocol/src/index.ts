export { MessageType } from './lib/messageType.ts'
export type { MessageTypeValue } from './lib/messageType.ts'
export { CloseCodes, RELOAD_CLOSE_CODES, FATAL_CLOSE_CODES, shouldReconnect } from './lib/CloseCodes.ts'
export type { CloseEvent, CloseCodeName } from './lib/CloseCodes.ts'
export {
  SyncType,
  MalformedMessageError,
  decodeMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdateMessage,
  encodeAwarenessMessage,
  encodeQueryAwareness,
} from './lib/messages.ts'
export type { IncomingMessage } from './lib/messages.ts'
export { decodeAwarenessUpdate, encodeAwarenessUpdate } from './lib/awarenessCodec.ts'
export type { AwarenessEntry } from './lib/awarenessCodec.ts'
export { userColor } from './lib/userColor.ts'
