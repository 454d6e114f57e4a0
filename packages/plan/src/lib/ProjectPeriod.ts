import type { YearMonth } from './YearMonth.ts'

/** The project's first and last month; either may be unknown (not yet filled in). */
export interface ProjectPeriod {
  start: YearMonth | null
  end: YearMonth | null
}

/**
 * Where a document keeps its project period: two keys of one section's entry in the `fields`
 * root. The period is template data, not plan data, so it shares that section's lock.
 */
export interface ProjectPeriodSource {
  sectionId: string
  startKey: string
  endKey: string
}
