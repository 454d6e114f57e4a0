import { t } from '../../app/i18n.ts'
import { limitState } from './limitState.ts'

interface CharCounterProps {
  sectionKey: string
  count: number
  limit: number | null
}

export function CharCounter({ sectionKey, count, limit }: CharCounterProps) {
  const state = limitState(count, limit)
  const warning = state === 'over' && limit !== null ? t('overLimit', { over: count - limit }) : state === 'near' ? t('nearLimit') : ''
  return (
    <p className={`char-count char-count--${state}`} data-testid={`char-count-${sectionKey}`} data-state={state}>
      <span>{limit === null ? t('charCountNoLimit', { count }) : t('charCount', { count, limit })}</span>
      {/* Only the change of state is announced, not every keystroke. */}
      <span className="char-count__warning" aria-live="polite">
        {warning}
      </span>
    </p>
  )
}
