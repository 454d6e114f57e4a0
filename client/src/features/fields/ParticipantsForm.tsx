import { useId } from 'react'
import { t } from '../../app/i18n.ts'
import { formatAmount } from './formatAmount.ts'
import { NumberInput } from './NumberInput.tsx'
import { AMOUNT_LIMITS } from './parseAmount.ts'
import type { SectionFields } from './SectionFields.ts'
import { storedNumber } from './storedNumber.ts'

// The ESF+ form's word for "no participants"; the checks accept it in all three fields (J4).
const NOT_APPLICABLE = 'Ej aktuellt'
const COUNTS = ['women', 'men', 'total'] as const

const isNotApplicable = (value: unknown) =>
  typeof value === 'string' && value.trim().toLowerCase() === NOT_APPLICABLE.toLowerCase()

interface ParticipantsFormProps {
  fields: SectionFields
  editable: boolean
}

/** ESF+ 5.5: planned participants as women, men and total, or "Ej aktuellt" in all three. */
export function ParticipantsForm({ fields, editable }: ParticipantsFormProps) {
  const ids = { women: useId(), men: useId(), total: useId() }
  const sumId = useId()
  const values = fields.values()
  const notApplicable = COUNTS.every((key) => isNotApplicable(values[key]))
  const women = storedNumber(values['women'])
  const men = storedNumber(values['men'])
  const total = storedNumber(values['total'])
  const sum = women !== null && men !== null ? women + men : null
  // A total that is not women + men is marked on the total's field too, not only in the line below it.
  const totalDiffers = !notApplicable && sum !== null && total !== null && total !== sum
  const labels = { women: t('fieldsWomen'), men: t('fieldsMen'), total: t('fieldsTotal') }

  const handleNotApplicable = (checked: boolean) =>
    fields.set(Object.fromEntries(COUNTS.map((key) => [key, checked ? NOT_APPLICABLE : null])))

  return (
    <fieldset className="fields-form">
      <legend>{t('fieldsParticipantsLegend')}</legend>
      <label className="fields-check">
        <input
          type="checkbox"
          checked={notApplicable}
          disabled={!editable}
          onChange={(event) => handleNotApplicable(event.target.checked)}
        />
        {t('fieldsNotApplicable')}
      </label>
      {!notApplicable && (
        <div className="fields-grid">
          {COUNTS.map((key) => (
            <div key={key} className="fields-field">
              <label htmlFor={ids[key]}>{labels[key]}</label>
              <NumberInput
                id={ids[key]}
                kind="count"
                value={values[key]}
                readOnly={!editable}
                onCommit={(value) => fields.set({ [key]: value })}
                problemId={key === 'total' && totalDiffers ? sumId : undefined}
              />
            </div>
          ))}
        </div>
      )}
      {!notApplicable && sum !== null && (
        <p id={sumId} className={totalDiffers ? 'fields-sum fields-sum--off' : 'fields-sum'}>
          {total === null
            ? t('fieldsSumOnly', { sum: formatAmount(sum) })
            : total === sum
              ? t('fieldsSumMatches', { sum: formatAmount(sum) })
              : t('fieldsSumDiffers', { sum: formatAmount(sum), total: formatAmount(total) })}{' '}
          {/* Not past the limit a typed total has: the button would store what typing may not. */}
          {editable && total !== sum && sum <= AMOUNT_LIMITS.count && (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                // The button goes once the total is the sum: focus moves to the total it set, not to <body>.
                document.getElementById(ids.total)?.focus()
                fields.set({ total: sum })
              }}
            >
              {t('fieldsUseSum', { sum: formatAmount(sum) })}
            </button>
          )}
        </p>
      )}
    </fieldset>
  )
}
