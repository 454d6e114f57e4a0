import { DISCARDED_ROOT, type WriteTarget } from '@samskriv/schema'
import * as Y from 'yjs'

/**
 * The oracle: applies `update` to `doc` and reports the (root, top-level key) of every type Yjs
 * says changed, and discarded content (new GC structs). Deliberately independent of the guard's code (it reads the transaction, not the
 * update). Types created by the update are covered by the existing type they were inserted into.
 */
export function changedTargets(doc: Y.Doc, update: Uint8Array): WriteTarget[] {
  const changed = new Map<string, WriteTarget>()
  const record = (target: WriteTarget): void => {
    changed.set(JSON.stringify([target.root, target.key ?? null]), target)
  }
  const observe = (transaction: Y.Transaction): void => {
    for (const [type, keys] of transaction.changed) {
      if (type._item === null) {
        const root = Y.findRootTypeKey(type)
        for (const key of keys) record(key === null ? { root } : { root, key })
        continue
      }
      let item: Y.Item = type._item
      while ((item.parent as Y.AbstractType<unknown>)._item !== null) {
        item = (item.parent as Y.AbstractType<unknown>)._item as Y.Item
      }
      const root = Y.findRootTypeKey(item.parent as Y.AbstractType<unknown>)
      record(item.parentSub === null ? { root } : { root, key: item.parentSub })
    }
  }
  const before = Y.decodeStateVector(Y.encodeStateVector(doc))
  doc.on('afterTransaction', observe)
  try {
    Y.applyUpdate(doc, update)
  } finally {
    doc.off('afterTransaction', observe)
  }
  // New structs that are GCs after applying: discarded content, which no type reports as changed.
  for (const [client, structs] of doc.store.clients) {
    const known = before.get(client) ?? 0
    if (structs.some((struct) => struct instanceof Y.GC && struct.id.clock + struct.length > known)) record({ root: DISCARDED_ROOT })
  }
  return [...changed.values()]
}

/** Does Yjs hold back anything of what was applied to `doc` (structs or deletions it cannot place)? */
export function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null
}
