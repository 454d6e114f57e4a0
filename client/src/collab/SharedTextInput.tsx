import type { InputHTMLAttributes } from 'react'
import { useSharedText } from './useSharedText.ts'

interface SharedTextInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'onSelect'> {
  /** The text as the shared document holds it now. */
  value: string
  /** Called on every keystroke with the field's new text and the text it showed before. */
  onEdit: (next: string, base: string) => void
}

/** A text input over a shared text that others may type into at once (see `useSharedText`). */
export function SharedTextInput({ value, onEdit, ...rest }: SharedTextInputProps) {
  return <input {...rest} {...useSharedText<HTMLInputElement>(value, onEdit)} />
}
