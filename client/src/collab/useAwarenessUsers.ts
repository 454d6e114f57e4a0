import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'

export interface PresentUser {
  clientId: number
  /** The account, as the server put it into the state; absent from a state without one. */
  userId?: string
  name: string
  color: string
  isSelf: boolean
}

/**
 * One entry per person present, the local user first: someone with the document open in two tabs
 * (two client ids) is listed once. The server puts the session's user id into every state.
 */
export function readUsers(provider: Pick<WebsocketProvider, 'awareness'>): PresentUser[] {
  const self = provider.awareness.clientID
  const byPerson = new Map<string, PresentUser>()
  provider.awareness.getStates().forEach((state, clientId) => {
    const user = (state as { user?: { id?: unknown; name?: unknown; color?: unknown } }).user
    if (!user || typeof user.name !== 'string') return
    const person = typeof user.id === 'string' ? user.id : `client:${clientId}`
    // A person's first tab stands for them, unless this is the local one.
    if (byPerson.has(person) && clientId !== self) return
    byPerson.set(person, {
      clientId,
      ...(typeof user.id === 'string' ? { userId: user.id } : {}),
      name: user.name,
      color: typeof user.color === 'string' ? user.color : '#1a5fb4',
      isSelf: clientId === self,
    })
  })
  return [...byPerson.values()].sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name, 'sv'))
}

/** Everyone present (see `readUsers`), live. */
export function useAwarenessUsers(provider: WebsocketProvider | null): PresentUser[] {
  const [users, setUsers] = useState<PresentUser[]>([])
  useEffect(() => {
    if (!provider) return
    const update = () => setUsers(readUsers(provider))
    update()
    provider.awareness.on('change', update)
    return () => provider.awareness.off('change', update)
  }, [provider])
  return users
}
