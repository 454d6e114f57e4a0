import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { ROLES, isRole, roleLabel } from '@samskriv/schema'
import type { Role } from '@samskriv/schema'
import { api, errorMessage } from '../../api/client.ts'
import type { WorkspaceDetails } from '../../api/client.ts'
import { ErrorMessage } from '../../app/ErrorMessage.tsx'
import { t } from '../../app/i18n.ts'

interface MembersPanelProps {
  workspace: WorkspaceDetails
  onChanged: () => void
}

export function MembersPanel({ workspace, onChanged }: MembersPanelProps) {
  const id = useId()
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<Role>('editor')
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [invitationUrl, setInvitationUrl] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const isCoordinator = workspace.role === 'coordinator'

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    setNotice(null)
    setInvitationUrl(null)
    try {
      const result = await api.addMember(workspace.id, { email: email.trim(), role })
      if ('member' in result) {
        setNotice(t('memberAdded', { name: result.member.name }))
        onChanged()
      } else {
        setInvitationUrl(new URL(result.invitation.url, window.location.origin).toString())
      }
      setEmail('')
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <aside className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('membersTitle')}</h2>
      <ul className="plain-list">
        {workspace.members.map((member) => (
          <li key={member.userId}>
            {member.name} <span className="muted">({member.email}) · {roleLabel[member.role] ?? member.role}</span>
          </li>
        ))}
      </ul>
      {isCoordinator && (
        <form className="stack" onSubmit={(event) => void handleSubmit(event)} aria-labelledby={`${id}-add`}>
          <h3 id={`${id}-add`}>{t('addMember')}</h3>
          <div className="field">
            <label htmlFor={`${id}-email`}>{t('email')}</label>
            <input id={`${id}-email`} type="email" value={email} onChange={(event) => setEmail(event.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-role`}>{t('role')}</label>
            <select id={`${id}-role`} value={role} onChange={(event) => isRole(event.target.value) && setRole(event.target.value)}>
              {ROLES.map((value) => (
                <option key={value} value={value}>
                  {roleLabel[value]}
                </option>
              ))}
            </select>
          </div>
          <ErrorMessage message={error} />
          <p role="status">{notice}</p>
          {invitationUrl && (
            <div className="notice">
              <p>{t('invitationCreated')}</p>
              <p>
                <a href={invitationUrl} data-testid="invitation-url">
                  {invitationUrl}
                </a>
              </p>
            </div>
          )}
          <div className="actions">
            <button type="submit" className="button" disabled={busy}>
              {t('addMember')}
            </button>
          </div>
        </form>
      )}
    </aside>
  )
}
