import type { CheckItemResult } from '@samskriv/checks'
import { getLang, t } from '../../app/i18n.ts'
import { focusSection } from './focusSection.ts'
import { SignOffForm } from './SignOffForm.tsx'
import { statusText } from './statusText.ts'
import { WithdrawSignOff } from './WithdrawSignOff.tsx'

/** One checklist item: status in words, title, message, a way to its section, and the sign-off form. */
export function CheckItemView({
  item,
  canSignOff,
  busy,
  onSign,
  onWithdraw,
}: {
  item: CheckItemResult
  canSignOff: boolean
  busy: boolean
  onSign: (item: CheckItemResult, status: 'pass' | 'warn' | 'fail', note: string) => void
  onWithdraw: (item: CheckItemResult) => void
}) {
  const sectionId = item.sectionId
  const signForm = `check-sign-${item.id}`
  return (
    <li className={`checks-item checks-item--${item.status}`} data-testid={`check-${item.id}`}>
      <p className="checks-item__head">
        <span className={`checks-status checks-status--${item.status}`}>{statusText(item.status)}</span>{' '}
        <strong>
          {item.id}. {item.title}
        </strong>
      </p>
      <p className="checks-item__message">{item.message}</p>
      {item.stale && <p className="checks-item__stale">{t('checksStale')}</p>}
      {/* The earlier assessment, for the analyst who judges the changed text again. */}
      {item.signOff && item.stale && (
        <p className="muted">
          {t('checksEarlierAssessment', {
            status: statusText(item.signOff.status),
            time: new Date(item.signOff.at).toLocaleString(getLang() === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'medium', timeStyle: 'short' }),
          })}
          {item.signOff.note ? `: ${item.signOff.note}` : ''}
        </p>
      )}
      {sectionId && (
        <button type="button" className="link-button" onClick={() => focusSection(sectionId)} aria-label={t('checksGoToLabel', { id: item.id })}>
          {t('checksGoTo')}
        </button>
      )}
      {canSignOff && item.kind === 'manual' && (
        <div id={signForm}>
          <SignOffForm
            itemTitle={`${item.id}. ${item.title}`}
            // A stale sign-off judged other content: its verdict is not offered again, only its note.
            initial={item.signOff ? { status: item.stale ? undefined : item.signOff.status, note: item.signOff.note } : undefined}
            stale={item.stale === true}
            busy={busy}
            onSign={(status, note) => onSign(item, status, note)}
          />
          {item.signOff && (
            <WithdrawSignOff
              itemId={item.id}
              busy={busy}
              onWithdraw={() => {
                // The confirmation closes: keep focus in the item, on its sign-off button.
                document.getElementById(signForm)?.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus()
                onWithdraw(item)
              }}
            />
          )}
        </div>
      )}
    </li>
  )
}
