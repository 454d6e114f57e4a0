import type { SectionStatus } from '@samskriv/schema'
import { t, type MessageKey } from '../../app/i18n.ts'

const statusKey: Record<SectionStatus, MessageKey> = {
  utkast: 'statusUtkast',
  'klar-for-granskning': 'statusKlar',
  godkand: 'statusGodkand',
}

export function statusLabel(status: SectionStatus): string {
  return t(statusKey[status])
}
