import type { CheckStatus } from '../CheckReport.ts'

/** What an automatic rule concluded; the engine adds the item's id, title and kind. */
export interface RuleOutcome {
  status: Exclude<CheckStatus, 'pending'>
  /** Swedish, addressed to the writer. */
  message: string
  /** The section the writer should open to act on the message. */
  sectionKey?: string
}
