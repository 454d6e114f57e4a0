import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { ROLES, isRole } from '@samskriv/schema'
import type { Role } from '@samskriv/schema'
import { api, errorMessage } from '../../api/client.ts'
import type { Member, PendingInvitation } from '../../api/client.ts'
import { ErrorMessage } from '../../app/ErrorMessage.tsx'
import { t } from '../../app/i18n.ts'
import { roleName } from '../../app/roleName.ts'

interface AddMemberFormProps {
  workspaceId: string
  members: Member[]
  invitations: PendingInvitation[] | null
  onAdded: () => void
  onInvited: () => void
}

/** Adds a registered address at once (or changes its role), or makes an invitation link for a new one. */
export function AddMemberForm({
  workspaceId,
  members,
  invitations,
  onAdded,
  onInvited,
}: AddMemberFormProps) {
  const id = useId()
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<Role>('editor')
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [invitationUrl, setInvitationUrl] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    setNotice(null)
    setInvitationUrl(null)
    const address = email.trim().toLowerCase()
    try {
      const result = await api.addMember(workspaceId, { email: address, role })
      if ('member' in result) {
        const before = members.find((member) => member.userId === result.member.userId)
        const params = { name: result.member.name, role: roleName(result.member.role) }
        setNotice(
          t(
            !before
              ? 'memberAddedAs'
              : before.role === result.member.role
                ? 'memberAlreadyAs'
                : 'memberNowRole',
            params,
          ),
        )
        onAdded()
      } else {
        const replaced = invitations?.some((invitation) => invitation.email === address)
        setNotice(replaced ? t('invitationReplaced', { email: address }) : null)
        setInvitationUrl(new URL(result.invitation.url, window.location.origin).toString())
        onInvited()
      }
      setEmail('')
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      className="stack"
      onSubmit={(event) => void handleSubmit(event)}
      aria-labelledby={`${id}-add`}
    >
      <h3 id={`${id}-add`}>{t('addMember')}</h3>
      <div className="field">
        <label htmlFor={`${id}-email`}>{t('email')}</label>
        <input
          id={`${id}-email`}
          type="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          required
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`}>{t('role')}</label>
        <select
          id={`${id}-role`}
          value={role}
          onChange={(event) => isRole(event.target.value) && setRole(event.target.value)}
        >
          {ROLES.map((value) => (
            <option key={value} value={value}>
              {roleName(value)}
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
  )
}
