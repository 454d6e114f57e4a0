import type * as Y from 'yjs'

/** Removes the sign-off of a manual checklist item, so it waits for a new assessment. */
export function withdrawSignOff(doc: Y.Doc, itemId: string): void {
  doc.getMap('checks').delete(itemId)
}
