import { useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import type { ActivityOwner, PlanMember } from '@samskriv/plan'
import { t } from '../../app/i18n.ts'
import { GrowingTextarea } from './GrowingTextarea.tsx'
import { EXTERNAL_OWNER, NO_OWNER, ownerKey } from './ownerKey.ts'

interface OwnerSelectProps {
  owner: ActivityOwner | null
  members: readonly PlanMember[]
  /** Accessible name of the select, e.g. "Ansvarig, rad 2"; the name field adds ", annan aktör". */
  label: string
  onChange: (owner: ActivityOwner | null) => void
  /** Marks the select invalid (the owner has left the workspace). */
  invalid?: boolean
}

/**
 * Chooses the owner: a workspace member, or "Annan aktör…" with a name typed in for someone
 * outside the workspace (Försäkringskassan, a municipality). A member who has left stays
 * listed, marked, until someone picks another owner.
 */
export function OwnerSelect({ owner, members, label, onChange, invalid }: OwnerSelectProps) {
  // Picking "Annan aktör…" shows the name field before anything is stored.
  const [naming, setNaming] = useState(false)
  const select = useRef<HTMLSelectElement>(null)
  const external = naming || owner?.kind === 'external'
  const value = external ? EXTERNAL_OWNER : ownerKey(owner)
  const departed = owner?.kind === 'member' && !members.some((member) => member.userId === owner.userId) ? owner : null

  const handleSelect = (key: string) => {
    if (key === EXTERNAL_OWNER) return setNaming(true)
    setNaming(false)
    if (key === NO_OWNER) return onChange(null)
    const member = members.find((candidate) => ownerKey({ kind: 'member', userId: candidate.userId, name: '' }) === key)
    if (member) onChange({ kind: 'member', userId: member.userId, name: member.name })
  }

  const commitName = (text: string) => {
    // One line: a pasted line break becomes a space.
    const name = text.replace(/\s+/g, ' ').trim()
    if (!name) return
    setNaming(false)
    if (owner?.kind !== 'external' || owner.name !== name) onChange({ kind: 'external', name })
  }

  // Escape cancels the typed name (stored on leaving, it would also be the new-activity form's
  // owner for the next activity): the field gets back the stored name, so leaving stores nothing,
  // or, when no outside actor was stored, the select gets back the earlier choice and focus.
  const handleNameKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault()
      return commitName(event.currentTarget.value)
    }
    if (event.key !== 'Escape') return
    event.preventDefault()
    const field = event.currentTarget
    const stored = owner?.kind === 'external' ? owner.name : ''
    field.value = stored
    if (stored) {
      // Refits the field's height to the restored name.
      field.dispatchEvent(new Event('input', { bubbles: true }))
      return
    }
    // The emptied field stores nothing when focus leaves it for the select.
    select.current?.focus()
    setNaming(false)
  }

  return (
    <div className="plan-owner">
      <select ref={select} aria-label={label} aria-invalid={invalid || undefined} value={value} onChange={(event) => handleSelect(event.target.value)}>
        <option value={NO_OWNER}>{t('planOwnerNone')}</option>
        {members.map((member) => (
          <option key={member.userId} value={`member:${member.userId}`}>{member.name}</option>
        ))}
        {departed && (
          <option value={ownerKey(departed)}>{t('planOwnerDeparted', { name: departed.name || t('planOwnerFormerMember') })}</option>
        )}
        <option value={EXTERNAL_OWNER}>{t('planOwnerOther')}</option>
      </select>
      {external && (
        <GrowingTextarea
          key={owner?.kind === 'external' ? owner.name : ''}
          aria-label={t('planOwnerOtherLabel', { label })}
          placeholder={t('planOwnerOtherName')}
          defaultValue={owner?.kind === 'external' ? owner.name : ''}
          onBlur={(event) => commitName(event.target.value)}
          onKeyDown={handleNameKeyDown}
        />
      )}
    </div>
  )
}
