import { sectionSignOffHash } from '@samskriv/checks'
import { readCheckedFields } from '@samskriv/plan'
import { readSections, sectionPlainText } from '@samskriv/schema'
import * as Y from 'yjs'

export interface SignOffInput {
  itemId: string
  sectionId?: string
  status: 'pass' | 'warn' | 'fail'
  note: string
  userId: string
}

/**
 * The hash a sign-off of this section records: its text and structured values (with a plan
 * section's activities), read exactly as the server reads them for the report
 * (server/src/services/readCheckDocument.ts), so a fresh sign-off is not stale at once.
 */
export function signOffSectionHash(
  doc: Y.Doc,
  sectionId: string,
  kind = readSections(doc).find((section) => section.id === sectionId)?.kind,
): string {
  return sectionSignOffHash(sectionPlainText(doc, sectionId), readCheckedFields(doc, sectionId, kind))
}

/** Writes an analyst's sign-off into the `checks` root in one transaction; returns its time. */
export function writeSignOff(doc: Y.Doc, input: SignOffInput): string {
  const at = new Date().toISOString()
  doc.transact(() => {
    const entry = new Y.Map<string>()
    entry.set('status', input.status)
    entry.set('note', input.note)
    entry.set('by', input.userId)
    entry.set('at', at)
    if (input.sectionId) entry.set('sectionHash', signOffSectionHash(doc, input.sectionId))
    doc.getMap('checks').set(input.itemId, entry)
  })
  return at
}
