import { useEffect, useId, useRef, useState } from 'react'
import { t } from '../../app/i18n.ts'

/**
 * "Återkalla signering" with an inline confirmation. The confirmation opens below the button,
 * never in its place, with focus on "Avbryt": the second click of a double-click lands on the
 * same button again and opening is idempotent, so one double-click never withdraws a sign-off.
 */
export function WithdrawSignOff({ itemId, busy, onWithdraw }: { itemId: string; busy: boolean; onWithdraw: () => void }) {
  const id = useId()
  const [confirming, setConfirming] = useState(false)
  const opener = useRef<HTMLButtonElement>(null)
  const cancel = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (confirming) cancel.current?.focus()
  }, [confirming])

  const handleOpen = () => {
    if (!busy) setConfirming(true)
  }
  const handleCancel = () => {
    setConfirming(false)
    opener.current?.focus()
  }
  const handleConfirm = () => {
    if (busy) return
    setConfirming(false)
    onWithdraw()
  }

  return (
    <div className="checks-withdraw">
      <button
        type="button"
        className="button button--secondary button--small"
        ref={opener}
        aria-label={t('checksWithdrawLabel', { id: itemId })}
        aria-expanded={confirming}
        aria-controls={confirming ? id : undefined}
        aria-disabled={busy || undefined}
        onClick={handleOpen}
      >
        {t('checksWithdraw')}
      </button>
      {confirming && (
        <div id={id} role="group" aria-labelledby={`${id}-question`} className="checks-withdraw__confirm">
          <p id={`${id}-question`}>{t('checksWithdrawConfirm', { id: itemId })}</p>
          <button type="button" className="button" onClick={handleConfirm} aria-disabled={busy || undefined}>
            {t('checksWithdrawYes')}
          </button>{' '}
          <button type="button" className="button button--secondary" ref={cancel} onClick={handleCancel} onKeyDown={(event) => event.key === 'Escape' && handleCancel()}>
            {t('checksWithdrawCancel')}
          </button>
        </div>
      )}
    </div>
  )
}
