import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/** One entry of an awareness update: `state === null` means the client went away. */
export interface AwarenessEntry {
  clientId: number
  clock: number
  state: Record<string, unknown> | null
}

/**
 * Decodes the payload of an awareness message (y-protocols `awareness.js` format). Entries whose
 * client id `accept` refuses are skipped unparsed: the stock provider echoes every presence update
 * it receives back to the server, so most entries a server reads are other clients' states it drops.
 */
export function decodeAwarenessUpdate(update: Uint8Array, accept: (clientId: number) => boolean = () => true): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const entries: AwarenessEntry[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    if (!accept(clientId)) {
      // A string is written as its UTF-8 bytes with their length in front: skipped, not decoded.
      decoding.readVarUint8Array(decoder)
      continue
    }
    const parsed: unknown = JSON.parse(decoding.readVarString(decoder))
    const state = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null
    entries.push({ clientId, clock, state })
  }
  return entries
}

export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId)
    encoding.writeVarUint(encoder, entry.clock)
    encoding.writeVarString(encoder, JSON.stringify(entry.state))
  }
  return encoding.toUint8Array(encoder)
}
