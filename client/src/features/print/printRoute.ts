/** The print view's path for a document. */
export function printPath(documentId: string): string {
  return `/d/${encodeURIComponent(documentId)}/utskrift`
}

/** The document id when `path` is a print view (`/d/:id/utskrift`), otherwise null. */
export function matchPrintRoute(path: string): string | null {
  const match = /^\/d\/([^/]+)\/utskrift\/?$/.exec(path)
  return match?.[1] ? decodeURIComponent(match[1]) : null
}
