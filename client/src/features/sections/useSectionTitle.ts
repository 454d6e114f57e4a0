import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { Root } from '@samskriv/schema'

/**
 * One section's title, live, for naming a control by its section where only the id is at hand
 * (the comment button under the section's editor). '' for an entry that is gone.
 */
export function useSectionTitle(doc: Y.Doc, sectionId: string): string {
  const [title, setTitle] = useState('')
  useEffect(() => {
    const entries = doc.getMap<Y.Map<unknown>>(Root.sections)
    const update = () => {
      const value = entries.get(sectionId)?.get('title')
      setTitle(typeof value === 'string' ? value : '')
    }
    update()
    entries.observeDeep(update)
    return () => entries.unobserveDeep(update)
  }, [doc, sectionId])
  return title
}
