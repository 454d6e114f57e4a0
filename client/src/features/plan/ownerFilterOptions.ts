import type { Activity, PlanMember } from '@samskriv/plan'
import { t } from '../../app/i18n.ts'
import { NO_OWNER, ownerKey } from './ownerKey.ts'
import { ownerLabel } from './ownerLabel.ts'

export interface OwnerFilterOption {
  key: string
  label: string
}

/**
 * One filter option per owner that appears in the plan (members under their current name,
 * outside actors and leavers marked), sorted by name, with "Utan ansvarig" last when some
 * activity has nobody.
 */
export function ownerFilterOptions(activities: readonly Activity[], members: readonly PlanMember[]): OwnerFilterOption[] {
  const options = new Map<string, string>()
  let unowned = false
  for (const { owner } of activities) {
    if (!owner) {
      unowned = true
      continue
    }
    const key = ownerKey(owner)
    if (!options.has(key)) options.set(key, ownerLabel(owner, members))
  }
  const sorted = [...options].map(([key, label]) => ({ key, label })).sort((a, b) => a.label.localeCompare(b.label, 'sv'))
  return unowned ? [...sorted, { key: NO_OWNER, label: t('planFilterNoOwner') }] : sorted
}
