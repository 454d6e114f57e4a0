import { useEffect, useState } from 'react'
import { Root } from '@samskriv/schema'
import type * as Y from 'yjs'

/** Re-renders on every change of the `fields` root, local or remote; the value only counts changes. */
export function useFieldsVersion(doc: Y.Doc): number {
  const [version, setVersion] = useState(0)
  useEffect(() => {
    const fields = doc.getMap(Root.fields)
    const update = () => setVersion((current) => current + 1)
    fields.observeDeep(update)
    return () => fields.unobserveDeep(update)
  }, [doc])
  return version
}
