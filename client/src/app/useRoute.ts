import { useSyncExternalStore } from 'react'

const NAVIGATE_EVENT = 'samskriv:navigate'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(NAVIGATE_EVENT, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(NAVIGATE_EVENT, onChange)
  }
}

const getPath = () => window.location.pathname

/** The current path, re-rendering on back/forward and on `navigate`. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, getPath)
}

export function navigate(path: string): void {
  if (path === window.location.pathname) return
  window.history.pushState(null, '', path)
  window.dispatchEvent(new Event(NAVIGATE_EVENT))
  window.scrollTo(0, 0)
}

export type Route =
  | { name: 'home' }
  | { name: 'workspace'; workspaceId: string }
  | { name: 'document'; documentId: string }
  | { name: 'audit'; documentId: string }
  | { name: 'invitation'; token: string }
  | { name: 'notFound' }

export function matchRoute(path: string): Route {
  if (path === '/' || path === '') return { name: 'home' }
  const workspace = /^\/w\/([^/]+)\/?$/.exec(path)
  if (workspace?.[1]) return { name: 'workspace', workspaceId: decodeURIComponent(workspace[1]) }
  const document = /^\/d\/([^/]+)\/?$/.exec(path)
  if (document?.[1]) return { name: 'document', documentId: decodeURIComponent(document[1]) }
  const audit = /^\/d\/([^/]+)\/logg\/?$/.exec(path)
  if (audit?.[1]) return { name: 'audit', documentId: decodeURIComponent(audit[1]) }
  const invitation = /^\/invite\/([^/]+)\/?$/.exec(path)
  if (invitation?.[1]) return { name: 'invitation', token: decodeURIComponent(invitation[1]) }
  return { name: 'notFound' }
}
