import * as Y from 'yjs'

/**
 * A copy of `doc` with `update` applied, for checks that compare a document before and after an
 * update (section rules, sign-offs: human-rate changes, so a whole copy is affordable and exact).
 * Undefined when the update cannot be applied. The caller destroys it.
 */
export function documentAfter(doc: Y.Doc, update: Uint8Array): Y.Doc | undefined {
  const copy = new Y.Doc({ guid: doc.guid })
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    Y.applyUpdate(copy, update)
    return copy
  } catch {
    copy.destroy()
    return undefined
  }
}
