import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { readPlan } from '@samskriv/plan'
import type { Activity } from '@samskriv/plan'

/** The plan's activities, live: any change to the `plan` root (or a row in it) re-renders. */
export function usePlan(doc: Y.Doc): Activity[] {
  const [activities, setActivities] = useState<Activity[]>(() => readPlan(doc))
  useEffect(() => {
    const plan = doc.getArray('plan')
    const update = () => setActivities(readPlan(doc))
    update()
    plan.observeDeep(update)
    return () => plan.unobserveDeep(update)
  }, [doc])
  return activities
}
