import { useId, useRef, useState, type KeyboardEvent } from 'react'
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

/**
 * The section that takes a removed one's place (or the one before it) gets focus on its heading;
 * without either, the outline's heading does. Both exist before the removal re-renders the page.
 */
function focusAfterRemoval(previousId: string | undefined, nextId: string | undefined) {
  const neighbour = nextId ?? previousId
  const target = (neighbour && document.getElementById(`section-title-${neighbour}`)) || document.getElementById('outline-title')
  target?.focus()
}

/**
 * Move up/down and (for optional sections) remove. Removal asks in a group of its own beside the
 * button: a double-click on "Ta bort avsnitt" only opens it, and focus starts on "Avbryt", so a
 * repeated Enter cannot remove a section and its text either (there is no undo).
 */
export function SectionStructureControls({ doc, section, previousId, nextId, canRemove, onRemoved }: SectionStructureControlsProps) {
  const [confirming, setConfirming] = useState(false)
  const questionId = useId()
  const cancelRef = useRef<HTMLButtonElement>(null)
  const triggerId = `remove-${section.id}`

  const move = (direction: 'up' | 'down') => {
    const neighbour = direction === 'up' ? previousId : nextId
    if (!neighbour) return
    moveSection(doc, section.id, neighbour, direction)
    focusAfterMove(section.id, direction)
  }

  const handleCancel = () => {
    setConfirming(false)
    // The group unmounts with the state change; the trigger stays, so it can take focus now.
    document.getElementById(triggerId)?.focus()
  }

  const handleRemove = () => {
    focusAfterRemoval(previousId, nextId)
    removeSection(doc, section.id)
    onRemoved(section.title)
  }

  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return
    event.preventDefault()
    handleCancel()
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
            id={triggerId}
            className="button button--secondary button--small"
            aria-label={t('removeSectionLabel', { title: section.title })}
            aria-expanded={confirming}
            // Pressed again while the question is open (or the second click of a double-click): back to it.
            onClick={() => (confirming ? cancelRef.current?.focus() : setConfirming(true))}
          >
            {t('removeSection')}
          </button>
          {confirming && (
            <div className="structure-confirm" role="group" aria-labelledby={questionId} onKeyDown={handleKeyDown}>
              <p id={questionId}>{t('removeSectionQuestion', { title: section.title })}</p>
              <button type="button" className="button button--small" aria-label={t('confirmRemoveLabel', { title: section.title })} onClick={handleRemove}>
                {t('confirmRemove')}
              </button>{' '}
              <button ref={cancelRef} type="button" className="button button--secondary button--small" autoFocus onClick={handleCancel}>
                {t('cancel')}
              </button>
            </div>
          )}
        </>
      )}
    </div>
  )
}
