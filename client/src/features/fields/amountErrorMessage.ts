import { t } from '../../app/i18n.ts'
import type { AmountError } from './parseAmount.ts'

/** What to tell the user about a number the form refused to save. */
export function amountErrorMessage(error: AmountError): string {
  switch (error) {
    case 'not-a-number':
      return t('fieldsErrorNotANumber')
    case 'not-whole':
      return t('fieldsErrorNotWhole')
    case 'negative':
      return t('fieldsErrorNegative')
    case 'over-hundred':
      return t('fieldsErrorOverHundred')
  }
}
