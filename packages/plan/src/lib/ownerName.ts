import type { ActivityOwner } from './Activity.ts'
import { SWEDISH_PLAN_WORDS, type PlanWords } from './PlanWords.ts'

/** A member's current name, as the exports and the UI look it up. */
export interface PlanMember {
  userId: string
  name: string
}

/**
 * The owner as text for exports: a member's current name when the member list has it (the
 * stored name may be stale), marked when the person has left; an external actor marked as such.
 */
export function ownerName(
  owner: ActivityOwner | null,
  members?: readonly PlanMember[],
  words: Pick<PlanWords, 'external' | 'departed'> = SWEDISH_PLAN_WORDS,
): string {
  if (!owner) return ''
  if (owner.kind === 'external') return `${owner.name} (${words.external})`
  if (!members) return owner.name
  const member = members.find((candidate) => candidate.userId === owner.userId)
  if (member) return member.name
  return `${owner.name || owner.userId} (${words.departed})`
}
