export const ROLES = ['coordinator', 'editor', 'analyst', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/** Swedish labels for the UI. */
export const roleLabel: Record<Role, string> = {
  coordinator: 'Samordnare',
  editor: 'Skribent',
  analyst: 'Analytiker',
  viewer: 'Läsare',
}
