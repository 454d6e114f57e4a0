import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { sectionHashes, sectionsChanged, type SectionHash } from './sectionHashes.ts'

/** At most one reading per this many ms while someone types (a reading hashes every section). */
const READ_INTERVAL_MS = 300

/**
 * The document's section hashes, read again as it changes (local or remote edits), while
 * `active`; `null` until the first reading. A new map only when a hash changed, so typing
 * re-renders the panel at most once per interval, and only when something it shows may differ.
 */
export function useSectionHashes(doc: Y.Doc, active: boolean): ReadonlyMap<string, SectionHash> | null {
  const [hashes, setHashes] = useState<ReadonlyMap<string, SectionHash> | null>(null)
  useEffect(() => {
    if (!active) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const read = () => {
      timer = undefined
      const next = sectionHashes(doc)
      setHashes((previous) => (previous && !sectionsChanged(previous, next) ? previous : next))
    }
    // A throttle, not a debounce: someone typing without a pause still sees the state follow.
    const schedule = () => {
      timer ??= setTimeout(read, READ_INTERVAL_MS)
    }
    timer = setTimeout(read, 0)
    doc.on('update', schedule)
    return () => {
      doc.off('update', schedule)
      clearTimeout(timer)
    }
  }, [doc, active])
  return hashes
}
