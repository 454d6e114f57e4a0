import type { InputHTMLAttributes } from 'react'
import { useSharedText, type SharedTextOptions } from './useSharedText.ts'

type Bound = 'value' | 'onChange' | 'onSelect' | 'onFocus' | 'onBlur' | 'onKeyDown' | 'onCompositionStart' | 'onCompositionEnd'

interface SharedTextInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, Bound>, SharedTextOptions {
  /** The text as the shared document holds it now. */
  value: string
  /** Called on every keystroke with the field's new text, the text it showed before and the caret. */
  onEdit: (next: string, base: string, caretAfter: number) => void
}

/** A text input over a shared text that others may type into at once (see `useSharedText`). */
export function SharedTextInput({ value, onEdit, text, prepare, ...rest }: SharedTextInputProps) {
  return <input {...rest} {...useSharedText<HTMLInputElement>(value, onEdit, { text, prepare })} />
}
