import { countChars, type TemplateDefinition } from '@samskriv/schema'
import type { CheckDocument, CheckSection } from './CheckDocument.ts'
import { lixDetails, type LixDetails } from './text/lixDetails.ts'
import { lixOfSentences } from './text/lixOfSentences.ts'
import { sectionSignOffHash } from './text/sectionSignOffHash.ts'
import { splitSentences } from './text/splitSentences.ts'
import { tokenize, type Token } from './text/tokenize.ts'
import type { FamilyMatch, WordFamily } from './text/wordFamily.ts'

interface Analysis {
  /** True when the section has field strings, so `sentences` is more than its own text. */
  withFields: boolean
  tokens: Token[]
  sentences: string[]
  matches: Map<WordFamily, FamilyMatch[]>
  lix?: LixDetails
  hash?: string
  chars?: number
}

// Field values (plan activity titles, budget row labels) are text the writer typed too, so
// word rules read them. Keys are visited in sorted order: a Y.Map's key order is not stable
// across peers, and the report must be.
function fieldStrings(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value)
  else if (Array.isArray(value)) for (const item of value) fieldStrings(item, out)
  else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>
    for (const key of Object.keys(record).sort()) fieldStrings(record[key], out)
  }
  return out
}

/**
 * The document as the rules read it: sections by key in document order, and per section
 * the tokens, sentences, LIX and word-family matches, each computed once per run. Several
 * rules read the same sections with the same families; the memo keeps a 100-page document
 * fast without changing any answer.
 */
export class DocumentIndex {
  readonly doc: CheckDocument
  readonly template: TemplateDefinition
  private readonly analyses = new Map<CheckSection, Analysis>()

  constructor(doc: CheckDocument, template: TemplateDefinition) {
    this.doc = doc
    this.template = template
  }

  /** Sections whose key is in `keys` (all when omitted), minus `excludeKeys`, in document order. */
  sections(keys?: readonly string[], excludeKeys: readonly string[] = []): CheckSection[] {
    return this.doc.sections.filter(
      (section) =>
        (keys === undefined || keys.includes(section.key)) && !excludeKeys.includes(section.key),
    )
  }

  /** The first section with this key, if the document has one. */
  section(key: string): CheckSection | undefined {
    return this.doc.sections.find((section) => section.key === key)
  }

  /** The title a section has in this document, else in the template, else its key. */
  titleOf(key: string): string {
    return (
      this.section(key)?.title ?? this.template.sections.find((s) => s.key === key)?.title ?? key
    )
  }

  tokens(section: CheckSection): Token[] {
    return this.analysis(section).tokens
  }

  sentences(section: CheckSection): string[] {
    return this.analysis(section).sentences
  }

  matches(section: CheckSection, family: WordFamily): FamilyMatch[] {
    const analysis = this.analysis(section)
    let found = analysis.matches.get(family)
    if (!found) {
      found = family.match(analysis.tokens)
      analysis.matches.set(family, found)
    }
    return found
  }

  /** LIX of the section's own text (not its fields: a budget table has no sentences). */
  lix(section: CheckSection): LixDetails {
    const analysis = this.analysis(section)
    analysis.lix ??= analysis.withFields
      ? lixDetails(section.text)
      : lixOfSentences(analysis.sentences)
    return analysis.lix
  }

  chars(section: CheckSection): number {
    const analysis = this.analysis(section)
    analysis.chars ??= countChars(section.text)
    return analysis.chars
  }

  /** What a sign-off of this section must have recorded: its text and structured values. */
  hash(section: CheckSection): string {
    const analysis = this.analysis(section)
    analysis.hash ??= sectionSignOffHash(section.text, section.fields)
    return analysis.hash
  }

  private analysis(section: CheckSection): Analysis {
    let analysis = this.analyses.get(section)
    if (!analysis) {
      const strings = fieldStrings(section.fields ?? {}, [])
      const sentences = splitSentences([section.text, ...strings].join('\n'))
      const tokens = sentences.flatMap((sentence, index) => tokenize(sentence, index))
      analysis = { withFields: strings.length > 0, tokens, sentences, matches: new Map() }
      this.analyses.set(section, analysis)
    }
    return analysis
  }
}
