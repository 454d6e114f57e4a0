import { getTemplate, type SectionTemplate, type TemplateId } from '@samskriv/schema'

/** What the history view needs to know about one section beyond its text. */
export interface SectionTraits {
  /** A 'plan' section: its activities live in the `plan` root, which versions do not restore. */
  plan: boolean
}

export interface TemplateTraits {
  /** The document has a plan section, so it has a time plan that no restore touches. */
  hasPlan: boolean
  traitsOf(sectionTitle: string): SectionTraits
}

const TEXT: SectionTraits = { plan: false }

function sectionTraits(section: SectionTemplate): SectionTraits {
  return { plan: section.kind === 'plan' }
}

/**
 * A document's section traits, from its template. Versions name their sections by id and title,
 * not kind, so a section is known by its template title; one renamed since reads as plain text.
 */
export function templateTraits(template: TemplateId | undefined): TemplateTraits {
  const sections = template ? getTemplate(template).sections : []
  const byTitle = new Map(sections.map((section) => [section.title, sectionTraits(section)]))
  return {
    hasPlan: sections.some((section) => section.kind === 'plan'),
    traitsOf: (sectionTitle) => byTitle.get(sectionTitle) ?? TEXT,
  }
}
