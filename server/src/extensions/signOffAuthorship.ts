import { Root, type Role } from '@samskriv/schema'
import * as Y from 'yjs'

/** Who sends an update, as the server established it at the upgrade. */
export interface SignOffActor {
  userId: string
  role: Role
}

/**
 * Why `actor` may not apply `update` to the checklist sign-offs (`checks` root) of `doc`, or null.
 * The root guard knows only that the update writes there; this compares each sign-off before and
 * after the update, applied to a copy of the document (sign-offs are rare, so a whole copy is
 * affordable and exact):
 * - a sign-off written or changed carries the sender's own id in `by`: nobody signs in another's
 *   name, or edits another's sign-off in place;
 * - replacing or removing a sign-off is open to every analyst, as the checklist view offers it
 *   (a second analyst re-signs an item in their own name).
 * Anything else in the root than a sign-off map is refused.
 */
export function signOffRefusal(doc: Y.Doc, update: Uint8Array, actor: SignOffActor): string | null {
  const copy = new Y.Doc({ guid: doc.guid })
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    Y.applyUpdate(copy, update)
    const before = doc.getMap<unknown>(Root.checks)
    const after = copy.getMap<unknown>(Root.checks)
    for (const itemId of new Set([...before.keys(), ...after.keys()])) {
      const was = signOffOf(before.get(itemId))
      const is = signOffOf(after.get(itemId))
      if (canonical(was) === canonical(is)) continue
      if (is === 'unreadable') return 'En signering måste vara en signering.'
      if (is && is.by !== actor.userId) return 'En signering bär alltid signerarens eget id.'
    }
    return null
  } catch {
    return 'Signeringen kunde inte läsas.'
  } finally {
    copy.destroy()
  }
}

/** The same text for the same values, whatever order the keys were integrated in. */
function canonical(value: ReturnType<typeof signOffOf>): string {
  return typeof value === 'object' ? JSON.stringify(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))) : String(value)
}

/** A sign-off's values, undefined when there is none, 'unreadable' for anything else. */
function signOffOf(value: unknown): Record<string, unknown> | undefined | 'unreadable' {
  if (value === undefined) return undefined
  if (!(value instanceof Y.Map)) return 'unreadable'
  return value.toJSON() as Record<string, unknown>
}
