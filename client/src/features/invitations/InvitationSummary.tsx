import { roleLabel } from '@samskriv/schema'
import { t } from '../../app/i18n.ts'
import type { Invitation } from './useInvitation.ts'

/** The workspace, address and role of an invitation, as a heading and a sentence. */
export function InvitationSummary({
  invitation,
  titleId,
}: {
  invitation: Invitation
  titleId: string
}) {
  return (
    <>
      <h2 id={titleId}>
        {t('invitationTitle', { workspace: invitation.workspaceName ?? t('invitationWorkspace') })}
      </h2>
      <p>
        {t('invitationFor', {
          email: invitation.email,
          role: roleLabel[invitation.role] ?? invitation.role,
        })}
      </p>
    </>
  )
}
