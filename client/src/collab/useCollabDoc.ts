import { useEffect, useState } from 'react'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { IndexeddbPersistence } from 'y-indexeddb'
import { CloseCodes, RELOAD_CLOSE_CODES, shouldReconnect } from '@samskriv/protocol'
import { api } from '../api/client.ts'
import { saveUnsavedText } from './unsavedText.ts'

/** `stopped`: the server refused the connection for good (see `CollabFailure`); nothing is retried. */
export type ConnectionStatus = 'connected' | 'reconnecting' | 'offline' | 'stopped'

/** Why the connection stopped for good: the user has to act before editing can go on. */
export type CollabFailure = 'unauthorized' | 'notFound' | 'rejected'

export interface CollabUser {
  /** The account id: the offline copy is kept per user, so a shared browser never sends one person's edits as another's. */
  id: string
  name: string
  color: string
}

export interface CollabDoc {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Drops the offline copy, so the next load takes the server's state. */
  clearLocalCopy: () => Promise<void>
}

export interface CollabState {
  collab: CollabDoc | null
  status: ConnectionStatus
  synced: boolean
  failure: CollabFailure | null
  /** Counts the server's "session changed" closes (logout, role change, removal): what the page knows of its role may be stale. */
  sessionChanges: number
}

function collabServerUrl(): string {
  return `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/collab`
}

function failureOf(code: number): CollabFailure | null {
  if (code === CloseCodes.unauthorized.code) return 'unauthorized'
  if (code === CloseCodes.notFound.code) return 'notFound'
  if (RELOAD_CLOSE_CODES.includes(code)) return 'rejected'
  return null
}

/**
 * The one place that opens a document's collaboration connection: a Y.Doc kept in
 * IndexedDB (so offline edits survive and merge on reconnect) and synced over the stock
 * y-websocket provider at `/collab/<documentId>`, authenticated by the session cookie.
 */
export function useCollabDoc(documentId: string, user: CollabUser): CollabState {
  const [collab, setCollab] = useState<CollabDoc | null>(null)
  const [connected, setConnected] = useState(false)
  const [online, setOnline] = useState(() => navigator.onLine)
  const [synced, setSynced] = useState(false)
  const [failure, setFailure] = useState<CollabFailure | null>(null)
  const [sessionChanges, setSessionChanges] = useState(0)

  useEffect(() => {
    const doc = new Y.Doc()
    const persistence = new IndexeddbPersistence(`samskriv-${user.id}-${documentId}`, doc)
    // y-websocket joins serverUrl + '/' + roomname, giving ws(s)://host/collab/<documentId>.
    const provider = new WebsocketProvider(collabServerUrl(), documentId, doc, {
      // After 4440 the cookie may be someone else's (a login in another tab of a shared browser):
      // that reconnect waits for the session check below, so nothing of this user's goes in their name.
      shouldReconnect: (event) => shouldReconnect(event.code) && event.code !== CloseCodes.sessionChanged.code,
    })
    let disposed = false
    const reconnectIfSameUser = () => {
      api
        .me()
        .then((current) => {
          if (disposed) return
          // Signed out: the server answers the reconnect with 4401, and the page says to log in again.
          if (current && current.id !== user.id) window.location.reload()
          else provider.connect()
        })
        .catch(() => !disposed && provider.connect())
    }

    const handleStatus = ({ status }: { status: string }) => setConnected(status === 'connected')
    const handleSync = (isSynced: boolean) => setSynced(isSynced)
    const handleClose = (event: CloseEvent | null) => {
      if (!event) return
      if (event.code === CloseCodes.sessionChanged.code) {
        setSessionChanges((count) => count + 1)
        reconnectIfSameUser()
      }
      const reason = failureOf(event.code)
      if (!reason) return
      if (reason === 'rejected') {
        // The local copy holds what the server refused: keep its text for the user to copy, then
        // drop the copy at once, so that a reload (the button or F5) starts from the server's state.
        saveUnsavedText(documentId, doc)
        void persistence.clearData()
      }
      if (reason === 'notFound') {
        // Removed from the workspace (or the document deleted) while typing: keep what the server
        // never got for this tab, so the notice can offer it if access comes back.
        saveUnsavedText(documentId, doc)
      }
      setFailure(reason)
    }
    provider.on('status', handleStatus)
    provider.on('sync', handleSync)
    provider.on('connection-close', handleClose)

    setCollab({ doc, provider, clearLocalCopy: () => persistence.clearData() })
    return () => {
      disposed = true
      provider.off('status', handleStatus)
      provider.off('sync', handleSync)
      provider.off('connection-close', handleClose)
      provider.destroy()
      void persistence.destroy()
      doc.destroy()
      setCollab(null)
      setConnected(false)
      setSynced(false)
      setFailure(null)
    }
  }, [documentId, user.id])

  useEffect(() => {
    const handleOnline = () => setOnline(true)
    const handleOffline = () => setOnline(false)
    window.addEventListener('online', handleOnline)
    window.addEventListener('offline', handleOffline)
    return () => {
      window.removeEventListener('online', handleOnline)
      window.removeEventListener('offline', handleOffline)
    }
  }, [])

  // The server replaces the id and name with the session's in what others get, but this tab's own
  // state is what it sets here: the id lets it know itself among the user's other tabs in "Här nu".
  // Each section editor's caret extension sets the same `user` (SectionEditor passes the id too).
  useEffect(() => {
    collab?.provider.awareness.setLocalStateField('user', { id: user.id, name: user.name, color: user.color })
  }, [collab, user.id, user.name, user.color])

  // The browser knowing it is offline wins: a socket can look open for a while after the network is gone.
  const status: ConnectionStatus = failure ? 'stopped' : !online ? 'offline' : connected ? 'connected' : 'reconnecting'
  return { collab, status, synced, failure, sessionChanges }
}

/** What the server says it cannot do right now (each false when all is well). */
export interface ServerStatus {
  /** Its database is unreachable: edits are not saved yet (they are kept and resent). */
  storageUnavailable: boolean
  /** It cannot reach the other server instances: others' edits may not arrive meanwhile. */
  fanoutUnavailable: boolean
}

const allWell: ServerStatus = { storageUnavailable: false, fanoutUnavailable: false }

/**
 * The server publishes trouble as a presence state of its own, `{ server: { storage?, fanout? } }`
 * with 'unavailable' values. Client states always carry `user` (the server sets it), so a client
 * cannot fake it.
 */
export function useServerStatus(provider: WebsocketProvider | null): ServerStatus {
  const [status, setStatus] = useState<ServerStatus>(allWell)
  useEffect(() => {
    if (!provider) return
    const update = () => {
      let storageUnavailable = false
      let fanoutUnavailable = false
      provider.awareness.getStates().forEach((state) => {
        const server = (state as { server?: { storage?: unknown; fanout?: unknown } }).server
        if (!server || 'user' in state) return
        if (server.storage === 'unavailable') storageUnavailable = true
        if (server.fanout === 'unavailable') fanoutUnavailable = true
      })
      setStatus((current) =>
        current.storageUnavailable === storageUnavailable && current.fanoutUnavailable === fanoutUnavailable ? current : { storageUnavailable, fanoutUnavailable },
      )
    }
    update()
    provider.awareness.on('change', update)
    return () => {
      provider.awareness.off('change', update)
      setStatus(allWell)
    }
  }, [provider])
  return status
}
