import { Root } from '@samskriv/schema'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

type Struct = Y.Item | Y.GC

/**
 * A copy of a document's `comments` root only, to try a client update on before the real document
 * takes it. Everything outside the root is kept as garbage-collected placeholders of the same
 * clocks, so the copy integrates updates exactly like the document (a comment reply must follow
 * the same client's text edits) at a fraction of the memory and none of the copying per update.
 *
 * Built once from the document, then kept current by following every transaction on it. An update
 * tried here and then refused (here or by a later check) leaves the copy ahead of the document:
 * `tryUpdate` notices that the document never took it and rebuilds, so a doubt costs one rebuild
 * and never a wrong verdict.
 */
export class CommentsMirror {
  private copy: Y.Doc | null = null
  /** Origin of the update last tried and accepted here, until the document applies it. */
  private awaited: unknown = null
  private readonly follow = (transaction: Y.Transaction) => this.followDocument(transaction)
  /** Per thread key, the ids of the document's messages in it; null until first asked. */
  private idsByThread: Map<string, string[]> | null = null
  /** How many of the document's messages hold each id (older documents may repeat one). */
  private readonly idCounts = new Map<string, number>()
  private readonly followIds = (transaction: Y.Transaction) => this.followMessageIds(transaction)

  constructor(readonly doc: Y.Doc) {}

  /**
   * Applies `update` to the copy and returns the copy's comments root with the keys of the threads
   * it changed (added, edited or removed), or null when the update cannot be read. `origin` is the origin the document will
   * apply the update with: until a transaction of that origin happens on the document, the copy is
   * treated as ahead. Call `discard()` when the update is refused.
   */
  tryUpdate(update: Uint8Array, origin: unknown): { comments: Y.Map<unknown>; touched: Set<string> } | null {
    // The update last accepted here never reached the document (a later check refused it).
    if (this.awaited !== null) this.discard()
    const copy = this.current()
    const comments = copy.getMap<unknown>(Root.comments)
    const touched = new Set<string>()
    const collect = (transaction: Y.Transaction) => touchedThreads(transaction, comments, touched)
    copy.on('afterTransaction', collect)
    this.awaited = origin
    try {
      Y.applyUpdate(copy, update)
    } catch {
      this.discard()
      return null
    } finally {
      copy.off('afterTransaction', collect)
    }
    // The document would park what the copy parks: refuse rather than judge half an update.
    if (copy.store.pendingStructs !== null || copy.store.pendingDs !== null) {
      this.discard()
      return null
    }
    return { comments, touched }
  }

  /**
   * Whether a message of the document holds `id` (not counting an update tried here and not yet
   * taken). Kept per thread as the document changes, so asking costs nothing per thread.
   */
  holdsMessageId(id: string): boolean {
    this.messageIdIndex()
    return (this.idCounts.get(id) ?? 0) > 0
  }

  /** Forgets the copy (it holds an update the document did not take); the next use rebuilds it. */
  discard(): void {
    if (!this.copy) return
    this.doc.off('afterTransactionCleanup', this.follow)
    this.copy.destroy()
    this.copy = null
    this.awaited = null
  }

  destroy(): void {
    this.discard()
    if (this.idsByThread) this.doc.off('afterTransactionCleanup', this.followIds)
    this.idsByThread = null
    this.idCounts.clear()
  }

  /** Built once from the document (every thread), then only the threads a transaction touched. */
  private messageIdIndex(): void {
    if (this.idsByThread) return
    this.idsByThread = new Map()
    const comments = this.doc.getMap<unknown>(Root.comments)
    for (const key of comments.keys()) this.indexThread(key, comments)
    this.doc.on('afterTransactionCleanup', this.followIds)
  }

  private followMessageIds(transaction: Y.Transaction): void {
    const comments = this.doc.getMap<unknown>(Root.comments)
    const touched = new Set<string>()
    touchedThreads(transaction, comments, touched)
    for (const key of touched) this.indexThread(key, comments)
  }

  private indexThread(key: string, comments: Y.Map<unknown>): void {
    const byThread = this.idsByThread
    if (!byThread) return
    for (const id of byThread.get(key) ?? []) {
      const count = (this.idCounts.get(id) ?? 0) - 1
      if (count > 0) this.idCounts.set(id, count)
      else this.idCounts.delete(id)
    }
    const ids = messageIdsOf(comments.get(key))
    if (ids.length > 0) byThread.set(key, ids)
    else byThread.delete(key)
    for (const id of ids) this.idCounts.set(id, (this.idCounts.get(id) ?? 0) + 1)
  }

  private current(): Y.Doc {
    if (this.copy) return this.copy
    // The document's guid: a default one costs 31 random numbers (see Room.newDoc).
    const copy = new Y.Doc({ gc: true, guid: this.doc.guid })
    Y.applyUpdate(copy, commentsOnlyUpdate(this.doc, new Map(), Y.createDeleteSetFromStructStore(this.doc.store)))
    this.doc.on('afterTransactionCleanup', this.follow)
    this.copy = copy
    return copy
  }

