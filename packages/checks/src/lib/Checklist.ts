import type { TemplateId } from '@samskriv/schema'
import type { Principle } from './CheckReport.ts'
import type { WordFamily } from './text/wordFamily.ts'

/** How an unmet rule counts: "warn" items never fail a document on their own. */
export type Severity = 'fail' | 'warn'

/** Section keys a text rule reads; omitted means every section of the document. */
type Scope = { sectionKeys?: readonly string[] }

export type Rule =
  /** Every required section (by the document and by its template) has text or field values. */
  | { type: 'required-filled' }
  /** No section's `countChars` exceeds its char limit. */
  | { type: 'char-limits' }
  /** At least `minHits` matches of any of the families. */
  | (Scope & {
      type: 'mentions'
      families: readonly WordFamily[]
      minHits: number
      missing: Severity
    })
  /** Every group must be found; `none` when no group is, `some` when only some are. */
  | (Scope & { type: 'coverage'; groups: readonly WordFamily[]; none: Severity; some: Severity })
  /** A number within `window` words of a family match ("52 % av kvinnorna"). */
  | (Scope & {
      type: 'number-near'
      families: readonly WordFamily[]
      window: number
      missing: Severity
    })
  /** If `trigger` occurs, one of `required` must occur too. */
  | (Scope & {
      type: 'mentions-if'
      trigger: WordFamily
      required: readonly WordFamily[]
      missing: Severity
    })
  /** None of the terms may occur; each carries the term to use instead. */
  | (Scope & {
      type: 'avoid'
      terms: readonly { family: WordFamily; suggestion: string }[]
      found: Severity
    })
  /** One sentence that matches `first` and one of `others`. */
  | (Scope & {
      type: 'same-sentence'
      first: WordFamily
      others: readonly WordFamily[]
      missing: Severity
    })
  /**
   * LIX of each section in scope (minus `excludeKeys`) at most `maxLix`. Sections under
   * `minWords` words are skipped: LIX of a few words says nothing. `missing` applies when
   * no section in scope has text.
   */
  | (Scope & {
      type: 'lix'
      excludeKeys?: readonly string[]
      maxLix: number
      over: Severity
      missing?: Severity
      minWords: number
    })
  /** Participants: women + men = total, or all three "Ej aktuellt". */
  | { type: 'gender-split'; sectionKey: string }
  /** Budget rows sum to the total, financing covers it, co-financing share meets the call. */
  | { type: 'budget-sums'; sectionKey: string; minCofinancingPercent?: number }
  /** An indicator row flagged by sex, or the text says "per kön"/names women and men. */
  | (Scope & {
      type: 'indicators-by-sex'
      families: readonly WordFamily[]
      pair: readonly [WordFamily, WordFamily]
    })
  /** Every indicator row has a goal, an indicator, a baseline and a target. */
  | { type: 'indicators-complete'; sectionKey: string }
  /** Activities start before they end and lie inside the project period. */
  | { type: 'plan-dates'; sectionKey: string; periodSectionKey?: string }
  /** An analyst decides; `sectionKey` is the text whose hash a sign-off records. */
  | { type: 'manual'; sectionKey?: string }

export interface ChecklistItem {
  /** Stable once shipped: sign-offs are stored under it. */
  readonly id: string
  readonly principle: Principle
  readonly title: string
  readonly kind: 'automatic' | 'manual'
  /** Swedish: what the writer should add or change (automatic) or what the analyst judges (manual). */
  readonly advice: string
  readonly rule: Rule
}

export interface Checklist {
  readonly id: string
  /** Calendar-based ("2026-1") so reports say which rules they were checked against. */
  readonly version: string
  readonly templateId: TemplateId
  readonly title: string
  readonly items: readonly ChecklistItem[]
}
