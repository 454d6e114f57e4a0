import type { SectionStatus } from './documentModel.ts'
import type { FieldsView } from './fieldsView/FieldsBlock.ts'

// The shapes of the version history API's answers (GET …/versions/:id and …/diff), shared by
// the server that builds them and the client that shows them.

/** A stretch of text with the marks the history view shows. */
export interface VersionRun {
  text: string
  bold?: true
  italic?: true
  strike?: true
}

/** One block in reading order; lists and quotes are flattened onto their paragraphs. */
export interface VersionBlock {
  type: 'paragraph' | 'heading' | 'listItem' | 'code'
  /** Heading level, or nesting depth of a list item (0 at the top). */
  level?: number
  ordered?: boolean
  runs: VersionRun[]
}

export interface VersionSection {
  id: string
  title: string
  status: SectionStatus
  blocks: VersionBlock[]
  /** Its structured values (tables, the overview's facts) as the exports show them, when it has any. */
  fields?: FieldsView
}

export interface DiffOp {
  type: 'equal' | 'insert' | 'delete'
  text: string
  /** For insertions: who wrote the inserted characters, when known. */
  authors?: string[]
}

export interface SectionDiff {
  id: string
  /** The section's title in the newer state (the older one's when the section was removed). */
  title: string
  /** `added`/`removed`: the section exists only in the newer/older state. */
  change: 'unchanged' | 'changed' | 'added' | 'removed'
  /** Set when the title itself changed. */
  previousTitle?: string
  /** Set when the section's structured values (tables, the overview's facts) differ; `ops` is the text's diff only. */
  fieldsChanged?: true
  ops: DiffOp[]
  /** Everyone known to have written inserted text in this section. */
  authors?: string[]
}
