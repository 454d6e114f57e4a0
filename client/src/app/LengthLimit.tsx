import { useId, useState, type ClipboardEvent, type InputHTMLAttributes } from 'react'
import { getLang, t } from './i18n.ts'

type TextField = HTMLInputElement | HTMLTextAreaElement

/**
 * Notices when a paste is longer than a field's `maxLength` lets in: the browser cuts it without a
 * word, and the end of a pasted name or note is lost unnoticed. Pass `onPaste` to the field.
 */
export function usePasteLimit(max: number): { cut: boolean; onPaste: (event: ClipboardEvent<TextField>) => void } {
  const [cut, setCut] = useState(false)
  return {
    cut,
    onPaste: (event) => {
      const field = event.currentTarget
      const replaced = (field.selectionEnd ?? field.value.length) - (field.selectionStart ?? field.value.length)
      const text = event.clipboardData.getData('text')
      // A one-line field drops a paste's line breaks (a line copied from Word ends in one).
      const pasted = field instanceof HTMLInputElement ? text.replace(/[\r\n]/g, '') : text
      setCut(field.value.length - replaced + pasted.length > max)
    },
  }
}

interface LengthLimitProps {
  /** For the field's aria-describedby. */
  id: string
  length: number
  max: number
  /** From `usePasteLimit`: the last paste did not fit. */
  cut: boolean
}

/**
 * Under a field with a limit: says that a paste was cut (until the text is shortened), and how
 * many characters are left once few are. Read out politely as it changes.
 */
export function LengthLimit({ id, length, max, cut }: LengthLimitProps) {
  const count = (n: number) => n.toLocaleString(getLang() === 'en' ? 'en-GB' : 'sv-SE')
  const text =
    cut && length >= max
      ? t('lengthCut', { max: count(max) })
      : length >= max * 0.9
        ? t('lengthLeft', { left: count(Math.max(0, max - length)), max: count(max) })
        : ''
  return (
    <span id={id} className={cut && length >= max ? 'error length-limit' : 'muted length-limit'} aria-live="polite">
      {text}
    </span>
  )
}

/** A text input with a limit that says so (see `LengthLimit`), for a form's plain fields. */
export function LimitedInput({ maxLength, value, ...rest }: InputHTMLAttributes<HTMLInputElement> & { maxLength: number; value: string }) {
  const paste = usePasteLimit(maxLength)
  const limitId = useId()
  const describedBy = [rest['aria-describedby'], limitId].filter(Boolean).join(' ')
  return (
    <>
      <input {...rest} value={value} maxLength={maxLength} onPaste={paste.onPaste} aria-describedby={describedBy} />
      <LengthLimit id={limitId} length={value.length} max={maxLength} cut={paste.cut} />
    </>
  )
}
