import { createContext, useContext } from 'react'
import type { User } from '../api/client.ts'

export interface Session {
  user: User
  signOut: () => Promise<void>
}

export const SessionContext = createContext<Session | null>(null)

/** The signed-in user; only used below the point where App has a session. */
export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside a signed-in tree')
  return session
}
