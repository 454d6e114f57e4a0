import type { BulletLine } from './parseBulletLine.ts'
import type { RawHeading } from './resolveHeadingMonths.ts'

/** One line of pasted plan text, classified. */
export type PlanTextLine =
  | { kind: 'blank' }
  | { kind: 'heading'; heading: RawHeading }
  | { kind: 'bullet'; bullet: BulletLine }
  | { kind: 'text'; text: string; indent: number }
  /** Shaped like a month heading but naming no month; an error or plain text, by context. */
  | {
      kind: 'bad-heading'
      text: string
      word: string
      suggestion: string | null
      hasYear: boolean
      isRange: boolean
    }
