import { useLayoutEffect, type RefObject } from 'react'

/**
 * Keeps a fixed panel's top edge under the app header while the header is in view, and at the
 * window's top once it has scrolled away: the header's links and buttons stay visible and
 * clickable beside an open panel (WCAG 2.4.11, focus not obscured).
 */
export function useBelowAppHeader(panel: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const place = () => {
      const bottom = document.querySelector('.app-header')?.getBoundingClientRect().bottom ?? 0
      if (panel.current) panel.current.style.top = `${Math.max(0, Math.round(bottom))}px`
    }
    place()
    window.addEventListener('scroll', place, { passive: true })
    window.addEventListener('resize', place)
    return () => {
      window.removeEventListener('scroll', place)
      window.removeEventListener('resize', place)
    }
  }, [panel])
}
