import { textSplice } from '@samskriv/schema'
import * as Y from 'yjs'
import type { ActivityPatch } from './Activity.ts'
import { SHARED_TEXT_KEYS } from './activityMap.ts'
import { editActivity } from './editActivity.ts'
import { isSameValue } from './isSameValue.ts'
import { storedFields } from './storedFields.ts'

/**
 * Changes some fields of an activity. Only keys whose value actually changes are written,
 * each as its own map key, so two users editing different fields of the same activity at the
 * same time both keep their edit. Every copy is updated (a concurrent double move leaves two),
 * so whichever copy a reader shows carries the edit. A title or phase that is a shared text is
 * changed in place, only where it differs. Returns false when no activity has that id;
 * throws (writing nothing) on an invalid value.
 *
 * @example
 * updateActivity(doc, id, { status: 'pagar' })
 */
export function updateActivity(doc: Y.Doc, id: string, patch: ActivityPatch): boolean {
  const fields = storedFields(patch)
  return editActivity(doc, id, (map) => {
    for (const [key, value] of fields) {
      const current = map.get(key)
      // A shared text keeps being one: replacing it would drop what someone types into it now.
      if (current instanceof Y.Text && SHARED_TEXT_KEYS.has(key) && typeof value === 'string') spliceInto(current, value)
      else if (!isSameValue(current, value)) map.set(key, value)
    }
  })
}

/** Makes `text` read `next`, writing only the stretch that differs (never half an emoji). */
function spliceInto(text: Y.Text, next: string): void {
  const { index, remove, insert } = textSplice(text.toString(), next)
  if (remove > 0) text.delete(index, remove)
  if (insert) text.insert(index, insert)
}
