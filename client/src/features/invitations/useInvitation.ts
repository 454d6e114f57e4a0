import { useEffect, useState } from 'react'
import { api, errorMessage } from '../../api/client.ts'

export type Invitation = Awaited<ReturnType<typeof api.getInvitation>>

/** Whom the invitation behind a link is for, or why it cannot be used (used, expired, unknown). */
export function useInvitation(token: string): {
  invitation: Invitation | null
  error: string | null
} {
  const [invitation, setInvitation] = useState<Invitation | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let cancelled = false
    api
      .getInvitation(token)
      .then((found) => !cancelled && setInvitation(found))
      .catch((caught: unknown) => !cancelled && setError(errorMessage(caught)))
    return () => {
      cancelled = true
    }
  }, [token])
  return { invitation, error }
}
