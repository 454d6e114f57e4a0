import type { VersionSummary } from './versionsApi.ts'

/** One page of `GET /api/documents/:id/versions`; `nextBefore` is set when more may follow. */
export interface VersionPage {
  versions: VersionSummary[]
  nextBefore: string | null
}

/**
 * Appends an older page to the versions already shown. Versions already in the list are left out,
 * so a version saved between two requests is never shown twice.
 */
export function appendPage(shown: VersionSummary[], page: VersionPage): { versions: VersionSummary[]; added: VersionSummary[] } {
  const known = new Set(shown.map((version) => version.id))
  const added = page.versions.filter((version) => !known.has(version.id))
  return { versions: [...shown, ...added], added }
}
