import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { MessageType } from './messageType.ts'

/** Sync sub-types of y-protocols `sync.js`. */
export const SyncType = { step1: 0, step2: 1, update: 2 } as const

/** A decoded incoming frame. Unknown or truncated frames throw `MalformedMessageError`. */
export type IncomingMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array }
  | { type: 'sync-update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }
  | { type: 'auth' }

export class MalformedMessageError extends Error {
  override name = 'MalformedMessageError'
}

export function decodeMessage(data: Uint8Array): IncomingMessage {
  try {
    const decoder = decoding.createDecoder(data)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MessageType.sync: {
        const syncType = decoding.readVarUint(decoder)
        const payload = decoding.readVarUint8Array(decoder)
        if (syncType === SyncType.step1) return { type: 'sync-step1', stateVector: payload }
        if (syncType === SyncType.step2) return { type: 'sync-step2', update: payload }
        if (syncType === SyncType.update) return { type: 'sync-update', update: payload }
        throw new MalformedMessageError(`unknown sync type ${syncType}`)
      }
      case MessageType.awareness:
        return { type: 'awareness', update: decoding.readVarUint8Array(decoder) }
      case MessageType.queryAwareness:
        return { type: 'query-awareness' }
      case MessageType.auth:
        return { type: 'auth' }
      default:
        throw new MalformedMessageError(`unknown message type ${type}`)
    }
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error
    throw new MalformedMessageError(error instanceof Error ? error.message : 'unreadable frame')
  }
}

function syncMessage(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, syncType)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

export const encodeSyncStep1 = (stateVector: Uint8Array): Uint8Array => syncMessage(SyncType.step1, stateVector)
export const encodeSyncStep2 = (update: Uint8Array): Uint8Array => syncMessage(SyncType.step2, update)
export const encodeUpdateMessage = (update: Uint8Array): Uint8Array => syncMessage(SyncType.update, update)

export function encodeAwarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.awareness)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

export function encodeQueryAwareness(): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.queryAwareness)
  return encoding.toUint8Array(encoder)
}
