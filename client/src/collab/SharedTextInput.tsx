import { useLayoutEffect, useRef } from 'react'
import type { InputHTMLAttributes, SyntheticEvent } from 'react'
import { movedCaret } from './textSplice.ts'

interface SharedTextInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  /** The text as the shared document holds it now. */
  value: string
  /**
   * Called on every keystroke with the field's new text and the text it showed before (`base`):
   * the shared text may already hold others' typing that this field has not shown yet.
   */
  onEdit: (next: string, base: string) => void
}

/**
 * A text field over a shared text that others may type into at the same time: when their change
 * arrives, this user's caret and selection stay where they were in the text (moved along by what
 * was inserted before them) instead of jumping to the end, so their next keystroke lands where
 * they meant it.
 */
export function SharedTextInput({ value, onEdit, onSelect, ...rest }: SharedTextInputProps) {
  const ref = useRef<HTMLInputElement>(null)
  // What the field showed, and its selection in it, as of the last render or keystroke.
  const shown = useRef({ text: value, start: 0, end: 0 })
  const remember = (input: HTMLInputElement) => {
    shown.current = { text: input.value, start: input.selectionStart ?? 0, end: input.selectionEnd ?? 0 }
  }
  useLayoutEffect(() => {
    const input = ref.current
    const before = shown.current
    if (!input || before.text === value) return
    if (document.activeElement === input) {
      const start = movedCaret(before.start, before.text, value)
      const end = movedCaret(before.end, before.text, value)
      input.setSelectionRange(start, Math.max(start, end))
    }
    remember(input)
  }, [value])
  return (
    <input
      {...rest}
      ref={ref}
      value={value}
      onChange={(event) => {
        const base = shown.current.text
        remember(event.target)
        onEdit(event.target.value, base)
      }}
      onSelect={(event: SyntheticEvent<HTMLInputElement>) => {
        remember(event.currentTarget)
        onSelect?.(event)
      }}
    />
  )
}
