import { verdictOf, type CheckItemResult } from '@samskriv/checks'
import type { ChecksResponse } from '../../api/client.ts'
import { t } from '../../app/i18n.ts'
import type { SectionHash } from './sectionHashes.ts'

/**
 * A sign-off in the report whose section no longer has the hash it recorded: the server's
 * `manualResult` would call it stale now. Staleness the report already states is left as is.
 */
function staleNow(item: CheckItemResult, hashes: ReadonlyMap<string, SectionHash>): SectionHash | undefined {
  if (item.kind !== 'manual' || item.stale || !item.signOff || !item.sectionId) return undefined
  const section = hashes.get(item.sectionId)
  // A section gone from the document: the report says so at its next run.
  if (!section || section.hash === item.signOff.sectionHash) return undefined
  return section
}

/**
 * The report with each sign-off whose section changed since the report ran marked stale, as the
 * next run would mark it (pending, `stale`, a message asking for a new assessment), and the
 * verdict read again over those items. `hashes`: the live document's (`sectionHashes`), so the
 * panel follows an edit at once instead of showing a verdict on text nobody signed. A stale
 * sign-off of `userId`'s own is told to them as theirs ("sedan du signerade"), not in the third person.
 */
export function withLiveStaleness(report: ChecksResponse, hashes: ReadonlyMap<string, SectionHash>, userId?: string): ChecksResponse {
  let changed = false
  const groups = report.groups.map((group) => ({
    ...group,
    items: group.items.map((item): CheckItemResult => {
      const section = staleNow(item, hashes)
      const own = item.signOff !== undefined && item.signOff.by === userId
      if (!item.signOff || !(section || (item.stale && own && item.sectionId && hashes.has(item.sectionId)))) return item
      changed = true
      const title = (section ?? hashes.get(item.sectionId!))!.title
      const date = item.signOff.at.slice(0, 10)
      return {
        ...item,
        status: 'pending',
        stale: true,
        message: own
          ? t('checksChangedSinceOwnSignOff', { section: title, date })
          : t('checksChangedSinceSignOff', { section: title, signer: item.signOff.byName ?? item.signOff.by, date }),
      }
    }),
  }))
  if (!changed) return report
  return { ...report, groups, verdict: verdictOf(groups.flatMap((group) => group.items)) }
}

/** The ids of the report's items that are stale (shown as needing a new sign-off). */
export function staleItemIds(report: ChecksResponse): Set<string> {
  return new Set(report.groups.flatMap((group) => group.items.filter((item) => item.stale).map((item) => item.id)))
}
