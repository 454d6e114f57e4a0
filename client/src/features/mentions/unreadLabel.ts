import { t } from '../../app/i18n.ts'

/** "1 oläst omnämnande" / "3 olästa omnämnanden". */
export function unreadLabel(count: number): string {
  return count === 1 ? t('mentionsUnreadOne') : t('mentionsUnreadMany', { count })
}
