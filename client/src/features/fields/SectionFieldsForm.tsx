import { useMemo } from 'react'
import type * as Y from 'yjs'
import { t } from '../../app/i18n.ts'
import { BudgetForm } from './BudgetForm.tsx'
import type { FieldsSection } from '@samskriv/schema'
import { IndicatorsForm } from './IndicatorsForm.tsx'
import { OverviewForm } from './OverviewForm.tsx'
import { ParticipantsForm } from './ParticipantsForm.tsx'
import { SectionFields } from './SectionFields.ts'
import { useFieldsVersion } from './useFieldsVersion.ts'
import './fields.css'

interface SectionFieldsFormProps {
  doc: Y.Doc
  section: FieldsSection & { id: string }
  /** False for analysts and readers, and for editors while the section is locked. */
  editable: boolean
  locked: boolean
}

/** The structured values of a section (`fields[<section id>]`), live for everyone in the document. */
export function SectionFieldsForm({ doc, section, editable, locked }: SectionFieldsFormProps) {
  useFieldsVersion(doc)
  const fields = useMemo(() => new SectionFields(doc, section.id), [doc, section.id])
  const form =
    section.kind === 'participants' ? (
      <ParticipantsForm fields={fields} editable={editable} />
    ) : section.kind === 'budget' ? (
      <BudgetForm fields={fields} editable={editable} />
    ) : section.kind === 'indicators' ? (
      <IndicatorsForm fields={fields} editable={editable} />
    ) : section.key === 'oversikt' ? (
      <OverviewForm fields={fields} editable={editable} />
    ) : null
  if (!form) return null
  return (
    <div className="fields" data-testid="section-fields">
      {!editable && (
        <p className="muted">{locked ? t('fieldsReadOnlyLocked') : t('fieldsReadOnly')}</p>
      )}
      {form}
    </div>
  )
}
