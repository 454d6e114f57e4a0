import { isRole, isTemplateId } from '@samskriv/schema'
import { t } from '../../app/i18n.ts'
import { roleName } from '../../app/roleName.ts'
import { templateName } from '../documents/templateName.ts'

/** Ids mean nothing to a reader of the log; they are left out of the fallback text. */
const ID_KEY = /(^id$|Id$|Ids$)/

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined
const role = (value: unknown): string | undefined =>
  isRole(value) ? roleName(value) : text(value)
const quoted = (value: unknown): string | undefined => {
  const found = text(value)
  return found && t('auditQuoted', { text: found })
}
const capitalised = (fragment: string): string => fragment.charAt(0).toUpperCase() + fragment.slice(1)

/** `fragment` about the member an entry concerns, named as the server names them: "Elsa: till Läsare". */
function about(details: Record<string, unknown>, fragment: string): string {
  const name = text(details.userName)
  if (!name) return capitalised(fragment)
  return fragment ? `${name}: ${fragment}` : name
}

/**
 * The section an entry names (`details.sectionId`) by its current title; a section no longer in
 * the document is said to be removed. Nothing while the titles are not known yet (`null`).
 */
function section(details: Record<string, unknown>, titles: ReadonlyMap<string, string> | null): string | undefined {
  const id = text(details.sectionId)
  if (!id || !titles) return undefined
  const title = titles.get(id)
  if (title === undefined) return t('auditSectionRemoved')
  return quoted(title) ?? t('auditSectionUntitled')
}

/**
 * An audit entry's details as a sentence fragment in the UI's language (plain text, never HTML).
 * `sectionTitles` holds the document's sections by id, or `null` while they are not known.
 *
 * @example
 * auditDetailsText('member.role', { userId: 'u1', from: 'editor', role: 'viewer' }) // 'Från Skribent till Läsare'
 * auditDetailsText('section.lock', { sectionId: 's1', reason: '' }, new Map([['s1', 'Nuläge']])) // '”Nuläge”, inget skäl angivet'
 */
export function auditDetailsText(
  action: string,
  details: Record<string, unknown>,
  sectionTitles: ReadonlyMap<string, string> | null = null,
): string {
  const unknownRole = t('auditUnknownRole')
  switch (action) {
    case 'document.create': {
      const template = isTemplateId(details.template)
        ? templateName(details.template)
        : text(details.template)
      return [quoted(details.title), template && t('auditTemplate', { template })]
        .filter(Boolean)
        .join(', ')
    }
    case 'document.delete':
      return quoted(details.title) ?? ''
    case 'section.lock': {
      const reason = text(details.reason)
      const parts = [
        section(details, sectionTitles),
        reason ? t('auditLockReason', { reason }) : t('auditLockNoReason'),
      ]
      return capitalised(parts.filter(Boolean).join(', '))
    }
    case 'section.unlock':
      return capitalised(section(details, sectionTitles) ?? '')
    case 'version.create':
      return quoted(details.name) ?? ''
    case 'version.restore': {
      const count = Array.isArray(details.sectionIds) ? details.sectionIds.length : 0
      const sections = count === 1 ? t('auditRestoredOne') : t('auditRestoredMany', { count })
      return details.restorePointId ? t('auditRestorePointFirst', { sections }) : sections
    }
    case 'member.add':
      return about(details, t('auditAsRole', { role: role(details.role) ?? unknownRole }))
    case 'member.role':
      return about(
        details,
        details.from
          ? t('auditRoleFromTo', { from: role(details.from) ?? unknownRole, to: role(details.role) ?? unknownRole })
          : t('auditRoleTo', { to: role(details.role) ?? unknownRole }),
      )
    case 'member.remove':
      return about(details, details.role ? t('auditHadRole', { role: role(details.role) ?? unknownRole }) : '')
    case 'member.invite':
    case 'invitation.revoke':
      return t('auditInvitation', {
        email: text(details.email) ?? t('auditUnknownAddress'),
        role: role(details.role) ?? unknownRole,
      })
    case 'member.join':
      return capitalised(t('auditAsRole', { role: role(details.role) ?? unknownRole }))
    default:
      return Object.entries(details)
        .filter(
          ([key, value]) =>
            !ID_KEY.test(key) && value !== '' && value !== null && value !== undefined,
        )
        .map(
          ([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`,
        )
        .join(', ')
  }
}
