import { COMMENT_MAX_CHARS } from '@samskriv/schema'
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { Member } from '../../api/client.ts'
import { LengthLimit, usePasteLimit } from '../../app/LengthLimit.tsx'
import { t } from '../../app/i18n.ts'
import { loadMentionCandidates } from './loadMentionCandidates.ts'
import { matchMembers, mentionQuery, type Mention, type MentionQuery } from './model/index.ts'
import { useDocumentId } from './useDocumentId.ts'

export interface MentionDraft {
  body: string
  mentions: Mention[]
}

interface MentionTextareaProps {
  id: string
  value: MentionDraft
  onChange: (value: MentionDraft) => void
  rows?: number
  required?: boolean
  autoFocus?: boolean
  /** A name that says more than the visible label (which it starts with), e.g. which thread a reply goes to. */
  ariaLabel?: string
}

/**
 * A comment field where typing `@` offers the workspace's members in a listbox: arrow keys move,
 * Enter or Tab picks, Escape closes. Focus stays in the field; `aria-activedescendant` tells
 * screen readers which option is active. A pick inserts the plain text `@Name` and records the
 * person in the draft's mentions.
 */
export function MentionTextarea({ id, value, onChange, rows = 3, required, autoFocus, ariaLabel }: MentionTextareaProps) {
  const documentId = useDocumentId()
  const field = useRef<HTMLTextAreaElement>(null)
  const [members, setMembers] = useState<Member[]>([])
  const [query, setQuery] = useState<MentionQuery | null>(null)
  const [active, setActive] = useState(0)
  const listId = useId()
  const hintId = useId()
  const limitId = useId()
  // The server refuses a longer message: typing stops there, and a cut paste says so.
  const paste = usePasteLimit(COMMENT_MAX_CHARS)
  const options = query ? matchMembers(members, query.query) : []
  const open = options.length > 0
  const optionId = (index: number) => `${listId}-option-${index}`

  // Load once when a mention starts, not per keystroke.
  const mentioning = query !== null
  useEffect(() => {
    if (!mentioning || !documentId) return
    let cancelled = false
    void loadMentionCandidates(documentId).then((loaded) => {
      if (!cancelled) setMembers(loaded)
    })
    return () => {
      cancelled = true
    }
  }, [mentioning, documentId])

  const pendingCaret = useRef<number | null>(null)
  useLayoutEffect(() => {
    if (pendingCaret.current === null) return
    field.current?.setSelectionRange(pendingCaret.current, pendingCaret.current)
    pendingCaret.current = null
  }, [value.body])

  const update = (body: string, caret: number) => {
    onChange({ body, mentions: value.mentions })
    setQuery(mentionQuery(body, caret))
    setActive(0)
  }

  const pick = (member: Member) => {
    if (!query) return
    const inserted = `@${member.name} `
    const end = query.start + 1 + query.query.length
    const body = value.body.slice(0, query.start) + inserted + value.body.slice(end)
    const mentions = value.mentions.some((mention) => mention.userId === member.userId) ? value.mentions : [...value.mentions, { userId: member.userId, name: member.name }]
    onChange({ body, mentions })
    setQuery(null)
    // Put once the new text is in the field, before the next key is handled: a caret put a frame
    // later landed before what a quick (or loaded) typist had typed meanwhile, splitting it.
    pendingCaret.current = query.start + inserted.length
  }

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((current) => (current + step + options.length) % options.length)
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      const chosen = options[active]
      if (!chosen) return
      event.preventDefault()
      pick(chosen)
    } else if (event.key === 'Escape') {
      // Close the list only; a surrounding form must not treat this Escape as "cancel".
      event.preventDefault()
      event.stopPropagation()
      setQuery(null)
    }
  }

  return (
    <div className="mention-field">
      <textarea
        ref={field}
        id={id}
        value={value.body}
        rows={rows}
        required={required}
        autoFocus={autoFocus}
        aria-label={ariaLabel}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? optionId(active) : undefined}
        aria-describedby={`${hintId} ${limitId}`}
        maxLength={COMMENT_MAX_CHARS}
        onPaste={paste.onPaste}
        onChange={(event) => update(event.target.value, event.target.selectionStart)}
        onKeyDown={handleKeyDown}
        onBlur={() => setQuery(null)}
      />
      <p id={hintId} className="mention-hint">
        {t('mentionHint')}
      </p>
      <LengthLimit id={limitId} length={value.body.length} max={COMMENT_MAX_CHARS} cut={paste.cut} />
      {open && (
        <ul id={listId} role="listbox" aria-label={t('mentionSuggestions')} className="mention-options">
          {options.map((member, index) => (
            <li
              key={member.userId}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'mention-option mention-option--active' : 'mention-option'}
              // Keep focus (and the caret) in the field while picking with the mouse.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(member)}
            >
              {member.name}
            </li>
          ))}
        </ul>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {open ? t('mentionSuggestionCount', { count: options.length }) : ''}
      </p>
    </div>
  )
}
