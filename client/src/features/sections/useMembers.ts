import { useEffect, useState } from 'react'
import { api } from '../../api/client.ts'
import type { Member } from '../../api/client.ts'

/** The workspace's members (for the owner select and owner names); empty until loaded or on failure. */
export function useMembers(workspaceId: string | undefined): Member[] {
  const [members, setMembers] = useState<Member[]>([])
  useEffect(() => {
    if (!workspaceId) return
    let cancelled = false
    api
      .getWorkspace(workspaceId)
      .then((workspace) => {
        if (!cancelled) setMembers(workspace.members)
      })
      .catch(() => {
        // Owner names fall back to "unknown"; the rest of the page works without members.
      })
    return () => {
      cancelled = true
    }
  }, [workspaceId])
  return members
}
