import { SIGN_OFF_NOTE_MAX_CHARS } from '@samskriv/checks'
import { canonicalJson, Root, type Role } from '@samskriv/schema'
import * as Y from 'yjs'

/** Who sends an update, as the server established it at the upgrade. */
export interface SignOffActor {
  userId: string
  role: Role
}

/**
 * Why `actor` may not change the checklist sign-offs (`checks` root) of the document `before` into
 * those of `after` (a copy with the update applied, see documentAfter), or null. The root guard
 * knows only that the update writes there; this compares each sign-off:
 * - a sign-off written or changed carries the sender's own id in `by`: nobody signs in another's
 *   name, or edits another's sign-off in place;
 * - replacing or removing a sign-off is open to every analyst, as the checklist view offers it
 *   (a second analyst re-signs an item in their own name).
 * - a note written or changed is text of at most SIGN_OFF_NOTE_MAX_CHARS characters (the form stops
 *   there; a longer one came from elsewhere and would fill every printed report).
 * Anything else in the root than a sign-off map is refused.
 */
export function signOffRefusal(before: Y.Doc, after: Y.Doc, actor: SignOffActor): string | null {
  const was = before.getMap<unknown>(Root.checks)
  const is = after.getMap<unknown>(Root.checks)
  for (const itemId of new Set([...was.keys(), ...is.keys()])) {
    const signed = signOffOf(is.get(itemId))
    if (canonical(signOffOf(was.get(itemId))) === canonical(signed)) continue
    if (signed === 'unreadable') return 'En signering måste vara en signering.'
    if (signed && signed.by !== actor.userId) return 'En signering bär alltid signerarens eget id.'
    if (signed && noteTooLong(signed.note)) return `En signerings anteckning får vara högst ${SIGN_OFF_NOTE_MAX_CHARS} tecken.`
  }
  return null
}

/** A note that is not text, or longer than the form allows (an absent note is fine). */
function noteTooLong(note: unknown): boolean {
  if (note === undefined) return false
  return typeof note !== 'string' || note.length > SIGN_OFF_NOTE_MAX_CHARS
}

/** The same text for the same values, whatever order the keys were integrated in. */
function canonical(value: ReturnType<typeof signOffOf>): string {
  return typeof value === 'object' ? canonicalJson(value) : String(value)
}

/** A sign-off's values, undefined when there is none, 'unreadable' for anything else. */
function signOffOf(value: unknown): Record<string, unknown> | undefined | 'unreadable' {
  if (value === undefined) return undefined
  if (!(value instanceof Y.Map)) return 'unreadable'
  return value.toJSON() as Record<string, unknown>
}
