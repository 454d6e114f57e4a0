import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { Root } from '@samskriv/schema'

/** Ids of sections the server has locked; the client makes them read-only. */
export function useLockedSections(doc: Y.Doc | null): ReadonlySet<string> {
  const [locked, setLocked] = useState<ReadonlySet<string>>(new Set())
  useEffect(() => {
    if (!doc) return
    const locks = doc.getMap(Root.locks)
    const update = () => setLocked(new Set(locks.keys()))
    update()
    locks.observe(update)
    return () => locks.unobserve(update)
  }, [doc])
  return locked
}
