import { useRef, useState } from 'react'
import { t } from '../../app/i18n.ts'
import { HistoryPanel, type HistoryPanelProps } from './HistoryPanel.tsx'
import './history.css'

/** The "Historik" button of the document page and the panel it opens beside the text. */
export function HistoryButton(props: Omit<HistoryPanelProps, 'onClose'>) {
  const [open, setOpen] = useState(false)
  const buttonRef = useRef<HTMLButtonElement>(null)
  return (
    <>
      <button type="button" ref={buttonRef} className="button button--secondary" aria-expanded={open} aria-controls="history-panel" onClick={() => setOpen((current) => !current)}>
        {t('historyOpen')}
      </button>
      {open && (
        <HistoryPanel
          {...props}
          onClose={() => {
            setOpen(false)
            buttonRef.current?.focus()
          }}
        />
      )}
    </>
  )
}
