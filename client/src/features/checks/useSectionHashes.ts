import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { ALL_SECTIONS, changedSections } from './changedSections.ts'
import { sectionHashes, sectionsChanged, updatedSectionHashes, type SectionHash } from './sectionHashes.ts'

/** At most one reading per this many ms while someone types. */
const READ_INTERVAL_MS = 300

/**
 * The document's section hashes, read again as it changes (local or remote edits), while
 * `active`: only the sections a change touched are hashed again, and a change to comments or
 * sign-offs reads nothing; `null` until the first reading. A new map only when a hash changed,
 * so typing re-renders the panel at most once per interval, and only when something it shows may
 * differ.
 */
export function useSectionHashes(doc: Y.Doc, active: boolean): ReadonlyMap<string, SectionHash> | null {
  const [hashes, setHashes] = useState<ReadonlyMap<string, SectionHash> | null>(null)
  useEffect(() => {
    if (!active) return
    let timer: ReturnType<typeof setTimeout> | undefined
    // The sections changed since the last reading; all of them before the first.
    let changed: Set<string> | typeof ALL_SECTIONS = ALL_SECTIONS
    let last: Map<string, SectionHash> | null = null
    const read = () => {
      timer = undefined
      const next = last && changed !== ALL_SECTIONS ? updatedSectionHashes(doc, last, changed) : sectionHashes(doc)
      changed = new Set()
      last = next
      setHashes((previous) => (previous && !sectionsChanged(previous, next) ? previous : next))
    }
    const handleTransaction = (transaction: Y.Transaction) => {
      const found = changedSections(doc, transaction)
      if (found === ALL_SECTIONS) changed = ALL_SECTIONS
      else if (found.size === 0) return
      else if (changed !== ALL_SECTIONS) for (const id of found) changed.add(id)
      // A throttle, not a debounce: someone typing without a pause still sees the state follow.
      schedule()
    }
    const schedule = () => {
      timer ??= setTimeout(read, READ_INTERVAL_MS)
    }
    timer = setTimeout(read, 0)
    doc.on('afterTransaction', handleTransaction)
    return () => {
      doc.off('afterTransaction', handleTransaction)
      clearTimeout(timer)
    }
  }, [doc, active])
  return hashes
}
