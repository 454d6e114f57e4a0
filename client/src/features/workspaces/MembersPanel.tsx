import { useCallback, useEffect, useId, useRef, useState } from 'react'
import type { Role } from '@samskriv/schema'
import { api, errorMessage, membersApi } from '../../api/client.ts'
import type { Member, PendingInvitation, WorkspaceDetails } from '../../api/client.ts'
import { ErrorMessage } from '../../app/ErrorMessage.tsx'
import { t } from '../../app/i18n.ts'
import { useSession } from '../../app/SessionContext.ts'
import { navigate } from '../../app/useRoute.ts'
import { AddMemberForm } from './AddMemberForm.tsx'
import { MemberRow } from './MemberRow.tsx'
import { PendingInvitations } from './PendingInvitations.tsx'
import './members.css'
import { roleName } from '../../app/roleName.ts'

interface MembersPanelProps {
  workspace: WorkspaceDetails
  onChanged: () => void
}

/**
 * Who is in the workspace and with which role. Coordinators change roles, remove members, add
 * or invite, and see and withdraw pending invitations; everyone else reads the list.
 */
export function MembersPanel({ workspace, onChanged }: MembersPanelProps) {
  const id = useId()
  const { user } = useSession()
  const isCoordinator = workspace.role === 'coordinator'
  const [notice, setNotice] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [invitations, setInvitations] = useState<PendingInvitation[] | null>(null)
  const [withdrawing, setWithdrawing] = useState<string | null>(null)
  const [renewed, setRenewed] = useState<{ id: string; url: string } | null>(null)
  // Invitations whose links stopped working here (made anew, withdrawn): not offered for copying.
  const [retired, setRetired] = useState<string[]>([])
  const renewedRef = useRef<HTMLDivElement>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const invitationsHeadingRef = useRef<HTMLHeadingElement>(null)

  const loadInvitations = useCallback(() => {
    if (!isCoordinator) return
    membersApi.listInvitations(workspace.id).then(
      (result) => setInvitations(result.invitations),
      (caught: unknown) => setError(errorMessage(caught)),
    )
  }, [workspace.id, isCoordinator])

  useEffect(loadInvitations, [loadInvitations])

  const report = (message: string) => {
    setError(null)
    setNotice(message)
  }
  const fail = (caught: unknown) => {
    setNotice(null)
    setError(errorMessage(caught))
  }

  const handleChangeRole = async (member: Member, role: Role): Promise<boolean> => {
    try {
      await membersApi.changeRole(workspace.id, member.userId, role)
      report(t('memberRoleChanged', { name: member.name, role: roleName(role) }))
      onChanged()
      // Coordinators who step down lose the controls they stand on: focus goes to the heading.
      if (member.userId === user.id && role !== 'coordinator') headingRef.current?.focus()
      return true
    } catch (caught) {
      fail(caught)
      return false
    }
  }

  const handleRemove = async (member: Member): Promise<boolean> => {
    try {
      await membersApi.remove(workspace.id, member.userId)
    } catch (caught) {
      fail(caught)
      return false
    }
    if (member.userId === user.id) {
      navigate('/')
      return true
    }
    report(t('memberRemoved', { name: member.name }))
    onChanged()
    loadInvitations()
    headingRef.current?.focus()
    return true
  }

  const handleWithdraw = async (invitation: PendingInvitation) => {
    setWithdrawing(invitation.id)
    try {
      await membersApi.withdrawInvitation(workspace.id, invitation.id)
      setRetired((ids) => [...ids, invitation.id])
      setInvitations((current) => current?.filter((other) => other.id !== invitation.id) ?? null)
      report(t('invitationWithdrawn', { email: invitation.email }))
      invitationsHeadingRef.current?.focus()
    } catch (caught) {
      fail(caught)
      loadInvitations()
    } finally {
      setWithdrawing(null)
    }
  }

  // A lost link is made anew: the same address and role invited again, which withdraws the old link.
  const handleRenew = async (invitation: PendingInvitation) => {
    setWithdrawing(invitation.id)
    try {
      const result = await api.addMember(workspace.id, { email: invitation.email, role: invitation.role })
      if (!('invitation' in result)) {
        // The address has an account by now: it was added as a member instead.
        report(t('memberAddedAs', { name: result.member.name, role: roleName(result.member.role) }))
        onChanged()
        loadInvitations()
        return
      }
      setNotice(null)
      setError(null)
      setRetired((ids) => [...ids, invitation.id])
      setRenewed({ id: result.invitation.id, url: result.invitation.url })
      setInvitations((current) =>
        current?.map((other) => (other.id === invitation.id ? { ...other, id: result.invitation.id, expiresAt: result.invitation.expiresAt } : other)) ?? null,
      )
    } catch (caught) {
      fail(caught)
      loadInvitations()
    } finally {
      setWithdrawing(null)
    }
  }
  useEffect(() => {
    if (renewed) renewedRef.current?.focus()
  }, [renewed])

  return (
    <aside className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {t('membersTitle')}
      </h2>
      <table className="table members-table" aria-labelledby={`${id}-title`}>
        <thead>
          <tr>
            <th scope="col">{t('memberColName')}</th>
            <th scope="col">{t('memberColRole')}</th>
            {isCoordinator && <th scope="col">{t('memberColActions')}</th>}
          </tr>
        </thead>
        <tbody>
          {workspace.members.map((member) => (
            <MemberRow
              key={member.userId}
              member={member}
              isSelf={member.userId === user.id}
              editable={isCoordinator}
              onChangeRole={handleChangeRole}
              onRemove={handleRemove}
            />
          ))}
        </tbody>
      </table>
      <ErrorMessage message={error} />
      <p role="status">{notice}</p>
      {isCoordinator ? (
        <>
          <PendingInvitations
            headingId={`${id}-invitations`}
            headingRef={invitationsHeadingRef}
            invitations={invitations}
            busyId={withdrawing}
            onWithdraw={(invitation) => void handleWithdraw(invitation)}
            onRenew={(invitation) => void handleRenew(invitation)}
            renewed={renewed}
            renewedRef={renewedRef}
          />
          <AddMemberForm
            workspaceId={workspace.id}
            members={workspace.members}
            invitations={invitations}
            retiredInvitations={retired}
            onAdded={() => {
              onChanged()
              // Adding an address directly withdraws its pending invitation on the server.
              loadInvitations()
            }}
            onInvited={loadInvitations}
          />
        </>
      ) : (
        <p className="muted">{t('membersReadOnly')}</p>
      )}
    </aside>
  )
}
