/** A warning or error about pasted plan text, tied to a 1-based line of that text. */
export interface PlanTextMessage {
  line: number
  /** Swedish, ready to show next to the line in the import preview. */
  message: string
}
