import { useEffect, useMemo, useState } from 'react'
import { api, ApiError, errorMessage, type DocumentInfo } from '../../api/client.ts'
import { useSession } from '../../app/SessionContext.ts'
import { useCollabDoc } from '../../collab/useCollabDoc.ts'
import { userColor } from '@samskriv/protocol'

/**
 * What a page of one document needs: its info from the API and its live collaboration document,
 * as the signed-in user. Calls `onMissing` when either finds the document gone (404 or close
 * 4404), so the page can swap in `DocumentMissing` and close the connection.
 */
export function useOpenDocument(documentId: string, onMissing: () => void) {
  const { user: sessionUser } = useSession()
  const user = useMemo(() => ({ id: sessionUser.id, name: sessionUser.name, color: userColor(sessionUser.id) }), [sessionUser])
  const collab = useCollabDoc(documentId, user)

  const [info, setInfo] = useState<DocumentInfo | null>(null)
  const [error, setError] = useState<string | null>(null)
  // Read again after the server ended the connection for a changed session: the role may be another now.
  useEffect(() => {
    api
      .getDocument(documentId)
      .then((found) => {
        setInfo(found)
        setError(null)
      })
      .catch((caught: unknown) => (caught instanceof ApiError && caught.status === 404 ? onMissing() : setError(errorMessage(caught))))
  }, [documentId, onMissing, collab.sessionChanges])

  useEffect(() => {
    if (collab.failure === 'notFound') onMissing()
  }, [collab.failure, onMissing])
  return { info, error, user, ...collab }
}
