import { useEffect, useId, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { ROLES, isRole } from '@samskriv/schema'
import type { Role } from '@samskriv/schema'
import type { Member } from '../../api/client.ts'
import { t } from '../../app/i18n.ts'
import { roleName } from '../../app/roleName.ts'

interface MemberRowProps {
  member: Member
  isSelf: boolean
  /** Coordinators get a role select and a Remove button; everyone else reads. */
  editable: boolean
  /** Each resolves true when the server accepted the change. */
  onChangeRole: (member: Member, role: Role) => Promise<boolean>
  onRemove: (member: Member) => Promise<boolean>
}

/**
 * One member: name and address, role, and for coordinators a role select with its own Save
 * button (a select that saved on every change would save each role an arrow key passes) and a
 * Remove button that asks first.
 */
export function MemberRow({ member, isSelf, editable, onChangeRole, onRemove }: MemberRowProps) {
  const questionId = useId()
  const [draft, setDraft] = useState<Role>(member.role)
  const [busy, setBusy] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const selectRef = useRef<HTMLSelectElement>(null)
  const removeRef = useRef<HTMLButtonElement>(null)
  // A reload after someone else's change shows the stored role, not a stale draft.
  const [shownRole, setShownRole] = useState<Role>(member.role)
  if (shownRole !== member.role) {
    setShownRole(member.role)
    setDraft(member.role)
  }

  const handleSave = async () => {
    setBusy(true)
    const saved = await onChangeRole(member, draft)
    setBusy(false)
    if (!saved) setDraft(member.role)
    setRefocus(true)
  }

  // The Save button goes away with the change; focus goes back to the select it belongs to,
  // once that is enabled again (a disabled control cannot take focus).
  const [refocus, setRefocus] = useState(false)
  useEffect(() => {
    if (!refocus || busy) return
    setRefocus(false)
    selectRef.current?.focus()
  }, [refocus, busy])

  const handleCancel = () => {
    setConfirming(false)
    requestAnimationFrame(() => removeRef.current?.focus())
  }

  const handleRemove = async () => {
    setBusy(true)
    const removed = await onRemove(member)
    if (removed) return // the row goes away; the panel moves focus
    setBusy(false)
    handleCancel()
  }

  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') handleCancel()
  }

  return (
    <>
      <tr>
        <th scope="row">
          <span>{member.name}</span>
          {isSelf && <span className="muted"> {t('memberYou')}</span>}
          <br />
          <span className="muted members-email">{member.email}</span>
        </th>
        <td>
          {editable ? (
            <span className="members-role">
              <select
                ref={selectRef}
                aria-label={t('memberRoleLabel', { name: member.name })}
                value={draft}
                disabled={busy}
                onChange={(event) => isRole(event.target.value) && setDraft(event.target.value)}
              >
                {ROLES.map((value) => (
                  <option key={value} value={value}>
                    {roleName(value)}
                  </option>
                ))}
              </select>
              {draft !== member.role && (
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('memberSaveRoleLabel', { name: member.name })}
                  disabled={busy}
                  onClick={() => void handleSave()}
                >
                  {t('memberSaveRole')}
                </button>
              )}
            </span>
          ) : (
            roleName(member.role)
          )}
        </td>
        {editable && (
          <td>
            <button
              ref={removeRef}
              type="button"
              className="button button--secondary button--small"
              aria-label={t('memberRemoveLabel', { name: member.name })}
              aria-expanded={confirming}
              disabled={busy}
              onClick={() => setConfirming(true)}
            >
              {t('memberRemove')}
            </button>
          </td>
        )}
      </tr>
      {confirming && (
        <tr className="members-confirm-row">
          <td colSpan={3}>
            <div
              className="members-confirm"
              role="group"
              aria-labelledby={questionId}
              onKeyDown={handleKeyDown}
            >
              <p id={questionId}>
                {isSelf
                  ? t('memberRemoveSelfQuestion')
                  : t('memberRemoveQuestion', { name: member.name })}
              </p>
              <button
                type="button"
                className="button button--small"
                autoFocus
                disabled={busy}
                onClick={() => void handleRemove()}
              >
                {t('memberRemoveConfirm')}
              </button>{' '}
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={busy}
                onClick={handleCancel}
              >
                {t('memberCancel')}
              </button>
            </div>
          </td>
        </tr>
      )}
    </>
  )
}
