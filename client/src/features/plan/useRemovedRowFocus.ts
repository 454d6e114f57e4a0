import { useEffect, useRef, useState } from 'react'
import type { FocusEvent, RefObject } from 'react'
import type { Activity } from '@samskriv/plan'
import { t } from '../../app/i18n.ts'

const FIELDS = 'textarea, input, select, button'

export interface RemovedRowFocus {
  /** What the table says when someone else removed the row being edited. */
  announcement: string
  /** The status region, focused when there is no row left to go to. */
  statusRef: RefObject<HTMLParagraphElement | null>
  /** On focus within the table body: remembers which row has focus. */
  handleFocus: (event: FocusEvent) => void
  /** Before this user removes a row: the panel's own notice takes over. */
  markOwnRemoval: (id: string) => void
}

/**
 * When another user removes the row this user is editing, its fields vanish and the browser
 * drops focus to <body>: move it to the next row (or the one before, or the status region)
 * and say what happened, instead of leaving a keyboard or screen reader user nowhere.
 */
export function useRemovedRowFocus(body: RefObject<HTMLTableSectionElement | null>, shown: readonly Activity[]): RemovedRowFocus {
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
    const index = previous.findIndex((activity) => activity.id === id)
    const removed = previous[index]
    if (!removed) return
    const remaining = new Set(shown.map((activity) => activity.id))
    const next = previous.slice(index + 1).find((activity) => remaining.has(activity.id))
      ?? previous.slice(0, index).reverse().find((activity) => remaining.has(activity.id))
    const row = next && body.current?.querySelector(`tr[data-activity-id="${CSS.escape(next.id)}"]`)
    const field = row?.querySelector<HTMLElement>(FIELDS)
    if (field) field.focus()
    else statusRef.current?.focus()
    setAnnouncement(t('planRemovedByOther', { title: removed.title.trim() || t('planUntitled') }))
  }, [shown, body])

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
