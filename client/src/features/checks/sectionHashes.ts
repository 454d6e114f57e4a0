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

/**
 * `previous` with the hashes of the sections in `changed` read again (a section no longer listed
 * is dropped): typing in one section re-hashes that section, not the whole document.
 */
export function updatedSectionHashes(doc: Y.Doc, previous: ReadonlyMap<string, SectionHash>, changed: ReadonlySet<string>): Map<string, SectionHash> {
  const next = new Map(previous)
  const sections = new Map(readSections(doc).map((section) => [section.id, section]))
  for (const id of changed) {
    const section = sections.get(id)
    if (section) next.set(id, { hash: signOffSectionHash(doc, id, section.kind), title: section.title })
    else next.delete(id)
  }
  return next
}

/** Whether any section was added, removed, or changed its text or structured values between the two readings. */
export function sectionsChanged(before: ReadonlyMap<string, SectionHash>, after: ReadonlyMap<string, SectionHash>): boolean {
  if (before.size !== after.size) return true
  for (const [id, { hash }] of before) if (after.get(id)?.hash !== hash) return true
  return false
}
