import { useEffect, useRef, useState } from 'react'
import type { FocusEvent, RefObject } from 'react'
import type { Activity } from '@samskriv/plan'
import { t } from '../../app/i18n.ts'

export interface RemovedRowFocus {
  /** What the table says when someone else removed the row being edited. */
  announcement: string
  /** The status region, focused when the row being edited is removed by someone else. */
  statusRef: RefObject<HTMLParagraphElement | null>
  /** On focus within the table body: remembers which row has focus. */
  handleFocus: (event: FocusEvent) => void
  /** Before this user removes a row: the panel's own notice takes over. */
  markOwnRemoval: (id: string) => void
}

/**
 * When another user removes the row this user is editing, its fields vanish and the browser
 * drops focus to <body>: move it to the status region, which says what happened, instead of
 * leaving a keyboard or screen reader user nowhere. Tab goes on from there to the table.
 */
export function useRemovedRowFocus(shown: readonly Activity[]): RemovedRowFocus {
  const [announcement, setAnnouncement] = useState('')
  const statusRef = useRef<HTMLParagraphElement>(null)
  const focusedId = useRef<string | null>(null)
  const ownRemoval = useRef<string | null>(null)
  const before = useRef(shown)

  useEffect(() => {
    const previous = before.current
    before.current = shown
    const id = focusedId.current
    if (!id || shown.some((activity) => activity.id === id)) return
    focusedId.current = null
    const lost = !document.activeElement || document.activeElement === document.body
    if (ownRemoval.current === id || !lost) return
    const removed = previous.find((activity) => activity.id === id)
    if (!removed) return
    // The status that says so takes focus, not the next row's field: keystrokes still coming
    // would go into another activity's title, unnoticed (a QA walk got " 2026Slutpresentation").
    statusRef.current?.focus()
    setAnnouncement(t('planRemovedByOther', { title: removed.title.trim() || t('planUntitled') }))
  }, [shown])

  return {
    announcement,
    statusRef,
    handleFocus: (event) => {
      focusedId.current = (event.target as Element).closest('tr')?.getAttribute('data-activity-id') ?? null
    },
    markOwnRemoval: (id) => {
      ownRemoval.current = id
    },
  }
}
