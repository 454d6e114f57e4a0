import * as Y from 'yjs'

/** What a hand-written struct hangs on: a root name (plus key), or origins. */
export interface ForgedItem {
  client: number
  clock: number
  text: string
  origin?: Y.ID
  rightOrigin?: Y.ID
  root?: string
  key?: string
}

/**
 * Encodes items the way no honest client would arrange them (blocks in the given order, no
 * delete set), to reach the guard's cycle and ordering checks. Consecutive items of one client
 * share a block and must have consecutive clocks.
 */
export function forgeUpdate(items: readonly ForgedItem[]): Uint8Array {
  const blocks: ForgedItem[][] = []
  for (const item of items) {
    const last = blocks[blocks.length - 1]
    if (last?.[0]?.client === item.client) last.push(item)
    else blocks.push([item])
  }
  const encoder = new Y.UpdateEncoderV1()
  encoder.writeLen(blocks.length)
  for (const block of blocks) {
    encoder.writeLen(block.length)
    encoder.writeClient(block[0]?.client ?? 0)
    encoder.writeLen(block[0]?.clock ?? 0)
    for (const item of block) toItem(item).write(encoder, 0)
  }
  encoder.writeLen(0) // empty delete set
  return encoder.toUint8Array()
}

function toItem(item: ForgedItem): Y.Item {
  const parent =
    item.origin === undefined && item.rightOrigin === undefined ? (item.root ?? null) : null
  return new Y.Item(
    Y.createID(item.client, item.clock),
    null,
    item.origin ?? null,
    null,
    item.rightOrigin ?? null,
    // Item.write accepts a root name here ("edge case added by differential updates").
    parent as unknown as Y.AbstractType<unknown> | null,
    item.key ?? null,
    new Y.ContentString(item.text),
  )
}
