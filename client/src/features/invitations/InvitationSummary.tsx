import { t } from '../../app/i18n.ts'
import type { Invitation } from './useInvitation.ts'
import { roleName } from '../../app/roleName.ts'

/** The workspace, address and role of an invitation, as a heading and a sentence. */
export function InvitationSummary({
  invitation,
  titleId,
  Heading = 'h2',
}: {
  invitation: Invitation
  titleId: string
  Heading?: 'h1' | 'h2'
}) {
  return (
    <>
      <Heading id={titleId}>
        {t('invitationTitle', { workspace: invitation.workspaceName ?? t('invitationWorkspace') })}
      </Heading>
      <p>
        {t('invitationFor', {
          email: invitation.email,
          role: roleName(invitation.role),
        })}
      </p>
    </>
  )
}
