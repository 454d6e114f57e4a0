import { t } from '../../app/i18n.ts'
import { formatAmount } from './formatAmount.ts'
import { AMOUNT_LIMITS, type AmountError, type AmountKind } from './parseAmount.ts'

/** What to tell the user about a number the form refused to save in a field of `kind`. */
export function amountErrorMessage(error: AmountError, kind: AmountKind): string {
  switch (error) {
    case 'not-a-number':
      return t('fieldsErrorNotANumber')
    case 'not-whole':
      return t('fieldsErrorNotWhole')
    case 'too-precise':
      return t('fieldsErrorTooPrecise')
    case 'negative':
      return t('fieldsErrorNegative')
    case 'over-hundred':
      return t('fieldsErrorOverHundred')
    case 'too-large':
      return kind === 'count'
        ? t('fieldsErrorTooMany', { max: formatAmount(AMOUNT_LIMITS.count) })
        : t('fieldsErrorTooLarge', { max: formatAmount(AMOUNT_LIMITS[kind]) })
  }
}
