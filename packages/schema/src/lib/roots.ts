/** Names of the top-level shared types in every Samskriv Y.Doc (DESIGN.md, document model). */
export const Root = {
  meta: 'meta',
  outline: 'outline',
  sections: 'sections',
  fields: 'fields',
  locks: 'locks',
  comments: 'comments',
  plan: 'plan',
  checks: 'checks',
} as const

export type FixedRoot = (typeof Root)[keyof typeof Root]

/**
 * Not a root: the place of content that arrives already garbage-collected (a GC struct, or an item
 * whose neighbour or parent is one, which Yjs turns into a GC). It shows nowhere, but it is still a
 * write: it takes up the document's clocks and bytes for good. The update guard reports it as a
 * target of this name, so that the permission table can refuse it to a role that writes nothing.
 */
export const DISCARDED_ROOT = '(discarded)'

const SECTION_PREFIX = 'section:'

/** The XmlFragment root that holds one section's rich text. */
export function sectionRoot(sectionId: string): string {
  return SECTION_PREFIX + sectionId
}

/** The section id of a `section:<id>` root name, or undefined for any other root. */
export function sectionIdOfRoot(root: string): string | undefined {
  return root.startsWith(SECTION_PREFIX) ? root.slice(SECTION_PREFIX.length) : undefined
}

/**
 * Something an update changes: a root, and for map roots the top-level key under it.
 * Map roots are guarded per key (a locked section's entry in `sections` is locked too).
 */
export interface WriteTarget {
  root: string
  key?: string
}
