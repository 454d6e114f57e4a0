/** The little the placement needs to know about a section (SectionInfo fits). */
export interface FieldsSection {
  key: string
  kind: string
}

/**
 * Whether a section has structured values, and where they go: above its text when the values are
 * the answer (overview, participants, budget), under it when the text leads (indicators). The
 * document page's form, the print view and the exports all place them by this. The ESF+ overview
 * is found by key, as the checks (`plan-dates`) and the plan panel find it.
 */
export function fieldsPlacement(section: FieldsSection): 'before' | 'after' | null {
  if (section.kind === 'indicators') return 'after'
  if (section.kind === 'participants' || section.kind === 'budget' || section.key === 'oversikt') return 'before'
  return null
}
