import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, Selection, TextSelection } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

/**
 * Keyboard reading of a read-only section: the caret moves and Shift+arrows select, so an
 * analyst or viewer can select text to comment on without a mouse. Browsers move no caret in
 * contenteditable=false content (unless the user turned on caret browsing), and ProseMirror
 * hands keys only to editable views, so this plugin listens to the DOM events itself and moves
 * the browser's selection with `Selection.modify`; ProseMirror reads the new selection from the
 * DOM as it does after a mouse selection. Nothing here changes the document: only the
 * selection, which is never sent to the server.
 */
export const readOnlyNavigationKey = new PluginKey<boolean>('readOnlyNavigation')

type Granularity = 'character' | 'word' | 'line' | 'lineboundary'
type Direction = 'forward' | 'backward'

/** The movement of an arrow, Home or End key, by modifier, as `Selection.modify` names it. */
function movementOf(event: KeyboardEvent): [Direction, Granularity] | null {
  // Words: Ctrl on Windows and Linux, Option on a Mac. Alt+arrows elsewhere is the browser's Back
  // and Forward, which must keep working.
  const mac = /Mac|iPhone|iPad/.test(navigator.platform)
  if (event.altKey && !mac) return null
  const byWord = mac ? event.altKey : event.ctrlKey
  switch (event.key) {
    case 'ArrowLeft':
      return ['backward', byWord ? 'word' : 'character']
    case 'ArrowRight':
      return ['forward', byWord ? 'word' : 'character']
    case 'ArrowUp':
      return ['backward', 'line']
    case 'ArrowDown':
      return ['forward', 'line']
    case 'Home':
      return ['backward', 'lineboundary']
    case 'End':
      return ['forward', 'lineboundary']
    default:
      return null
  }
}

function domSelectionInside(view: EditorView): boolean {
  const selection = view.dom.ownerDocument.getSelection()
  if (!selection?.anchorNode || !selection.focusNode) return false
  return view.dom.contains(selection.anchorNode) && view.dom.contains(selection.focusNode)
}

/** Puts the browser's selection where the editor's is (a read-only view does not do it when focused by Tab). */
function writeSelectionToDom(view: EditorView): void {
  const selection = view.dom.ownerDocument.getSelection()
  if (!selection) return
  const { anchor, head } = view.state.selection
  try {
    const from = view.domAtPos(anchor)
    const to = view.domAtPos(head)
    selection.setBaseAndExtent(from.node, from.offset, to.node, to.offset)
  } catch {
    // A position the DOM cannot show (the view is being redrawn): the next key tries again.
  }
}

function setSelection(view: EditorView, selection: Selection): void {
  view.dispatch(view.state.tr.setSelection(selection).scrollIntoView())
  writeSelectionToDom(view)
}

/** Moves or extends the caret; false when the key is not one that moves it. */
function handleKey(view: EditorView, event: KeyboardEvent): boolean {
  const { doc } = view.state
  const modifier = event.ctrlKey || event.metaKey
  if (modifier && !event.altKey && (event.key.toLowerCase() === 'a' || event.code === 'KeyA')) {
    setSelection(
      view,
      TextSelection.between(Selection.atStart(doc).$from, Selection.atEnd(doc).$to),
    )
    return true
  }
  if (modifier && (event.key === 'Home' || event.key === 'End')) {
    const target = event.key === 'Home' ? Selection.atStart(doc).$from : Selection.atEnd(doc).$to
    setSelection(
      view,
      event.shiftKey
        ? TextSelection.between(view.state.selection.$anchor, target)
        : TextSelection.between(target, target),
    )
    return true
  }
  const movement = movementOf(event)
  if (!movement) return false
  const selection = view.dom.ownerDocument.getSelection()
  if (!selection) return false
  if (!domSelectionInside(view)) writeSelectionToDom(view)
  const { anchorNode, anchorOffset, focusNode, focusOffset } = selection
  selection.modify(event.shiftKey ? 'extend' : 'move', movement[0], movement[1])
  // At the text's edges the browser would move on into the rest of the page: stay in the section.
  if (!domSelectionInside(view) && anchorNode && focusNode)
    selection.setBaseAndExtent(anchorNode, anchorOffset, focusNode, focusOffset)
  readSelectionFromDom(view)
  return true
}

