import { useCallback, useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { createPlanRemovals } from './planRemovals.ts'
import type { PlanRemovals, RemovedActivity } from './planRemovals.ts'

/** What the plan panel says about this user's latest removal or undo. */
export type RemovalNotice =
  | { kind: 'removed'; activity: RemovedActivity }
  | { kind: 'restored'; activity: RemovedActivity }

export interface PlanRemovalsState {
  notice: RemovalNotice | null
  remove: (id: string) => void
  undo: () => void
}

/** "Ta bort" with an "Ångra" for the plan (see createPlanRemovals), one undo history per document. */
export function usePlanRemovals(doc: Y.Doc): PlanRemovalsState {
  const [removals, setRemovals] = useState<PlanRemovals | null>(null)
  const [notice, setNotice] = useState<RemovalNotice | null>(null)
  useEffect(() => {
    const created = createPlanRemovals(doc)
    setRemovals(created)
    setNotice(null)
    return () => created.destroy()
  }, [doc])

  const remove = useCallback((id: string) => {
    const activity = removals?.remove(id)
    if (activity) setNotice({ kind: 'removed', activity })
  }, [removals])
  const undo = useCallback(() => {
    const activity = removals?.undo()
    setNotice(activity ? { kind: 'restored', activity } : null)
  }, [removals])
  return { notice, remove, undo }
}
