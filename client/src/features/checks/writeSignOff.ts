import { hashSectionText } from '@samskriv/checks'
import { sectionPlainText } from '@samskriv/schema'
import * as Y from 'yjs'

export interface SignOffInput {
  itemId: string
  sectionId?: string
  status: 'pass' | 'warn' | 'fail'
  note: string
  userId: string
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
    if (input.sectionId) entry.set('sectionHash', hashSectionText(sectionPlainText(doc, input.sectionId)))
    doc.getMap('checks').set(input.itemId, entry)
  })
  return at
}