/**
 * Takes the browser's new selection into the editor at once. ProseMirror would read it on the
 * next `selectionchange`, but a redraw before then (the drawn caret moves) would put the old
 * selection back and lose a key press.
 */
function readSelectionFromDom(view: EditorView): void {
  const selection = view.dom.ownerDocument.getSelection()
  if (!selection?.anchorNode || !selection.focusNode || !domSelectionInside(view)) return
  try {
    const anchor = view.posAtDOM(selection.anchorNode, selection.anchorOffset)
    const head = view.posAtDOM(selection.focusNode, selection.focusOffset)
    const { doc } = view.state
    const next = TextSelection.between(doc.resolve(anchor), doc.resolve(head))
    if (!next.eq(view.state.selection))
      view.dispatch(view.state.tr.setSelection(next).scrollIntoView())
  } catch {
    // The DOM is being redrawn: ProseMirror reads the selection on its own when it settles.
  }
}

/**
 * The drawn caret, laid over the text rather than put into it: an element in the text would be a
 * stop of its own for the browser's caret movement.
 */
function drawCaret(view: EditorView, caret: HTMLElement): void {
  const show =
    !view.editable &&
    readOnlyNavigationKey.getState(view.state) === true &&
    view.state.selection.empty
  // Tiptap moves the editor into its React container after creating it: follow it there.
  if (view.dom.parentElement && caret.parentElement !== view.dom.parentElement)
    view.dom.parentElement.append(caret)
  const host = view.dom.offsetParent
  if (!show || !host) {
    caret.hidden = true
    return
  }
  try {
    const at = view.coordsAtPos(view.state.selection.head)
    const box = host.getBoundingClientRect()
    caret.style.left = `${at.left - box.left + host.scrollLeft}px`
    caret.style.top = `${at.top - box.top + host.scrollTop}px`
    caret.style.height = `${at.bottom - at.top}px`
    caret.hidden = false
  } catch {
    caret.hidden = true
  }
}

/**
 * Makes a read-only section navigable by keyboard: arrows (Ctrl for words), Home/End (Ctrl for the
 * whole section), Shift to select, Ctrl+A for the section's text; a drawn caret shows where the
 * keys act, since the browser draws none in read-only text.
 */
export const ReadOnlyNavigation = Extension.create({
  name: 'readOnlyNavigation',
  addProseMirrorPlugins() {
    return [
      new Plugin<boolean>({
        key: readOnlyNavigationKey,
        state: {
          init: () => false,
          apply: (tr, focused) =>
            (tr.getMeta(readOnlyNavigationKey) as boolean | undefined) ?? focused,
        },
        props: {
          handleDOMEvents: {
            keydown(view, event) {
              if (view.editable || event.defaultPrevented) return false
              if (!handleKey(view, event)) return false
              event.preventDefault()
              return true
            },
            focus(view) {
              if (view.editable) return false
              if (!domSelectionInside(view)) writeSelectionToDom(view)
              view.dispatch(view.state.tr.setMeta(readOnlyNavigationKey, true))
              return false
            },
            blur(view) {
              if (readOnlyNavigationKey.getState(view.state))
                view.dispatch(view.state.tr.setMeta(readOnlyNavigationKey, false))
              return false
            },
          },
        },
        view() {
          const caret = document.createElement('span')
          caret.className = 'readonly-caret'
          caret.setAttribute('aria-hidden', 'true')
          caret.hidden = true
          return {
            update(updated) {
              // Made editable while focused (a role change): the browser draws the caret from now on.
              if (updated.editable && readOnlyNavigationKey.getState(updated.state)) {
                updated.dispatch(updated.state.tr.setMeta(readOnlyNavigationKey, false))
                return
              }
              drawCaret(updated, caret)
            },
            destroy: () => caret.remove(),
          }
        },
      }),
    ]
  },
})
