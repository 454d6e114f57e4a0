import { useState } from 'react'
import type { Ref } from 'react'
import { t } from '../../app/i18n.ts'

interface InvitationLinkProps {
  /** The link as the API answers it (`/invite/<token>`): shown and copied as a full address. */
  path: string
  /** What is said above the link. */
  intro: string
  ref?: Ref<HTMLDivElement>
}

/**
 * A new invitation link, with a button that copies it: the coordinator sends it on by other means
 * (the server sends no e-mail). Focusable, so focus can be moved to it once it is made.
 */
export function InvitationLink({ path, intro, ref }: InvitationLinkProps) {
  const [copyStatus, setCopyStatus] = useState('')
  const url = new URL(path, window.location.origin).toString()
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url)
      setCopyStatus(t('invitationLinkCopied'))
    } catch {
      setCopyStatus(t('copyFailed'))
    }
  }
  return (
    <div className="notice" ref={ref} tabIndex={-1}>
      <p>{intro}</p>
      <p>
        <a href={url} data-testid="invitation-url">
          {url}
        </a>
      </p>
      <button type="button" className="button button--secondary" onClick={() => void copy()}>
        {t('copyInvitationLink')}
      </button>
      <p role="status">{copyStatus}</p>
    </div>
  )
}
