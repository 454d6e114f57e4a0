import { useId } from 'react'
import { t } from '../../app/i18n.ts'
import { budgetSummary } from './budgetSummary.ts'
import { FieldTable, type FieldColumn } from './FieldTable.tsx'
import { formatAmount, formatKronor } from './formatAmount.ts'
import { NumberInput } from './NumberInput.tsx'
import type { SectionFields } from './SectionFields.ts'
import { storedNumber } from './storedNumber.ts'

// The checks allow rounding of öre and of a percentage's second decimal (rule `budget-sums`).
const TOLERANCE_KR = 0.5

interface BudgetFormProps {
  fields: SectionFields
  editable: boolean
}

/** ESF+ 7: cost rows, financiers with amounts (ESF+ support marked), and the co-financing share. */
export function BudgetForm({ fields, editable }: BudgetFormProps) {
  const requiredId = useId()
  const rows = fields.rows('rows').map((row) => row.values)
  const financing = fields.rows('financing').map((row) => row.values)
  const summary = budgetSummary(rows, financing)
  const required = storedNumber(fields.get('requiredCofinancingPercent'))
  const kr = formatKronor
  const percent = (value: number) => `${formatAmount(value, 1, 1)} %`
  const costColumns: FieldColumn[] = [
    { key: 'label', label: t('fieldsCostLabel'), type: 'text', width: 'wide' },
    // The ESF+ budget is per category and year; the checks sum the amounts whatever the year.
    { key: 'year', label: t('fieldsYear'), type: 'year', width: 'narrow' },
    { key: 'amount', label: t('fieldsAmount'), type: 'amount' },
  ]
  const financingColumns: FieldColumn[] = [
    { key: 'funder', label: t('fieldsFunder'), type: 'text', width: 'wide' },
    { key: 'amount', label: t('fieldsAmount'), type: 'amount' },
    { key: 'esf', label: t('fieldsEsf'), type: 'check' },
  ]
  // A totals row lines its sum up under the amount column.
  const totalRow = (label: string, value: string, columns: readonly FieldColumn[]) => (
    <tr>
      <th scope="row">{label}</th>
      {columns.slice(1).map((column) =>
        column.key === 'amount' ? (
          <td key={column.key} className="fields-table__amount">
            {/* The number never breaks inside itself; "kr" may go to the next line on a narrow screen. */}
            <span className="fields-table__sum">{value.replace(/ kr$/, '')}</span>
            {value.endsWith(' kr') ? ' kr' : ''}
          </td>
        ) : (
          <td key={column.key} />
        ),
      )}
      {editable && <td />}
    </tr>
  )
  const problems: string[] = []
  if (financing.length > 0 && Math.abs(summary.funded - summary.cost) > TOLERANCE_KR) {
    problems.push(t('fieldsFundingDiffers', { funded: kr(summary.funded), cost: kr(summary.cost) }))
  }
  if (
    summary.cofinancingPercent !== null &&
    required !== null &&
    summary.cofinancingPercent + 1e-9 < required
  ) {
    problems.push(
      t('fieldsCofinancingLow', {
        share: percent(summary.cofinancingPercent),
        required: percent(required),
      }),
    )
  }

  return (
    <div className="fields-form">
      <FieldTable
        fields={fields}
        listKey="rows"
        caption={t('fieldsCostsCaption')}
        columns={costColumns}
        rowName={(row) => t('fieldsCostRow', { row })}
        addLabel={t('fieldsAddCost')}
        editable={editable}
        footer={totalRow(t('fieldsCostTotal'), kr(summary.cost), costColumns)}
      />
      <FieldTable
        fields={fields}
        listKey="financing"
        caption={t('fieldsFinancingCaption')}
        columns={financingColumns}
        rowName={(row) => t('fieldsFinancingRow', { row })}
        addLabel={t('fieldsAddFinancing')}
        editable={editable}
        footer={
          <>
            {totalRow(t('fieldsFundedTotal'), kr(summary.funded), financingColumns)}
            {totalRow(t('fieldsEsfTotal'), kr(summary.esf), financingColumns)}
          </>
        }
      />
      <dl className="fields-summary">
        <dt>{t('fieldsCofinancing')}</dt>
        <dd data-testid="cofinancing-share">
          {summary.cofinancingPercent === null
            ? t('fieldsCofinancingUnknown')
            : percent(summary.cofinancingPercent)}
        </dd>
      </dl>
      <div className="fields-field">
        <label htmlFor={requiredId}>{t('fieldsRequiredCofinancing')}</label>
        <NumberInput
          id={requiredId}
          kind="percent"
          value={fields.get('requiredCofinancingPercent')}
          readOnly={!editable}
          onCommit={(value) => fields.set({ requiredCofinancingPercent: value })}
        />
      </div>
      {problems.map((problem) => (
        <p key={problem} className="fields-sum fields-sum--off">
          {problem}
        </p>
      ))}
    </div>
  )
}
