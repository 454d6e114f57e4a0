import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { ChangeEvent, CompositionEvent, FocusEvent, KeyboardEvent, SyntheticEvent } from 'react'
import * as Y from 'yjs'
import { movedCaret } from '@samskriv/schema'

type TextField = HTMLInputElement | HTMLTextAreaElement

export interface SharedTextOptions {
  /** The shared text the value comes from, when it is one: the caret then follows its characters. */
  text?: () => Y.Text | undefined
  /**
   * Called when the field gets focus (editable fields only): makes the value a shared text before
   * anyone types, so two people who start typing in an empty field write into the same one.
   */
  prepare?: () => void
}

interface Shown {
  text: string
  start: number
  end: number
  /** The selection as positions in the shared text, when the field showed exactly its text. */
  anchors?: [Y.RelativePosition, Y.RelativePosition]
}

/**
 * Binds a text field to a shared text that others may type into at the same time:
 * - each keystroke reports the field's new text, the text it showed before (`base`: the shared
 *   text may already hold others' typing this field has not shown yet) and the caret after it;
 * - when others' change arrives, this user's caret and selection stay by the characters they were
 *   at (each sticks to the character before it, so text inserted right at the caret goes after it);
 * - while an input method composes a character (an accent, a Chinese character), nothing is
 *   written and others' changes wait: the composed text is written once, when it is done;
 * - Ctrl+Z / Ctrl+Shift+Z (⌘ on a Mac) undo and redo this user's own typing in the field.
 *
 * @example
 * const binding = useSharedText<HTMLInputElement>(value, (next, base, caret) => fields.setText('name', next, base, caret))
 * return <input aria-label="Namn" {...binding} />
 */
export function useSharedText<E extends TextField>(
  value: string,
  onEdit: (next: string, base: string, caretAfter: number) => void,
  options: SharedTextOptions = {},
) {
  const ref = useRef<E>(null)
  const shown = useRef<Shown>({ text: value, start: 0, end: 0 })
  // The browser's own undo forgets everything once another person's change sets the field's
  // value; this one undoes this user's typing in this field only, and keeps everyone else's.
  const undo = useRef<Y.UndoManager | null>(null)
  // While focused: the selection is read again just before any change to the document, as a
  // click or a held key may have moved it without an event React reports (onSelect waits for
  // mouseup and keyup), and the caret must come back where the user has it, not where they typed.
  const watching = useRef<(() => void) | null>(null)
  const [composing, setComposing] = useState<{ base: string; draft: string } | null>(null)
  const composingRef = useRef(false)
  composingRef.current = composing !== null

  const remember = (field: TextField) => {
    const start = field.selectionStart ?? 0
    const end = field.selectionEnd ?? 0
    const text = options.text?.()
    const anchors: Shown['anchors'] = text && text.toString() === field.value
      ? [Y.createRelativePositionFromTypeIndex(text, start, -1), Y.createRelativePositionFromTypeIndex(text, end, -1)]
      : undefined
    shown.current = { text: field.value, start, end, anchors }
  }
  const edit = (field: TextField, base: string) => {
    onEdit(field.value, base, field.selectionEnd ?? field.value.length)
    remember(field)
  }

  useEffect(
    () => () => {
      watching.current?.()
      undo.current?.destroy()
    },
    [],
  )

  useLayoutEffect(() => {
    const field = ref.current
    const before = shown.current
    if (!field || composing || before.text === value) return
    if (document.activeElement === field) {
      const text = options.text?.()
      const [start, end] = before.anchors && text?.doc && text.toString() === value
        ? before.anchors.map((anchor) => Y.createAbsolutePositionFromRelativePosition(anchor, text.doc!)?.index ?? value.length)
        : [movedCaret(before.start, before.text, value), movedCaret(before.end, before.text, value)]
      field.setSelectionRange(start!, Math.max(start!, end!))
    }
    remember(field)
  })

  return {
    ref,
    value: composing ? composing.draft : value,
    onChange: (event: ChangeEvent<E>) => {
      if (composing) return setComposing({ ...composing, draft: event.target.value })
      edit(event.target, shown.current.text)
    },
    onSelect: (event: SyntheticEvent<E>) => {
      if (!composing) remember(event.currentTarget)
    },
    onFocus: (event: FocusEvent<E>) => {
      options.prepare?.()
      const text = options.text?.()
      undo.current?.destroy()
      undo.current = text && options.prepare ? new Y.UndoManager(text, { captureTimeout: 600 }) : null
      watching.current?.()
      const field = event.currentTarget
      const doc = text?.doc
      if (!text || !doc) return
      const beforeChange = () => {
        // Only while the field shows the shared text as it is (not inside this user's own keystroke).
        if (!composingRef.current && field.value === options.text?.()?.toString()) remember(field)
      }
      doc.on('beforeTransaction', beforeChange)
      watching.current = () => doc.off('beforeTransaction', beforeChange)
    },
    onBlur: () => {
      undo.current?.destroy()
      undo.current = null
      watching.current?.()
      watching.current = null
    },
    onKeyDown: (event: KeyboardEvent<E>) => {
      const manager = undo.current
      if (!manager || composing || !(event.ctrlKey || event.metaKey)) return
      const key = event.key.toLowerCase()
      const redo = (key === 'z' && event.shiftKey) || key === 'y'
      if (key !== 'z' && key !== 'y') return
      event.preventDefault()
      if (redo) manager.redo()
      else manager.undo()
    },
    onCompositionStart: (event: CompositionEvent<E>) => setComposing({ base: shown.current.text, draft: event.currentTarget.value }),
    onCompositionEnd: (event: CompositionEvent<E>) => {
      const base = composing?.base ?? shown.current.text
      setComposing(null)
      edit(event.currentTarget, base)
    },
  }
}
