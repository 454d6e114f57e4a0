/**
 * A co-author's caret and name label, drawn in the text. Hidden from screen readers, which would
 * otherwise read the name in the middle of a word: who is where is announced by the presence list.
 * (Tiptap's default caret, with `aria-hidden` added; the colour is a checked `#rrggbb`.)
 */
export function caretElement(user: { name: string; color: string }): HTMLElement {
  const caret = document.createElement('span')
  caret.classList.add('collaboration-carets__caret')
  caret.setAttribute('aria-hidden', 'true')
  caret.style.borderColor = user.color
  const label = document.createElement('div')
  label.classList.add('collaboration-carets__label')
  label.style.backgroundColor = user.color
  label.textContent = user.name
  caret.append(label)
  return caret
}
