import { useLayoutEffect, useRef } from 'react'
import type { ChangeEvent, SyntheticEvent } from 'react'
import { movedCaret } from './textSplice.ts'

type TextField = HTMLInputElement | HTMLTextAreaElement

/**
 * Binds a text field to a shared text that others may type into at the same time. Each keystroke
 * reports the field's new text with the text it showed before (`base`: the shared text may
 * already hold others' typing this field has not shown yet), and when others' change arrives this
 * user's caret and selection stay where they were in the text, moved along by what was inserted
 * before them, instead of jumping to the end.
 *
 * @example
 * const binding = useSharedText<HTMLInputElement>(value, (next, base) => fields.setText('name', next, base))
 * return <input aria-label="Namn" {...binding} />
 */
export function useSharedText<E extends TextField>(value: string, onEdit: (next: string, base: string) => void) {
  const ref = useRef<E>(null)
  // What the field showed, and its selection in it, as of the last render or keystroke.
  const shown = useRef({ text: value, start: 0, end: 0 })
  const remember = (field: TextField) => {
    shown.current = { text: field.value, start: field.selectionStart ?? 0, end: field.selectionEnd ?? 0 }
  }
  useLayoutEffect(() => {
    const field = ref.current
    const before = shown.current
    if (!field || before.text === value) return
    if (document.activeElement === field) {
      const start = movedCaret(before.start, before.text, value)
      const end = movedCaret(before.end, before.text, value)
      field.setSelectionRange(start, Math.max(start, end))
    }
    remember(field)
  }, [value])
  return {
    ref,
    value,
    onChange: (event: ChangeEvent<E>) => {
      const base = shown.current.text
      remember(event.target)
      onEdit(event.target.value, base)
    },
    onSelect: (event: SyntheticEvent<E>) => remember(event.currentTarget),
  }
}
