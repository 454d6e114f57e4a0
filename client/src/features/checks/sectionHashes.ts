import { readSections } from '@samskriv/schema'
import type * as Y from 'yjs'
import { signOffSectionHash } from './writeSignOff.ts'

/** A section as a sign-off sees it: the hash it would record now, and its title for messages. */
export interface SectionHash {
  hash: string
  title: string
}

/** Every section's sign-off hash (`signOffSectionHash`, as the server reads it), by section id. */
export function sectionHashes(doc: Y.Doc): Map<string, SectionHash> {
  return new Map(
    readSections(doc).map((section) => [section.id, { hash: signOffSectionHash(doc, section.id, section.kind), title: section.title }]),
  )
}

/** Whether any section was added, removed, or changed its text or structured values between the two readings. */
export function sectionsChanged(before: ReadonlyMap<string, SectionHash>, after: ReadonlyMap<string, SectionHash>): boolean {
  if (before.size !== after.size) return true
  for (const [id, { hash }] of before) if (after.get(id)?.hash !== hash) return true
  return false
}
