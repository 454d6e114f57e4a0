/**
 * Scrolls to a section and moves focus there: into its editor when it can be edited,
 * otherwise onto its heading (made programmatically focusable). Records the hash without routing.
 */
export function focusSection(sectionId: string): boolean {
  const section = document.getElementById(`section-${sectionId}`)
  if (!section) return false
  history.replaceState(history.state, '', `#section-${sectionId}`)
  section.scrollIntoView({ block: 'start' })
  const editor = section.querySelector<HTMLElement>('[contenteditable="true"]')
  if (editor) {
    editor.focus()
    return true
  }
  const heading = section.querySelector<HTMLElement>('h2, h3') ?? section
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1')
  heading.focus()
  return true
}
