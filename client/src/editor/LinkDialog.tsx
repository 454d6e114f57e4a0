import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { getMarkRange, type Editor } from '@tiptap/react'
import { t } from '../app/i18n.ts'
import { linkHref } from './linkHref.ts'
import { trackRange } from './trackRange.ts'

interface Target {
  from: number
  to: number
  /** The text there when the dialog opened. */
  text: string
  href: string
  /** Where the range is now: co-authors may have written before it since the dialog opened. */
  now: () => { from: number; to: number } | null
}

/** What the link applies to: the selection, or the whole link the caret is in. */
function targetOf(editor: Editor): Target {
  const { state } = editor
  let { from, to } = state.selection
  const linkType = state.schema.marks.link
  if (from === to && linkType) {
    const range = getMarkRange(state.doc.resolve(from), linkType)
    if (range) ({ from, to } = range)
  }
  const href = (editor.getAttributes('link').href as string | undefined) ?? ''
  return { from, to, text: state.doc.textBetween(from, to, ' '), href, now: trackRange(editor, from, to) }
}

interface LinkDialogProps {
  editor: Editor
  onClose: () => void
}

/**
 * Asks for a link's address and the text it shows (Ctrl+K or the toolbar's "Länk"). The text is
 * the selection's, or the link's the caret is in; the user may write their own. Only http(s) and
 * mailto addresses are made (linkHref); a bare host name gets https://.
 */
export function LinkDialog({ editor, onClose }: LinkDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [target] = useState(() => targetOf(editor))
  const [address, setAddress] = useState(target.href)
  const [text, setText] = useState(target.text)
  const [error, setError] = useState('')
  const titleId = useId()
  const addressId = useId()
  const hintId = useId()
  const errorId = useId()
  const textId = useId()

  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
    return () => element?.close()
  }, [])

  const close = () => {
    onClose()
    editor.commands.focus()
  }
  const save = (event: FormEvent) => {
    event.preventDefault()
    const href = linkHref(address)
    if (!href) {
      setError(t('linkInvalid'))
      return
    }
    const range = target.now()
    if (!range) {
      setError(t('linkTargetGone'))
      return
    }
    const shown = text.trim() ? text : target.text || href
    const chain = editor.chain().focus()
    if (shown === target.text && range.from < range.to) {
      // Same text: keep its other formatting, only link it.
      chain
        .setTextSelection(range)
        .extendMarkRange('link')
        .setLink({ href })
    } else {
      chain
        .insertContentAt(
          range,
          { type: 'text', text: shown, marks: [{ type: 'link', attrs: { href } }] },
        )
        .unsetMark('link')
    }
    chain.run()
    onClose()
  }
  const remove = () => {
    const range = target.now()
    if (!range) {
      setError(t('linkTargetGone'))
      return
    }
    editor
      .chain()
      .focus()
      .setTextSelection(range)
      .extendMarkRange('link')
      .unsetLink()
      .run()
    onClose()
  }

  return (
    <dialog
      ref={dialog}
      className="link-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault()
        close()
      }}
    >
      <form onSubmit={save} noValidate>
        <h2 id={titleId}>{t('linkDialogTitle')}</h2>
        <label htmlFor={addressId}>{t('linkAddress')}</label>
        <input
          id={addressId}
          type="text"
          inputMode="url"
          autoComplete="url"
          value={address}
          onChange={(event) => {
            setAddress(event.target.value)
            setError('')
          }}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
          aria-invalid={error ? true : undefined}
          required
          autoFocus
        />
        <p id={hintId} className="link-dialog__hint">
          {t('linkAddressHint')}
        </p>
        {error && (
          <p id={errorId} className="link-dialog__error" role="alert">
            {error}
          </p>
        )}
        <label htmlFor={textId}>{t('linkText')}</label>
        <input
          id={textId}
          type="text"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <div className="link-dialog__actions">
          <button type="submit" className="button">{t('linkSave')}</button>
          {target.href && (
            <button type="button" className="button button--secondary" onClick={remove}>
              {t('toolbarUnlink')}
            </button>
          )}
          <button type="button" className="button button--secondary" onClick={close}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
