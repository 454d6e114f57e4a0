const PREFIX = 'kommentar-'

/** The element id of a thread in the comments panel; also the URL fragment that links to it. */
export function threadAnchorId(threadId: string): string {
  return PREFIX + threadId
}

/** The path of a document that opens with one comment thread shown and focused. */
export function threadHref(documentId: string, threadId: string): string {
  return `/d/${encodeURIComponent(documentId)}#${PREFIX}${encodeURIComponent(threadId)}`
}

export function threadIdFromHash(hash: string): string | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash
  if (!fragment.startsWith(PREFIX)) return null
  try {
    return decodeURIComponent(fragment.slice(PREFIX.length)) || null
  } catch {
    return null
  }
}
