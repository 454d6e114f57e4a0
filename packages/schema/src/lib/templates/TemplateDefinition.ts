import type { TemplateId } from './templateIds.ts'

/**
 * What a section holds besides its text. Structured kinds keep their values in the
 * `fields` root (participants, budget, indicator table) or the `plan` root (activities).
 */
export const SECTION_KINDS = ['text', 'plan', 'participants', 'budget', 'indicators'] as const

export type SectionKind = (typeof SECTION_KINDS)[number]

/** One section of a template: what the writer sees before writing a word. */
export interface SectionTemplate {
  /** Stable slug; checklists and stored documents refer to sections by it, so never rename one. */
  readonly key: string
  readonly title: string
  /** What to write, in the product's own Swedish words. */
  readonly guidance: string
  /** Characters, spaces included, counted with `countChars`; null when the form sets no limit. */
  readonly charLimit: number | null
  readonly required: boolean
  /** Defaults to 'text'. */
  readonly kind?: SectionKind
  /** Question number in the ESF+ form (e.g. '2.1'), so writers can copy answers to the right box. */
  readonly number?: string
  /** Language of the section when it is not Swedish (WCAG 3.1.2 `lang` on the English summary). */
  readonly lang?: 'en'
  /** Easy-read sections carry a LIX ceiling; the checks engine enforces it. */
  readonly maxLix?: number
  /** For 'plan' sections: characters allowed per activity description. */
  readonly itemCharLimit?: number
}

/** A template as data: the sections a new document is created with. */
export interface TemplateDefinition {
  readonly id: TemplateId
  /** Bumped whenever sections change; documents record the version they were created from. */
  readonly version: number
  readonly title: string
  readonly description: string
  readonly sections: readonly SectionTemplate[]
}
