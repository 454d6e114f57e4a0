import { useEffect, useState } from 'react'
import type { TemplateId } from '@samskriv/schema'
import { api } from '../../api/client.ts'

/** The document's template, once known; undefined while loading or when it could not be read. */
export function useDocumentTemplate(documentId: string): TemplateId | undefined {
  const [template, setTemplate] = useState<TemplateId>()
  useEffect(() => {
    let current = true
    api
      .getDocument(documentId)
      .then((info) => {
        if (current) setTemplate(info.template)
      })
      // Only the notes about the time plan depend on it; the panel works without them.
      .catch(() => undefined)
    return () => {
      current = false
    }
  }, [documentId])
  return template
}
