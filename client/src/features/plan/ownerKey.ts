import type { ActivityOwner } from '@samskriv/plan'

/** No owner set, as a filter and select value. */
export const NO_OWNER = 'none'
/** The select value that asks for an outside actor's name. */
export const EXTERNAL_OWNER = 'external'

/**
 * A stable key per owner, for the owner filter and the owner select: members by user id (a
 * renamed member stays one owner), outside actors by name, case and spacing ignored.
 */
export function ownerKey(owner: ActivityOwner | null): string {
  if (!owner) return NO_OWNER
  if (owner.kind === 'member') return `member:${owner.userId}`
  return `external:${owner.name.trim().toLocaleLowerCase('sv')}`
}
