import type { SectionKind, TemplateId } from '@samskriv/schema'

/** An analyst's verdict on a manual checklist item (stored in the `checks` root). */
export interface SignOff {
  status: 'pass' | 'warn' | 'fail'
  note: string
  by: string
  /** ISO time of the sign-off. */
  at: string
  /**
   * `sectionSignOffHash` of the concerned section (its text and structured values) when signed;
   * a different hash now means stale.
   */
  sectionHash?: string
  /** The signer's name, for messages; filled in by whoever reads the document (`by` is an id). */
  byName?: string
}

/**
 * One section as the checks see it. Structured kinds carry their values in `fields`:
 * - participants: `{ women, men, total }`, each a number or "Ej aktuellt"
 * - budget: `{ rows: [{ label, amount }], total?, financing: [{ funder, amount, esf? }],
 *   cofinancingPercent?, requiredCofinancingPercent? }`
 * - indicators: `{ rows: [{ goal, indicator, baseline, target, bySex? }] }`
 * - plan: `{ activities: [{ title, start: 'YYYY-MM', end: 'YYYY-MM' }], periodStart?, periodEnd? }`
 * - the ESF+ overview: `{ start?: 'YYYY-MM-DD', end?: 'YYYY-MM-DD', ... }`
 */
export interface CheckSection {
  id: string
  key: string
  title: string
  /** Plain text, paragraphs separated by `\n`. */
  text: string
  charLimit: number | null
  required: boolean
  kind?: SectionKind
  fields?: Record<string, unknown>
}

/** Everything the engine needs, already read out of the Y.Doc: the engine itself knows no Yjs. */
export interface CheckDocument {
  templateId: TemplateId
  templateVersion: number
  sections: CheckSection[]
  signOffs: Record<string, SignOff>
}
