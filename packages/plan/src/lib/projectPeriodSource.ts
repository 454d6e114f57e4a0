import type { ProjectPeriodSource } from './ProjectPeriod.ts'

/** The little this package needs to know about a section (SectionInfo of @samskriv/schema fits). */
export interface PeriodSection {
  id: string
  key: string
  kind?: string | null
}

/**
 * Where the project period lives, by the same convention as the checks engine (`plan-dates`):
 * an ESF+ document states it in its overview section (`fields[<oversikt>].start/end`, dates or
 * months), a färdplan on its plan section (`fields[<plan section>].periodStart/periodEnd`).
 * Null when the document has neither section.
 *
 * @example
 * const source = projectPeriodSource(readSections(doc))
 */
export function projectPeriodSource(sections: readonly PeriodSection[]): ProjectPeriodSource | null {
  const overview = sections.find((section) => section.key === 'oversikt')
  if (overview) return { sectionId: overview.id, startKey: 'start', endKey: 'end' }
  const plan = sections.find((section) => section.kind === 'plan')
  if (plan) return { sectionId: plan.id, startKey: 'periodStart', endKey: 'periodEnd' }
  return null
}
