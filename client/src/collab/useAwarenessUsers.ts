import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'

export interface PresentUser {
  clientId: number
  name: string
  color: string
  isSelf: boolean
}

function readUsers(provider: WebsocketProvider): PresentUser[] {
  const self = provider.awareness.clientID
  const users: PresentUser[] = []
  provider.awareness.getStates().forEach((state, clientId) => {
    const user = (state as { user?: { name?: unknown; color?: unknown } }).user
    if (!user || typeof user.name !== 'string') return
    users.push({
      clientId,
      name: user.name,
      color: typeof user.color === 'string' ? user.color : '#1a5fb4',
      isSelf: clientId === self,
    })
  })
  return users.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name, 'sv'))
}

/** Everyone whose awareness state is known, the local user first. */
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
