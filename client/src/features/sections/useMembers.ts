import { useEffect, useState } from 'react'
import { api } from '../../api/client.ts'
import type { Member } from '../../api/client.ts'

/** Asked again this often while the page is visible, for changes nothing else brings in. */
const REFRESH_MS = 60_000

/**
 * The workspace's members (for the owner select and owner names); empty until loaded, and the
 * last list on a failure. An open document asks again when the user comes back to its tab (a
 * member removed in another tab), when `presence` changes (someone new opened the document),
 * and every minute, so a leaver is marked and a newcomer offered as owner without a reload.
 */
export function useMembers(workspaceId: string | undefined, presence = ''): Member[] {
  const [members, setMembers] = useState<Member[]>([])
  const [asked, setAsked] = useState(0)

  useEffect(() => {
    const ask = () => {
      if (document.visibilityState === 'visible') setAsked((count) => count + 1)
    }
    window.addEventListener('focus', ask)
    document.addEventListener('visibilitychange', ask)
    const timer = setInterval(ask, REFRESH_MS)
    return () => {
      window.removeEventListener('focus', ask)
      document.removeEventListener('visibilitychange', ask)
      clearInterval(timer)
    }
  }, [])

  useEffect(() => {
    if (!workspaceId) return
    let cancelled = false
    api
      .getWorkspace(workspaceId)
      .then((workspace) => {
        if (cancelled) return
        // The same list keeps its identity, so the plan and owner names do not render again for nothing.
        setMembers((current) => (JSON.stringify(current) === JSON.stringify(workspace.members) ? current : workspace.members))
      })
      .catch(() => {
        // Owner names fall back to "unknown"; the rest of the page works without members.
      })
    return () => {
      cancelled = true
    }
  }, [workspaceId, presence, asked])
  return members
}
