import { useId } from 'react'
import type * as Y from 'yjs'
import { ACTIVITY_STATUSES, TITLE_MAX_LENGTH, activityMapOf, editActivity, updateActivity } from '@samskriv/plan'
import type { Activity, ActivityPatch, ActivityStatus, PlanIssue, PlanMember } from '@samskriv/plan'
import { LengthLimit, usePasteLimit } from '../../app/LengthLimit.tsx'
import { t } from '../../app/i18n.ts'
import { SharedTextInput } from '../../collab/SharedTextInput.tsx'
import { useSharedText } from '../../collab/useSharedText.ts'
import { ensureText, sharedTextAt, writeText } from '../../collab/writeText.ts'
import { ActivityLinks } from './ActivityLinks.tsx'
import { GrowingTextarea } from './GrowingTextarea.tsx'
import type { LinkableSection } from './activityLinks.ts'
import { monthLabel } from './monthLabel.ts'
import { MonthInput } from './MonthInput.tsx'
import { ownerLabel } from './ownerLabel.ts'
import { OwnerSelect } from './OwnerSelect.tsx'
import { recurrenceLabel } from './recurrenceLabel.ts'
import { RecurrenceSelect } from './RecurrenceSelect.tsx'
import { statusLabel } from './statusLabel.ts'

interface PlanRowProps {
  doc: Y.Doc
  activity: Activity
  /** 1-based, for labels that stay put while the title is edited. */
  row: number
  editable: boolean
  members: readonly PlanMember[]
  /** What validatePlan found in this row; the fields concerned are marked invalid. */
  issues: readonly PlanIssue[]
  /** The document's sections, for the links column. */
  sections: readonly LinkableSection[]
  /** Removes the activity (with an undo offered by the panel). */
  onRemove: (id: string) => void
}

/** One activity in the plan table, edited in place field by field. */
export function PlanRow({ doc, activity, row, editable, members, issues, sections, onRemove }: PlanRowProps) {
  // Titles and phases are shared texts: two people typing in one both keep their text.
  const shared = (key: 'title' | 'phase') => ({
    text: () => sharedTextAt(activityMapOf(doc, activity.id), key),
    prepare: editable ? () => editActivity(doc, activity.id, (map) => ensureText(map, key)) : undefined,
  })
  // A pasted line break becomes a space: a title is one line.
  const titleBinding = useSharedText<HTMLTextAreaElement>(activity.title, (next, base, caret) =>
    editActivity(doc, activity.id, (map) => writeText(map, 'title', next.replace(/[\r\n]+/g, ' '), base, caret)), shared('title'))
  const titleLimitId = useId()
  const titlePaste = usePasteLimit(TITLE_MAX_LENGTH)
  const links = <ActivityLinks doc={doc} activity={activity} row={row} editable={editable} sections={sections} />
  if (!editable) {
    return (
      <tr data-activity-id={activity.id}>
        <th scope="row">{activity.title}</th>
        <td>{ownerLabel(activity.owner, members)}</td>
        <td>{monthLabel(activity.start)}</td>
        <td>{monthLabel(activity.end)}</td>
        <td>{recurrenceLabel(activity.recurrence)}</td>
        <td>{statusLabel(activity.status)}</td>
        <td>{activity.phase}</td>
        <td>{links}</td>
      </tr>
    )
  }
  const update = (patch: ActivityPatch) => updateActivity(doc, activity.id, patch)
  const editPhase = (next: string, base: string, caret: number) =>
    editActivity(doc, activity.id, (map) => writeText(map, 'phase', next, base, caret))
  const label = (field: string) => t('planRowField', { field, row })
  const invalid = (field: PlanIssue['field']) => issues.some((issue) => issue.field === field) || undefined
  return (
    <tr data-activity-id={activity.id}>
      <th scope="row">
        {/* Wraps instead of cutting a long title off; a pasted line break becomes a space. */}
        <GrowingTextarea className="plan-table__title" aria-label={label(t('planColActivity'))} aria-invalid={invalid('title')}
          maxLength={TITLE_MAX_LENGTH} aria-describedby={titleLimitId} onPaste={titlePaste.onPaste} {...titleBinding} />
        <LengthLimit id={titleLimitId} length={activity.title.length} max={TITLE_MAX_LENGTH} cut={titlePaste.cut} />
      </th>
      <td>
        <OwnerSelect owner={activity.owner} members={members} label={label(t('planColOwner'))} invalid={invalid('owner')}
          onChange={(owner) => update({ owner })} />
      </td>
      <td>
        <MonthInput aria-label={label(t('planColStart'))} aria-invalid={invalid('start')} value={activity.start}
          onCommit={(start) => update({ start })} />
      </td>
      <td>
        <MonthInput aria-label={label(t('planColEnd'))} aria-invalid={invalid('end')} value={activity.end}
          onCommit={(end) => update({ end })} />
      </td>
      <td>
        <RecurrenceSelect recurrence={activity.recurrence} label={label(t('planRepeats'))} invalid={invalid('recurrence')}
          onChange={(recurrence) => update({ recurrence })} />
      </td>
      <td>
        <select aria-label={label(t('planColStatus'))} value={activity.status}
          onChange={(event) => update({ status: event.target.value as ActivityStatus })}>
          {ACTIVITY_STATUSES.map((status) => (
            <option key={status} value={status}>{statusLabel(status)}</option>
          ))}
        </select>
      </td>
      <td>
        <SharedTextInput aria-label={label(t('planColPhase'))} value={activity.phase} onEdit={editPhase} {...shared('phase')} />
      </td>
      <td>{links}</td>
      <td>
        <button type="button" className="button button--secondary" onClick={() => onRemove(activity.id)}>
          {t('planRemove')}<span className="visually-hidden"> {activity.title || t('planRowN', { row })}</span>
        </button>
      </td>
    </tr>
  )
}
