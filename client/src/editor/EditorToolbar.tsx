import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useEditorState, type Editor } from '@tiptap/react'
import { t, type MessageKey } from '../app/i18n.ts'

/** The formatting a section's text can have that the toolbar offers, all within the server's schema allowlist. */
type FormatState = Record<
  'bold' | 'italic' | 'heading' | 'subheading' | 'bulletList' | 'orderedList' | 'link',
  boolean
>

interface ToolbarItem {
  id: keyof FormatState | 'unlink'
  label: MessageKey
  /** Shown to people (tooltip) and to assistive technology (aria-keyshortcuts). */
  keys: string
  ariaKeys: string
  /** What the button shows when not its label; its accessible name is the label. */
  face?: ReactNode
  run: (editor: Editor) => void
}

/*
 * Headings are levels 3 and 4: the document's title is the page's h1 and the section's title its h2,
 * so the text's own headings nest under them (WCAG 1.3.1).
 */
const ITEMS: readonly ToolbarItem[] = [
  {
    id: 'bold',
    label: 'toolbarBold',
    keys: 'Ctrl+B',
    ariaKeys: 'Control+B',
    face: <b>F</b>,
    run: (editor) => editor.chain().focus().toggleBold().run(),
  },
  {
    id: 'italic',
    label: 'toolbarItalic',
    keys: 'Ctrl+I',
    ariaKeys: 'Control+I',
    face: <i>K</i>,
    run: (editor) => editor.chain().focus().toggleItalic().run(),
  },
  {
    id: 'heading',
    label: 'toolbarHeading',
    keys: 'Ctrl+Alt+3',
    ariaKeys: 'Control+Alt+3',
    run: (editor) => editor.chain().focus().toggleHeading({ level: 3 }).run(),
  },
  {
    id: 'subheading',
    label: 'toolbarSubheading',
    keys: 'Ctrl+Alt+4',
    ariaKeys: 'Control+Alt+4',
    run: (editor) => editor.chain().focus().toggleHeading({ level: 4 }).run(),
  },
  {
    id: 'bulletList',
    label: 'toolbarBulletList',
    keys: 'Ctrl+Skift+8',
    ariaKeys: 'Control+Shift+8',
    run: (editor) => editor.chain().focus().toggleBulletList().run(),
  },
  {
    id: 'orderedList',
    label: 'toolbarOrderedList',
    keys: 'Ctrl+Skift+7',
    ariaKeys: 'Control+Shift+7',
    run: (editor) => editor.chain().focus().toggleOrderedList().run(),
  },
  { id: 'link', label: 'toolbarLink', keys: 'Ctrl+K', ariaKeys: 'Control+K', run: () => undefined },
  {
    id: 'unlink',
    label: 'toolbarUnlink',
    keys: '',
    ariaKeys: '',
    run: (editor) => editor.chain().focus().extendMarkRange('link').unsetLink().run(),
  },
]

function formatState(editor: Editor | null): FormatState {
  return {
    bold: editor?.isActive('bold') ?? false,
    italic: editor?.isActive('italic') ?? false,
    heading: editor?.isActive('heading', { level: 3 }) ?? false,
    subheading: editor?.isActive('heading', { level: 4 }) ?? false,
    bulletList: editor?.isActive('bulletList') ?? false,
    orderedList: editor?.isActive('orderedList') ?? false,
    link: editor?.isActive('link') ?? false,
  }
}

interface EditorToolbarProps {
  editor: Editor
  sectionTitle: string
  /** The id of the editable element, which the toolbar controls. */
  editorId: string
  onOpenLink: () => void
}

/**
 * Formatting buttons above an editable section (WAI-ARIA toolbar: one tab stop, arrow keys move
 * between the buttons, Escape goes back to the text). Toggle buttons say their state with
 * aria-pressed; each names its shortcut in its tooltip and in aria-keyshortcuts.
 */
export function EditorToolbar({ editor, sectionTitle, editorId, onOpenLink }: EditorToolbarProps) {
  const state =
    useEditorState({ editor, selector: ({ editor: current }) => formatState(current) }) ??
    formatState(null)
  const [current, setCurrent] = useState(0)
  const buttons = useRef<Array<HTMLButtonElement | null>>([])

  const moveTo = (index: number) => {
    const next = (index + ITEMS.length) % ITEMS.length
    setCurrent(next)
    buttons.current[next]?.focus()
  }
  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowRight: current + 1,
      ArrowLeft: current - 1,
      Home: 0,
      End: ITEMS.length - 1,
    }
    const target = moves[event.key]
    if (target !== undefined) {
      event.preventDefault()
      moveTo(target)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      editor.commands.focus()
    }
  }
  const handleClick = (item: ToolbarItem) => {
    if (item.id === 'link') onOpenLink()
    else if (item.id !== 'unlink' || state.link) item.run(editor)
  }

  return (
    <div
      role="toolbar"
      aria-label={t('toolbarLabel', { title: sectionTitle })}
      aria-controls={editorId}
      className="editor-toolbar"
      onKeyDown={handleKeyDown}
    >
      {ITEMS.map((item, index) => {
        const label = t(item.label)
        const tooltip = item.keys ? t('toolbarTooltip', { label, keys: item.keys }) : label
        const unavailable = item.id === 'unlink' && !state.link
        return (
          <button
            key={item.id}
            ref={(element) => {
              buttons.current[index] = element
            }}
            type="button"
            className={`editor-toolbar__button editor-toolbar__button--${item.id}`}
            tabIndex={index === current ? 0 : -1}
            aria-label={label}
            aria-pressed={item.id === 'unlink' ? undefined : state[item.id]}
            aria-disabled={unavailable || undefined}
            aria-haspopup={item.id === 'link' ? 'dialog' : undefined}
            aria-keyshortcuts={item.ariaKeys || undefined}
            title={tooltip}
            data-tooltip={tooltip}
            // Keep the text's selection: formatting applies to it.
            onMouseDown={(event) => event.preventDefault()}
            onFocus={() => setCurrent(index)}
            onClick={() => handleClick(item)}
          >
            <span aria-hidden="true">{item.face ?? label}</span>
          </button>
        )
      })}
    </div>
  )
}
