import { t } from '../../app/i18n.ts'
import { FieldTable, type FieldColumn } from './FieldTable.tsx'
import type { SectionFields } from './SectionFields.ts'

interface IndicatorsFormProps {
  fields: SectionFields
  editable: boolean
}

/** The indicator table: goal → indicator → baseline → target, and whether it is followed up by sex. */
export function IndicatorsForm({ fields, editable }: IndicatorsFormProps) {
  const columns: FieldColumn[] = [
    { key: 'goal', label: t('fieldsGoal'), type: 'text', width: 'wide' },
    { key: 'indicator', label: t('fieldsIndicator'), type: 'text', width: 'wide' },
    { key: 'baseline', label: t('fieldsBaseline'), type: 'text' },
    { key: 'target', label: t('fieldsTarget'), type: 'text' },
    { key: 'bySex', label: t('fieldsBySex'), type: 'check' },
  ]
  return (
    <FieldTable
      fields={fields}
      listKey="rows"
      caption={t('fieldsIndicatorsCaption')}
      columns={columns}
      rowName={(row) => t('fieldsIndicatorRow', { row })}
      addLabel={t('fieldsAddIndicator')}
      editable={editable}
    />
  )
}
