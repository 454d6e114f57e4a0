import { useEffect, useId, useRef, useState } from 'react'
import { EditorContent, useEditor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import { countChars, SECTION_TEXT_HEADING_LEVELS, sectionRoot } from '@samskriv/schema'
import type { CollabUser } from '../collab/useCollabDoc.ts'
import { CommentComposer } from '../features/comments/CommentComposer.tsx'
import { CommentHighlight } from '../features/comments/commentHighlight.ts'
import { useCanComment } from '../features/comments/commentPermission.ts'
import { t } from '../app/i18n.ts'
import { EditorToolbar } from './EditorToolbar.tsx'
import { LinkDialog } from './LinkDialog.tsx'
import { ALLOWED_LINK_SCHEME } from './linkHref.ts'
import { LinkShortcut } from './LinkShortcut.ts'
import { ReadOnlyNavigation } from './ReadOnlyNavigation.ts'
import './editor.css'
import { caretElement } from './caretElement.ts'

interface SectionEditorProps {
  doc: Y.Doc
  provider: WebsocketProvider
  sectionId: string
  title: string
  editable: boolean
  user: CollabUser
  /** Called with the section's character count (countChars of the plain text) after every change. */
  onCount: (sectionId: string, count: number) => void
}

/**
 * The editable element's attributes. Read-only text stays in the tab order (tabindex 0) and says it
 * is read-only, so keyboard users reach it to select and comment (ReadOnlyNavigation).
 */
function editorAttributes(id: string, title: string, editable: boolean, hintId: string): Record<string, string> {
  return {
    id,
    class: 'section-editor',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': title,
    'aria-readonly': String(!editable),
    tabindex: '0',
    ...(editable ? {} : { 'aria-describedby': hintId }),
  }
}

/** A Tiptap editor bound to the section's `section:<id>` fragment of the shared document. */
export function SectionEditor({ doc, provider, sectionId, title, editable, user, onCount }: SectionEditorProps) {
  const hintId = useId()
  const canComment = useCanComment(doc)
  const editorId = `section-editor-${sectionId}`
  const [linkOpen, setLinkOpen] = useState(false)
  // The editor is made once per section; the shortcut reaches the current state through this.
  const openLink = useRef(() => setLinkOpen(true))
  const editor = useEditor(
    {
      editable,
      extensions: [
        // Undo/redo comes from the Yjs binding; ProseMirror's own history would undo others' edits.
        // Links only to http(s) and mailto, the addresses the server accepts (DESIGN.md).
        StarterKit.configure({ undoRedo: false, trailingNode: false, heading: { levels: [...SECTION_TEXT_HEADING_LEVELS] }, link: { isAllowedUri: (url, { defaultValidate }) => defaultValidate(url) && ALLOWED_LINK_SCHEME.test(url) } }),
        Collaboration.configure({ document: doc, field: sectionRoot(sectionId) }),
        // The caret extension sets the whole `user` field: with the id, or "Här nu" lists this tab as someone else.
        CollaborationCaret.configure({ provider, user: { id: user.id, name: user.name, color: user.color }, render: caretElement }),
        CommentHighlight.configure({ doc, sectionId }),
        ReadOnlyNavigation,
        LinkShortcut.configure({ onOpenLink: () => openLink.current() }),
      ],
      editorProps: { attributes: editorAttributes(editorId, title, editable, hintId) },
      onCreate: ({ editor: created }) => onCount(sectionId, countChars(created.getText())),
      onUpdate: ({ editor: updated }) => onCount(sectionId, countChars(updated.getText())),
    },
    [doc, provider, sectionId],
  )

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable)
  }, [editor, editable])

  useEffect(() => {
    editor?.setOptions({ editorProps: { attributes: editorAttributes(editorId, title, editable, hintId) } })
  }, [editor, editorId, title, editable, hintId])

  return (
    <>
      {editor && editable && <EditorToolbar editor={editor} sectionTitle={title} editorId={editorId} onOpenLink={() => setLinkOpen(true)} />}
      <EditorContent editor={editor} className="section-editor-wrapper" />
      {!editable && (
        <p id={hintId} className="visually-hidden">
          {t(canComment ? 'readOnlyTextHint' : 'readOnlyTextHintNoComment')}
        </p>
      )}
      {editor && editable && linkOpen && <LinkDialog editor={editor} onClose={() => setLinkOpen(false)} />}
      <CommentComposer editor={editor} doc={doc} sectionId={sectionId} />
    </>
  )
}
