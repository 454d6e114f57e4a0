import { Root, type LastRestore, type SectionInfo } from '@samskriv/schema'
import { useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { t } from '../../app/i18n.ts'
import './history.css'

/** `meta.lastRestore` as the server writes it, or null when it is not one. */
function readRestore(value: unknown): LastRestore | null {
  if (typeof value !== 'object' || value === null) return null
  const { by, name, at, sections } = value as Record<string, unknown>
  if (typeof by !== 'string' || typeof name !== 'string' || !Array.isArray(sections)) return null
  return { by, name, at: typeof at === 'string' ? at : '', sections: sections.filter((id): id is string => typeof id === 'string') }
}

interface RestoreNoticeProps {
  doc: Y.Doc
  /** The signed-in user: their own restore is told by the history panel. */
  userId: string
  sections: readonly SectionInfo[]
  /** Whether the first sync is done: what it brings is the past, not news. */
  synced: boolean
}

/**
 * Tells everyone who has the document open when someone else restores sections from a version:
 * their text changed under them, and without a word they would think it was lost. Stays until
 * closed; read out politely.
 */
export function RestoreNotice({ doc, userId, sections, synced }: RestoreNoticeProps) {
  const [notice, setNotice] = useState<LastRestore | null>(null)
  // What the first sync brings is the past; a restore in a later one (back from offline) is news.
  const firstSyncDone = useRef(false)
  const cameFrom = useRef<HTMLElement | null>(null)
  if (synced) firstSyncDone.current = true
  useEffect(() => {
    const meta = doc.getMap<unknown>(Root.meta)
    const observe = (event: Y.YMapEvent<unknown>) => {
      if (!firstSyncDone.current || event.transaction.local || !event.keysChanged.has('lastRestore')) return
      const restore = readRestore(meta.get('lastRestore'))
      if (restore && restore.by !== userId) setNotice(restore)
    }
    meta.observe(observe)
    return () => meta.unobserve(observe)
  }, [doc, userId])

  const titles = notice?.sections.flatMap((id) => sections.find((section) => section.id === id)?.title ?? []) ?? []
  return (
    <div className="restore-notice" role="status">
      {notice && (
        <p>
          {t('restoredByOther', { name: notice.name, sections: titles.length > 0 ? titles.map((title) => t('planIssueQuoted', { title })).join(', ') : t('restoredSectionsUnknown') })}{' '}
          <button
            type="button"
            className="button button--secondary button--small"
            // Closing gives focus back to where the user came from, not to the page's start.
            onFocus={(event) => {
              if (event.relatedTarget instanceof HTMLElement) cameFrom.current = event.relatedTarget
            }}
            onClick={() => {
              setNotice(null)
              const back = cameFrom.current?.isConnected ? cameFrom.current : document.querySelector<HTMLElement>('main h1')
              if (back && !back.hasAttribute('tabindex') && back.tabIndex < 0) back.setAttribute('tabindex', '-1')
              back?.focus()
            }}
          >
            {t('restoredDismiss')}
          </button>
        </p>
      )}
    </div>
  )
}
