import type { Role } from '@samskriv/schema'
import { t, type MessageKey } from './i18n.ts'

const ROLE_KEYS: Record<Role, MessageKey> = {
  coordinator: 'roleCoordinator',
  editor: 'roleEditor',
  analyst: 'roleAnalyst',
  viewer: 'roleViewer',
}

/** A role's name in the UI's language (the schema's `roleLabel` is the Swedish one, for the server). */
export function roleName(role: Role): string {
  return t(ROLE_KEYS[role])
}
