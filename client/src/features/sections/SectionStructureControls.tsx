import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import type { SectionInfo } from '@samskriv/schema'
import { t } from '../../app/i18n.ts'
import { moveSection, removeSection } from './sectionOps.ts'

interface SectionStructureControlsProps {
  doc: Y.Doc
  section: SectionInfo
  previousId: string | undefined
  nextId: string | undefined
  /** Removing a locked section's entry is refused for non-coordinators. */
  canRemove: boolean
  onRemoved: (title: string) => void
}

/** Keeps keyboard focus on a move button after its section has moved in the DOM. */
function focusAfterMove(sectionId: string, direction: 'up' | 'down') {
  requestAnimationFrame(() => {
    const preferred = document.getElementById(`move-${direction}-${sectionId}`) as HTMLButtonElement | null
    const other = document.getElementById(`move-${direction === 'up' ? 'down' : 'up'}-${sectionId}`) as HTMLButtonElement | null
    ;(preferred && !preferred.disabled ? preferred : other)?.focus()
  })
}

/** Move up/down and (for optional sections) remove with a confirming second click. */
export function SectionStructureControls({ doc, section, previousId, nextId, canRemove, onRemoved }: SectionStructureControlsProps) {
  const [confirming, setConfirming] = useState(false)
  useEffect(() => {
    if (!confirming) return
    const timer = setTimeout(() => setConfirming(false), 8000)
    return () => clearTimeout(timer)
  }, [confirming])

  const move = (direction: 'up' | 'down') => {
    const neighbour = direction === 'up' ? previousId : nextId
    if (!neighbour) return
    moveSection(doc, section.id, neighbour, direction)
    focusAfterMove(section.id, direction)
  }

  return (
    <div className="structure-controls">
      <button
        type="button"
        id={`move-up-${section.id}`}
        className="button button--secondary button--small"
        disabled={!previousId}
        aria-label={t('moveUpLabel', { title: section.title })}
        onClick={() => move('up')}
      >
        <span aria-hidden="true">↑ </span>
        {t('moveUp')}
      </button>
      <button
        type="button"
        id={`move-down-${section.id}`}
        className="button button--secondary button--small"
        disabled={!nextId}
        aria-label={t('moveDownLabel', { title: section.title })}
        onClick={() => move('down')}
      >
        <span aria-hidden="true">↓ </span>
        {t('moveDown')}
      </button>
      {!section.required && canRemove && (
        <>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={confirming ? t('confirmRemoveLabel', { title: section.title }) : t('removeSectionLabel', { title: section.title })}
            onClick={() => {
              if (!confirming) {
                setConfirming(true)
                return
              }
              removeSection(doc, section.id)
              onRemoved(section.title)
            }}
          >
            {confirming ? t('confirmRemove') : t('removeSection')}
          </button>
          {confirming && (
            <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          )}
        </>
      )}
    </div>
  )
}
