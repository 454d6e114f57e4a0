/** Top-level message types of the y-websocket wire protocol (y-websocket-server `src/utils.js`). */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const

export type MessageTypeValue = (typeof MessageType)[keyof typeof MessageType]
