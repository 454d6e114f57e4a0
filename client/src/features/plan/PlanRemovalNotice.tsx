import { useEffect, useRef } from 'react'
import { t } from '../../app/i18n.ts'
import type { RemovalNotice } from './usePlanRemovals.ts'

interface PlanRemovalNoticeProps {
  notice: RemovalNotice | null
  onUndo: () => void
}

/**
 * A status region that says which activity was removed, with "Ångra" (focus moves to it, so a
 * keyboard user can undo at once), and then that it is back.
 */
export function PlanRemovalNotice({ notice, onUndo }: PlanRemovalNoticeProps) {
  const undoRef = useRef<HTMLButtonElement>(null)
  const statusRef = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    if (notice?.kind === 'removed') undoRef.current?.focus()
    // The table moves focus into the restored row; when a filter hides it, focus stays here
    // instead of falling back to the top of the page with the undo button gone.
    if (notice?.kind === 'restored' && (!document.activeElement || document.activeElement === document.body)) statusRef.current?.focus()
  }, [notice])
  const title = notice ? notice.activity.title.trim() || t('planUntitled') : ''
  return (
    <p ref={statusRef} role="status" className="plan-removal" tabIndex={-1}>
      {notice?.kind === 'removed' && (
        <>
          {t('planRemoved', { title })}{' '}
          <button ref={undoRef} type="button" className="button button--secondary" aria-label={t('planUndoLabel', { title })} onClick={onUndo}>
            {t('planUndo')}
          </button>
        </>
      )}
      {notice?.kind === 'restored' && t('planRestored', { title })}
    </p>
  )
}
