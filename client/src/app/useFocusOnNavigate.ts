import { useEffect } from 'react'

/**
 * Moves focus to the page's heading when the path changes, as a page load would for a screen
 * reader: otherwise focus stays on a link or button that is gone, and lands on `<body>`.
 */
export function useFocusOnNavigate(path: string): void {
  useEffect(() => {
    // A link to a place in the page (`#kommentar-…`): that place takes focus, not the heading.
    if (window.location.hash) return
    const heading = document.querySelector<HTMLElement>('main h1')
    if (!heading) return
    heading.tabIndex = -1
    heading.focus({ preventScroll: true })
  }, [path])
}
