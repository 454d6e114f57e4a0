import type * as Y from 'yjs'

// Same name as `Root.plan` in @samskriv/schema; repeated here because this package may not
// depend on schema (package.json is owned elsewhere) and the name is part of the stored format.
const PLAN_ROOT = 'plan'

/**
 * The `plan` root, or null when the name is already bound to another shared type (Yjs throws
 * then). Readers treat null as an empty plan; writers refuse.
 */
export function planArray(doc: Y.Doc): Y.Array<unknown> | null {
  try {
    return doc.getArray<unknown>(PLAN_ROOT)
  } catch {
    return null
  }
}
