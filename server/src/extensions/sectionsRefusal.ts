import { Root, sectionKeyOf, sectionKindOf, type Role } from '@samskriv/schema'
import * as Y from 'yjs'

interface SectionEntryState {
  required: boolean
  status: unknown
  /** What the section holds (text, plan, a form) as readers see it: its template's, for good. */
  kind: string
  /** The key readers find it by (`sectionKeyOf`: its `key`, or its id without one). */
  key: string
  /** As written: a new section's must be plain text or absent, so `kind`/`key` above say all there is. */
  written: { kind: unknown; key: unknown }
}

interface SectionsState {
  entries: Map<string, SectionEntryState>
  outline: Set<string>
}

/**
 * Why turning the document `before` into `after` (a copy with the update applied, see
 * documentAfter) would do to the section list what `role` may not, or null. The root guard sees
 * only *where* an update writes; this compares the `sections` entries and the `outline` before
 * and after, so no encoding of the same change escapes it:
 * - a required template section keeps its entry, marked required, and its place in the outline,
 *   for everyone;
 * - a locked section stays in the outline unless a coordinator moves it out (the outline is what
 *   lists a section: the editor, the checks, export and restore skip one that is not in it);
 * - only a coordinator approves a section (`status: godkand`, DESIGN.md);
 * - a section's `kind`, template `key` and `required` never change, for anyone: the plan's lock, the
 *   forms and the checks find their section by them, and a section marked required can never go;
 * - a new section is a free text section, as the app adds them: kind text, not required, and a key
 *   no other section holds. Otherwise a copy of a template section, put first in the outline, would
 *   take over that section's checks and its analyst's sign-off while the real one was rewritten.
 * Moving a section (taking its id out of the outline and putting it back) changes nothing here.
 */
export function sectionsRefusal(before: Y.Doc, after: Y.Doc, role: Role, isLocked: (sectionId: string) => boolean): string | null {
  const was = sectionsState(before)
  const is = sectionsState(after)
  for (const [id, entry] of was.entries) {
    if (!entry.required) continue
    if (is.entries.get(id)?.required !== true) return 'Obligatoriska avsnitt kan inte tas bort.'
    if (was.outline.has(id) && !is.outline.has(id)) return 'Obligatoriska avsnitt kan inte tas bort.'
  }
  for (const [id, entry] of was.entries) {
    const now = is.entries.get(id)
    if (now && (now.kind !== entry.kind || now.key !== entry.key)) return 'Ett avsnitts typ kan inte ändras.'
    if (now && now.required !== entry.required) return 'Om ett avsnitt är obligatoriskt bestäms av mallen.'
  }
  const keyHolders = new Map<string, number>()
  for (const entry of is.entries.values()) keyHolders.set(entry.key, (keyHolders.get(entry.key) ?? 0) + 1)
  for (const [id, entry] of is.entries) {
    if (was.entries.has(id)) continue
    const { kind, key } = entry.written
    if ((kind !== undefined && kind !== 'text') || (key !== undefined && typeof key !== 'string')) return 'Ett nytt avsnitt kan bara vara ett textavsnitt.'
    if (entry.required) return 'Om ett avsnitt är obligatoriskt bestäms av mallen.'
    // Counted as readers find sections: a section without `key` goes by its id.
    if (keyHolders.get(entry.key)! > 1) return 'Det finns redan ett avsnitt med samma nyckel.'
  }
  if (role === 'coordinator') return null
  for (const id of was.outline) {
    if (isLocked(id) && !is.outline.has(id)) return 'Ett låst avsnitt kan bara flyttas eller tas bort av en samordnare.'
  }
  for (const [id, entry] of is.entries) {
    if (entry.status === 'godkand' && was.entries.get(id)?.status !== 'godkand') return 'Bara en samordnare kan godkänna ett avsnitt.'
  }
  return null
}

function sectionsState(doc: Y.Doc): SectionsState {
  const entries = new Map<string, SectionEntryState>()
  for (const [id, entry] of doc.getMap<unknown>(Root.sections)) {
    // Not a Y.Map: no reader takes it for a section (readSections skips it).
    if (!(entry instanceof Y.Map)) continue
    const map = entry as Y.Map<unknown>
    entries.set(id, {
      required: map.get('required') === true,
      status: map.get('status'),
      kind: sectionKindOf(map),
      key: sectionKeyOf(id, map),
      written: { kind: map.get('kind'), key: map.get('key') },
    })
  }
  const outline = new Set(doc.getArray<unknown>(Root.outline).toArray().filter((id): id is string => typeof id === 'string'))
  return { entries, outline }
}
