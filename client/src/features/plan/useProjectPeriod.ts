import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { readProjectPeriod } from '@samskriv/plan'
import type { ProjectPeriod, ProjectPeriodSource } from '@samskriv/plan'

const UNKNOWN: ProjectPeriod = { start: null, end: null }

/** The project period, live: edits of the `fields` root by anyone re-render. */
export function useProjectPeriod(doc: Y.Doc, source: ProjectPeriodSource | null): ProjectPeriod {
  const [period, setPeriod] = useState<ProjectPeriod>(UNKNOWN)
  const sectionId = source?.sectionId
  const startKey = source?.startKey
  const endKey = source?.endKey
  useEffect(() => {
    if (!sectionId || !startKey || !endKey) return setPeriod(UNKNOWN)
    const fields = doc.getMap('fields')
    const update = () => {
      const next = readProjectPeriod(doc, { sectionId, startKey, endKey })
      setPeriod((current) => (current.start === next.start && current.end === next.end ? current : next))
    }
    update()
    fields.observeDeep(update)
    return () => fields.unobserveDeep(update)
  }, [doc, sectionId, startKey, endKey])
  return period
}
