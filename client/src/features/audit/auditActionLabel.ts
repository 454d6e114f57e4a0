import { t, type MessageKey } from '../../app/i18n.ts'

const LABEL_KEYS = new Map<string, MessageKey>(Object.entries({
  'document.create': 'auditActionDocumentCreate',
  'document.delete': 'auditActionDocumentDelete',
  'section.lock': 'auditActionSectionLock',
  'section.unlock': 'auditActionSectionUnlock',
  'member.add': 'auditActionMemberAdd',
  'member.invite': 'auditActionMemberInvite',
  'invitation.revoke': 'auditActionInvitationRevoke',
  'member.join': 'auditActionMemberJoin',
  'member.role': 'auditActionMemberRole',
  'member.remove': 'auditActionMemberRemove',
  'version.create': 'auditActionVersionCreate',
  'version.restore': 'auditActionVersionRestore',
} satisfies Record<string, MessageKey>))

/** An audit action in the UI's language; unknown actions are shown as they are. */
export function auditActionLabel(action: string): string {
  const key = LABEL_KEYS.get(action)
  return key ? t(key) : action
}
