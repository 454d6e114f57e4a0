import type { RoomRegistry } from '@samskriv/collab'
import type { AppStore, DocumentStore, MentionStore, UserRecord, VersionStore } from '@samskriv/storage'
import type { Config } from './config.ts'
import type { LoginThrottle } from './services/LoginThrottle.ts'
import type { LiveSessions } from './services/LiveSessions.ts'
import type { ClientAuthors } from './services/versionsAuthors.ts'

/** Everything the HTTP and WebSocket layers need, built once by `main.ts`. */
export interface Deps {
  config: Config
  store: AppStore
  documents: DocumentStore
  versions: VersionStore
  /** Who wrote with which Yjs client id (this process only), for authors in version diffs. */
  clientAuthors: ClientAuthors
  mentions: MentionStore
  rooms: RoomRegistry
  throttle: LoginThrottle
  live: LiveSessions
}

/** Hono context variables set by the session middleware. */
export interface AppEnv {
  Variables: {
    user: UserRecord | undefined
    sessionHash: string | undefined
  }
}
