import type { ChecksResponse } from '../../api/client.ts'
import type { SectionHash } from './sectionHashes.ts'

/** The report on screen and the sections it ran on, as kept for this tab. */
export interface KeptReport {
  report: ChecksResponse
  ranOn: ReadonlyMap<string, SectionHash>
}

const keyOf = (documentId: string) => `samskriv:checks:${documentId}`

/**
 * The last report this tab ran on the document, kept in sessionStorage: switching the language
 * reloads the page, and an analyst should not lose the report (and its live staleness) to that.
 * Null when there is none or it cannot be read.
 */
export function readKeptReport(documentId: string): KeptReport | null {
  try {
    const kept = JSON.parse(globalThis.sessionStorage?.getItem(keyOf(documentId)) ?? 'null') as {
      report?: ChecksResponse
      ranOn?: Array<[string, SectionHash]>
    } | null
    if (!kept?.report || !Array.isArray(kept.ranOn) || kept.report.documentId !== documentId) return null
    return { report: kept.report, ranOn: new Map(kept.ranOn) }
  } catch {
    return null
  }
}

/** Keeps `kept` for this tab (nothing when storage is full or off). */
export function keepReport(documentId: string, kept: KeptReport): void {
  try {
    globalThis.sessionStorage?.setItem(keyOf(documentId), JSON.stringify({ report: kept.report, ranOn: [...kept.ranOn] }))
  } catch {
    // The report stays on screen; only a reload loses it, as before.
  }
}
