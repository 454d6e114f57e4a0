import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { Root } from '@samskriv/schema'

/** A section lock as the server writes it into the `locks` root. */
export interface SectionLock {
  by: string
  byName: string
  at: string
  reason: string
}

function toLock(value: unknown): SectionLock {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>
  return {
    by: typeof v.by === 'string' ? v.by : '',
    byName: typeof v.byName === 'string' ? v.byName : '',
    at: typeof v.at === 'string' ? v.at : '',
    reason: typeof v.reason === 'string' ? v.reason : '',
  }
}

/** Sections the server has locked, by section id; the client makes them read-only (except for coordinators). */
export function useLockedSections(doc: Y.Doc | null): ReadonlyMap<string, SectionLock> {
  const [locked, setLocked] = useState<ReadonlyMap<string, SectionLock>>(new Map())
  useEffect(() => {
    if (!doc) return
    const locks = doc.getMap(Root.locks)
    const update = () => setLocked(new Map([...locks.entries()].map(([id, value]) => [id, toLock(value)])))
    update()
    locks.observe(update)
    return () => locks.unobserve(update)
  }, [doc])
  return locked
}
