import { isRole, isTemplateId } from '@samskriv/schema'
import { templateLabel } from '../documents/templateLabel.ts'
import { roleName } from '../../app/roleName.ts'

/** Ids mean nothing to a reader of the log; they are left out of the fallback text. */
const ID_KEY = /(^id$|Id$|Ids$)/

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined
const role = (value: unknown): string | undefined =>
  isRole(value) ? roleName(value) : text(value)

/** `fragment` about the member an entry concerns, named as the server names them: "Elsa: till Läsare". */
function about(details: Record<string, unknown>, fragment: string): string {
  const name = text(details.userName)
  if (!name) return fragment.charAt(0).toUpperCase() + fragment.slice(1)
  return fragment ? `${name}: ${fragment}` : name
}

/**
 * An audit entry's details as a Swedish sentence fragment (plain text, never HTML).
 *
 * @example
 * auditDetailsText('member.role', { userId: 'u1', from: 'editor', role: 'viewer' }) // 'Från Skribent till Läsare'
 */
export function auditDetailsText(action: string, details: Record<string, unknown>): string {
  switch (action) {
    case 'document.create': {
      const template = isTemplateId(details.template)
        ? templateLabel[details.template]
        : text(details.template)
      return [text(details.title) && `”${String(details.title)}”`, template && `mall: ${template}`]
        .filter(Boolean)
        .join(', ')
    }
    case 'document.delete':
      return text(details.title) ? `”${String(details.title)}”` : ''
    case 'section.lock':
      return text(details.reason) ? `Skäl: ${String(details.reason)}` : 'Inget skäl angivet'
    case 'section.unlock':
      return ''
    case 'version.create':
      return text(details.name) ? `”${String(details.name)}”` : ''
    case 'version.restore': {
      const count = Array.isArray(details.sectionIds) ? details.sectionIds.length : 0
      const sections = count === 1 ? '1 avsnitt återställt' : `${count} avsnitt återställda`
      return details.restorePointId
        ? `${sections}; en återställningspunkt sparades först`
        : sections
    }
    case 'member.add':
      return about(details, `som ${role(details.role) ?? 'okänd roll'}`)
    case 'member.role':
      return about(
        details,
        details.from
          ? `från ${role(details.from)} till ${role(details.role)}`
          : `till ${role(details.role)}`,
      )
    case 'member.remove':
      return about(details, details.role ? `hade rollen ${role(details.role)}` : '')
    case 'member.invite':
    case 'invitation.revoke':
      return `${text(details.email) ?? 'okänd adress'} som ${role(details.role) ?? 'okänd roll'}`
    case 'member.join':
      return `Som ${role(details.role) ?? 'okänd roll'}`
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
