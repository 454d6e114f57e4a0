import { api, type Member } from '../../api/client.ts'

/** Members change rarely; a minute keeps the list fresh enough without a request per keystroke. */
const FRESH_MS = 60_000
const cache = new Map<string, { at: number; members: Promise<Member[]> }>()

/**
 * The members of the document's workspace, who may be @mentioned. Loaded on the first `@` and
 * shared by every comment field of the document; an error gives an empty list (typing goes on).
 */
export function loadMentionCandidates(documentId: string): Promise<Member[]> {
  const cached = cache.get(documentId)
  if (cached && Date.now() - cached.at < FRESH_MS) return cached.members
  const members = api
    .getDocument(documentId)
    .then((document) => api.getWorkspace(document.workspaceId))
    .then((workspace) => workspace.members)
    .catch(() => {
      cache.delete(documentId)
      return []
    })
  cache.set(documentId, { at: Date.now(), members })
  return members
}
