import { useEffect, useId, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { ROLES, isRole } from '@samskriv/schema'
import type { Role } from '@samskriv/schema'
import { api, errorMessage } from '../../api/client.ts'
import type { Member, PendingInvitation } from '../../api/client.ts'
import { InvitationLink } from './InvitationLink.tsx'
import { ErrorMessage } from '../../app/ErrorMessage.tsx'
import { t } from '../../app/i18n.ts'
import { roleName } from '../../app/roleName.ts'

interface AddMemberFormProps {
  workspaceId: string
  members: Member[]
  invitations: PendingInvitation[] | null
  /** Invitations made anew or withdrawn since: their links no longer work. */
  retiredInvitations: readonly string[]
  onAdded: () => void
  onInvited: () => void
}

/** Adds a registered address at once (or changes its role), or makes an invitation link for a new one. */
export function AddMemberForm({
  workspaceId,
  members,
  invitations,
  retiredInvitations,
  onAdded,
  onInvited,
}: AddMemberFormProps) {
  const id = useId()
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<Role>('editor')
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  // The link made here, shown while its invitation is still pending: once it is made anew or
  // withdrawn above, this link no longer works.
  const [invitation, setInvitation] = useState<{ id: string; url: string } | null>(null)
  const invitationUrl = invitation && !retiredInvitations.includes(invitation.id) ? invitation.url : null
  const [busy, setBusy] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  const emailRef = useRef<HTMLInputElement>(null)
  const invitationRef = useRef<HTMLDivElement>(null)
  // The submit button is disabled while the request runs, which drops its focus to the page. After
  // it, focus goes to the field for the next address, or to a new invitation link to copy.
  const [focusTarget, setFocusTarget] = useState<'email' | 'invitation' | null>(null)
  useEffect(() => {
    if (!focusTarget) return
    setFocusTarget(null)
    const active = document.activeElement
    // Someone who moved on elsewhere meanwhile keeps their place.
    if (active && active !== document.body && !formRef.current?.contains(active)) return
    ;(focusTarget === 'invitation' ? invitationRef : emailRef).current?.focus()
  }, [focusTarget])

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    setNotice(null)
    setInvitation(null)
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
        setFocusTarget('email')
      } else {
        const replaced = invitations?.some((invitation) => invitation.email === address)
        setNotice(replaced ? t('invitationReplaced', { email: address }) : null)
        setInvitation({ id: result.invitation.id, url: result.invitation.url })
        onInvited()
        setFocusTarget('invitation')
      }
      setEmail('')
    } catch (caught) {
      setError(errorMessage(caught))
      setFocusTarget('email')
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      ref={formRef}
      className="stack"
      onSubmit={(event) => void handleSubmit(event)}
      aria-labelledby={`${id}-add`}
    >
      <h3 id={`${id}-add`}>{t('addMember')}</h3>
      <div className="field">
        <label htmlFor={`${id}-email`}>{t('email')}</label>
        <input
          ref={emailRef}
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
      {invitationUrl && <InvitationLink ref={invitationRef} path={invitationUrl} intro={t('invitationCreated')} />}
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {t('addMember')}
        </button>
      </div>
    </form>
  )
}
