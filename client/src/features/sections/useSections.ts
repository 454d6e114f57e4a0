import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { Root, readSections } from '@samskriv/schema'
import type { SectionInfo } from '@samskriv/schema'

/** The document's sections in outline order, live: edits to the outline or any entry re-render. */
export function useSections(doc: Y.Doc | null): SectionInfo[] {
  const [sections, setSections] = useState<SectionInfo[]>([])
  useEffect(() => {
    if (!doc) return
    const outline = doc.getArray<string>(Root.outline)
    const entries = doc.getMap(Root.sections)
    const update = () => setSections(readSections(doc))
    update()
    outline.observe(update)
    entries.observeDeep(update)
    return () => {
      outline.unobserve(update)
      entries.unobserveDeep(update)
    }
  }, [doc])
  return sections
}
