import { useCallback, useEffect, useState } from 'react'
import { usePath } from '../../app/useRoute.ts'
import { MENTIONS_CHANGED_EVENT, mentionsApi, type MentionInbox } from './mentionsApi.ts'

/** A modest poll: mentions are not urgent, and every navigation refreshes too. */
const POLL_MS = 60_000

/**
 * The session user's mention inbox, refreshed on navigation, after marking read and once a
 * minute. `inbox` stays null until the first answer; `error` holds the last failure's message.
 */
export function useMentionInbox(): { inbox: MentionInbox | null; error: string | null; refresh: () => void } {
  const path = usePath()
  const [inbox, setInbox] = useState<MentionInbox | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  const refresh = useCallback(() => setVersion((current) => current + 1), [])

  useEffect(() => {
    let cancelled = false
    mentionsApi
      .inbox()
      .then((next) => {
        if (cancelled) return
        setInbox(next)
        setError(null)
      })
      .catch((caught: unknown) => {
        if (!cancelled) setError(caught instanceof Error ? caught.message : String(caught))
      })
    return () => {
      cancelled = true
    }
  }, [path, version])

  useEffect(() => {
    const timer = window.setInterval(refresh, POLL_MS)
    window.addEventListener(MENTIONS_CHANGED_EVENT, refresh)
    return () => {
      window.clearInterval(timer)
      window.removeEventListener(MENTIONS_CHANGED_EVENT, refresh)
    }
  }, [refresh])

  return { inbox, error, refresh }
}
