import type { ReactNode } from 'react'

/**
 * A wide table on a narrow screen scrolls sideways by itself, not the page (WCAG 1.4.10): the
 * region is named after the table and takes focus, so a keyboard can scroll it. On paper it
 * does not clip (print.css).
 */
export function PrintTableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="print-table__scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  )
}
