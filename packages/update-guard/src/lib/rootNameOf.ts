import type * as Y from 'yjs'

type AnyType = Y.AbstractType<unknown>

// Reverse index of `doc.share`, rebuilt on a miss: roots are only ever added, but `doc.get(name, Y.Map)`
// may swap a root's placeholder object for a typed one, so a cached entry can go stale, never wrong.
const reverseShares = new WeakMap<Y.Doc, Map<AnyType, string>>()

function indexShares(doc: Y.Doc): Map<AnyType, string> {
  const index = new Map<AnyType, string>()
  for (const [name, type] of doc.share) index.set(type as AnyType, name)
  reverseShares.set(doc, index)
  return index
}

/** The name under which `type` is a root of `doc`, or undefined if it is not one of its roots. */
export function rootNameOf(doc: Y.Doc, type: AnyType): string | undefined {
  const cached = reverseShares.get(doc)?.get(type)
  return cached ?? indexShares(doc).get(type)
}
