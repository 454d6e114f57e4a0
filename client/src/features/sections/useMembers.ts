import { useEffect, useRef, useState } from 'react'
import { api } from '../../api/client.ts'
import type { Member } from '../../api/client.ts'

/** Asked again this often while the page is visible, for changes nothing else brings in. */
const REFRESH_MS = 60_000
/** Coming back to the tab asks once, though focus and visibility both fire. */
const MIN_GAP_MS = 2_000

/**
 * The workspace's members (for the owner select and owner names); empty until loaded, and the
 * last list on a failure. An open document asks again when the user comes back to its tab (a
 * member removed in another tab), when someone present is not in the list (a newcomer opened the
 * document), and every minute, so a leaver is marked and a newcomer offered as owner without a
 * reload. `presentUserIds`: the user ids present. People already in the list never trigger a
 * request, so a reconnect storm (everyone's presence leaving and coming back) asks for nothing, and
 * the pages that do ask for a newcomer spread their requests over a few seconds.
 */
export function useMembers(workspaceId: string | undefined, presentUserIds: readonly string[] = []): Member[] {
  const [members, setMembers] = useState<Member[]>([])
  const [asked, setAsked] = useState(0)
  const lastAsked = useRef(0)

  useEffect(() => {
    const ask = () => {
      if (document.visibilityState !== 'visible' || Date.now() - lastAsked.current < MIN_GAP_MS) return
      lastAsked.current = Date.now()
      setAsked((count) => count + 1)
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

  const loaded = members.length > 0
  const newcomers = loaded ? presentUserIds.filter((id) => !members.some((member) => member.userId === id)).sort().join() : ''
  useEffect(() => {
    if (!newcomers) return
    const timer = setTimeout(() => setAsked((count) => count + 1), 500 + Math.random() * 2_000)
    return () => clearTimeout(timer)
  }, [newcomers])

  useEffect(() => {
    if (!workspaceId) return
    let cancelled = false
    lastAsked.current = Date.now()
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
  }, [workspaceId, asked])
  return members
}