  private followDocument(transaction: Y.Transaction): void {
    if (!this.copy) return
    if (transaction.origin === this.awaited) this.awaited = null
    if (!changedStore(transaction)) return
    Y.applyUpdate(this.copy, commentsOnlyUpdate(this.doc, transaction.beforeState, transaction.deleteSet))
  }
}

const changedStore = (transaction: Y.Transaction) =>
  transaction.deleteSet.clients.size > 0 || [...transaction.afterState].some(([client, clock]) => clock !== (transaction.beforeState.get(client) ?? 0))

/** Adds to `into` the keys of the threads `transaction` added, changed or removed in `comments`. */
function touchedThreads(transaction: Y.Transaction, comments: Y.Map<unknown>, into: Set<string>): void {
  for (const [changed, keys] of transaction.changed) {
    const type = changed as unknown as Y.AbstractType<unknown>
    if (type === comments) for (const key of keys) if (key !== null) into.add(key)
    const thread = threadKeyOf(type, comments)
    if (thread !== null) into.add(thread)
  }
}

/** The message ids in a thread, however it is shaped. */
function messageIdsOf(thread: unknown): string[] {
  const messages = thread instanceof Y.Map ? thread.get('messages') : undefined
  if (!(messages instanceof Y.Array)) return []
  const ids: string[] = []
  for (const message of messages.toArray()) {
    const id = message instanceof Y.Map ? message.get('id') : undefined
    if (typeof id === 'string') ids.push(id)
  }
  return ids
}

/** The key in `comments` of the thread that `type` is (or lies inside), or null. */
function threadKeyOf(type: Y.AbstractType<unknown>, comments: Y.Map<unknown>): string | null {
  let current: Y.AbstractType<unknown> = type
  while (current._item) {
    const parent = current._item.parent
    if (parent === comments) return current._item.parentSub
    if (!(parent instanceof Y.AbstractType)) return null
    current = parent
  }
  return null
}

/** The root type an item lies in (after it was integrated), or null. */
function rootOf(item: Y.Item): Y.AbstractType<unknown> | null {
  let parent = item.parent
  while (parent instanceof Y.AbstractType && parent._item) parent = parent._item.parent
  return parent instanceof Y.AbstractType ? parent : null
}

/**
 * A v1 update with `doc`'s structs from the clocks in `from` on, in which every struct outside the
 * `comments` root is written as a garbage-collected range (runs of them as one), plus `deleteSet`.
 */
export function commentsOnlyUpdate(doc: Y.Doc, from: Map<number, number>, deleteSet: { clients: Map<number, Array<{ clock: number; len: number }>> }): Uint8Array {
  const comments = doc.getMap<unknown>(Root.comments)
  const encoder = new Y.UpdateEncoderV1()
  const runs: Array<{ client: number; clock: number; parts: Array<{ struct: Struct; offset: number } | number> }> = []
  for (const [client, structs] of doc.store.clients as Map<number, Struct[]>) {
    const last = structs[structs.length - 1]
    const start = Math.max(from.get(client) ?? 0, structs[0]?.id.clock ?? 0)
    if (!last || start >= last.id.clock + last.length) continue
    // Each part is a struct of the comments root to write as it is, or a length of placeholder.
    const parts: Array<{ struct: Struct; offset: number } | number> = []
    for (let index = Y.findIndexSS(structs, start); index < structs.length; index++) {
      const struct = structs[index] as Struct
      // Only the first struct may begin before `start`: the document merged it with older ones.
      const offset = Math.max(0, start - struct.id.clock)
      if (struct instanceof Y.Item && rootOf(struct) === comments) {
        parts.push({ struct, offset })
      } else {
        const length = struct.length - offset
        const previous = parts[parts.length - 1]
        if (typeof previous === 'number') parts[parts.length - 1] = previous + length
        else parts.push(length)
      }
    }
    runs.push({ client, clock: start, parts })
  }
  // Yjs writes clients in descending order; integration does not depend on it, but keep its shape.
  runs.sort((a, b) => b.client - a.client)
  encoding.writeVarUint(encoder.restEncoder, runs.length)
  for (const { client, clock, parts } of runs) {
    encoding.writeVarUint(encoder.restEncoder, parts.length)
    encoder.writeClient(client)
    encoding.writeVarUint(encoder.restEncoder, clock)
    for (const part of parts) {
      if (typeof part === 'number') {
        encoder.writeInfo(0) // a GC struct
        encoder.writeLen(part)
      } else {
        part.struct.write(encoder, part.offset)
      }
    }
  }
  const clients = [...deleteSet.clients].filter(([, ranges]) => ranges.length > 0).sort(([a], [b]) => b - a)
  encoding.writeVarUint(encoder.restEncoder, clients.length)
  for (const [client, ranges] of clients) {
    encoding.writeVarUint(encoder.restEncoder, client)
    encoding.writeVarUint(encoder.restEncoder, ranges.length)
    for (const { clock, len } of [...ranges].sort((a, b) => a.clock - b.clock)) {
      encoding.writeVarUint(encoder.restEncoder, clock)
      encoding.writeVarUint(encoder.restEncoder, len)
    }
  }
  return encoder.toUint8Array()
}
