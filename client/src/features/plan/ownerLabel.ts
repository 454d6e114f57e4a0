import type { ActivityOwner, PlanMember } from '@samskriv/plan'
import { t } from '../../app/i18n.ts'

/**
 * The owner as the UI shows it, in the UI's language: a member's current name when the member
 * list has it, marked when the person has left; an outside actor marked as such. (The package's
 * `ownerName` says the same in Swedish, for exports.)
 */
export function ownerLabel(owner: ActivityOwner | null, members: readonly PlanMember[]): string {
  if (!owner) return ''
  if (owner.kind === 'external') return t('planOwnerExternal', { name: owner.name })
  // Until the members are loaded every member would look like a leaver.
  if (members.length === 0) return owner.name
  const member = members.find((candidate) => candidate.userId === owner.userId)
  if (member) return member.name
  return t('planOwnerDeparted', { name: owner.name || t('planOwnerFormerMember') })
}
